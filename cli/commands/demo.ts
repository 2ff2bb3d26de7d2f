import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { replay } from '../../lib/local/replay.js';
import { timeline } from '../../lib/local/timeline.js';
import type { Attachment } from '../../lib/outgoing/mail.js';
import { builtInPolicies } from '../../lib/policy/registry.js';
import { defineCommand } from '../command.js';
import type { Io } from '../io.js';

const UNTIL = DateTime.fromISO('2027-01-31T12:00:00Z');

export const demo = defineCommand({
  name: 'demo',
  summary: 'Replays examples/, a realistic thread for each of the five policies, and prints each case as a timeline.',
  description: 'The whole product at work in seconds: the same replay as `replay`, with a virtual clock running to 31 January 2027.',
  options: {},
  examples: ['demo'],
  run: demoCommand,
});

async function demoCommand(_args: unknown, io: Io): Promise<void> {
  const examples = join(repositoryRoot(), 'examples');
  for (const policy of builtInPolicies()) {
    const folder = join(examples, policy.id);
    const mailbox = (await readFile(join(folder, 'MAILBOX'), 'utf8')).trim();
    const names = (await readdir(folder)).filter((name) => name.endsWith('.eml')).sort();
    const messages = names.map((name) => ({ name, read: () => readFile(join(folder, name)) }));
    const forms = new Map<string, Attachment>();
    const onForm = (form: Attachment) => Promise.resolve(void forms.set(form.filename, form));
    const { document } = await replay({ policy, mailbox, messages, until: UNTIL, onForm });
    io.out(`${timeline(document, policy, [...forms.values()])}\n\n`);
  }
}

/** The folder with package.json above this module: the same from the sources and from the bundle in dist/. */
function repositoryRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}
