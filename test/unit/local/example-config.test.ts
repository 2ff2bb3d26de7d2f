import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LocalConfigSchema, loadLocalConfig } from '../../../lib/local/local-config.js';

const root = new URL('../../../', import.meta.url).pathname;

describe('examples/local-config.json', () => {
  it('is a valid configuration that sets every field the code reads, each explained in examples/local-config.md', async () => {
    const { config, deployment } = await loadLocalConfig(`${root}examples/local-config.json`);
    expect(deployment.mailboxes.map((m) => m.policy.id)).toEqual(['swindon', 'hull-east-riding']);
    const written = JSON.parse(readFileSync(`${root}examples/local-config.json`, 'utf8')) as Record<string, unknown>;
    const fields = Object.keys(LocalConfigSchema.shape);
    expect(Object.keys(written).sort()).toEqual([...fields].sort());
    expect(Object.keys(config).sort()).toEqual([...fields].sort());
    const mailboxFields = Object.keys(LocalConfigSchema.shape.mailboxes.element.shape);
    const doc = readFileSync(`${root}examples/local-config.md`, 'utf8');
    for (const field of [...fields, ...mailboxFields.map((f) => `mailboxes[].${f}`)])
      expect(doc).toMatch(new RegExp(`^\\| \`${field.replace(/[[\]]/g, '\\$&')}\` +\\|.+\\|.{20,}\\|$`, 'm'));
  });
});
