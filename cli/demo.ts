// The SDK here only talks to the embedded store; its notice about future Node versions is for maintainers.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { replay } from '../lib/local/replay.js';
import type { Attachment } from '../lib/outgoing/mail.js';
import { timeline } from '../lib/local/timeline.js';
import { builtInPolicies } from '../lib/policy/registry.js';

/** `npm run demo`: replays examples/, a thread for each policy, and prints each case's timeline. */
const examples = new URL('../examples/', import.meta.url).pathname;
const UNTIL = DateTime.fromISO('2027-01-31T12:00:00Z');

for (const policy of builtInPolicies()) {
  const folder = join(examples, policy.id);
  const mailbox = (await readFile(join(folder, 'MAILBOX'), 'utf8')).trim();
  const names = (await readdir(folder)).filter((name) => name.endsWith('.eml')).sort();
  const messages = names.map((name) => ({ name, read: () => readFile(join(folder, name)) }));
  const forms = new Map<string, Attachment>();
  const onForm = (form: Attachment) => Promise.resolve(void forms.set(form.filename, form));
  const { document } = await replay({ policy, mailbox, messages, until: UNTIL, onForm });
  process.stdout.write(`${timeline(document, policy, [...forms.values()])}\n\n`);
}
