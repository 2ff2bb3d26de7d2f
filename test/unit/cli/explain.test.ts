import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const fixture = (name: string) => new URL(`../../fixtures/mail/${name}.eml`, import.meta.url).pathname;

describe('escalations explain', () => {
  it('prints one JSON object with the contract keys', async () => {
    const { code, stdout } = await run(
      'explain',
      '--policy',
      'swindon',
      '--stage',
      '2',
      '--json',
      fixture('swindon-02-escalate-stage3-outlook'),
    );
    expect(code).toBe(0);
    const explained = JSON.parse(stdout) as Record<string, unknown>;
    for (const key of ['messageId', 'date', 'from', 'to', 'cc', 'subject', 'flags', 'verdicts', 'newText', 'signals'])
      expect(explained).toHaveProperty(key);
    expect(explained).toMatchObject({
      messageId: '<LO2P265MB2@gwh-nhs.example>',
      date: '2026-11-06T15:40:00.000Z',
      flags: { autoReply: false, bounce: false, ownMail: false },
      reading: { escalateTo: '3', resolved: false, review: null },
      outcome: { kind: 'escalate', stage: '3' },
    });
    expect(explained.signals).toContainEqual(expect.objectContaining({ kind: 'stage', stage: '3', escalation: true, strength: 'strong' }));
  });

  it('tells an admin what it understood and what it will do', async () => {
    const { stdout } = await run('explain', '--policy', 'hull-east-riding', '--stage', '3', fixture('hull-10-contradictory'));
    expect(stdout).toContain('  | From our side this is now resolved.');
    expect(stdout).toContain('  - escalates to Stage 4 Head of Service/Senior Manager [strong]');
    expect(stdout).toContain('Outcome  sent to the partnership for review: contradictory');
  });

  it('explains several files in one run, one JSON object per line, each with the outcome ingest would take', async () => {
    const files = ['swindon-01-open-stage2-outlook', 'swindon-05-resolved-apple', 'noise-01-ooo-outlook', 'swindon-14-question'];
    const { code, stdout } = await run('explain', '--policy', 'swindon', '--json', ...files.map(fixture));
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    const outcomes = lines.map((line) => (JSON.parse(line) as { outcome: unknown }).outcome);
    expect(outcomes[0]).toEqual({ kind: 'open', stage: '2' });
    expect(outcomes[2]).toEqual({ kind: 'ignored', reason: 'auto-reply' });
    const onCase = await run('explain', '--policy', 'swindon', '--stage', '3', '--json', fixture('swindon-05-resolved-apple'));
    expect((JSON.parse(onCase.stdout) as { outcome: unknown }).outcome).toEqual({ kind: 'resolve' });
  });

  it('goes on past a file it cannot read, says so on its line, and exits 2', async () => {
    const { code, stdout, stderr } = await run('explain', '--policy', 'swindon', '--json', '/no/such.eml', fixture('noise-01-ooo-outlook'));
    expect(code).toBe(2);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ file: '/no/such.eml', error: expect.stringContaining('ENOENT') as unknown });
    expect(lines[1]).toMatchObject({ outcome: { kind: 'ignored' } });
    expect(stderr).toContain('1 of 2 files could not be explained');
  });

  it('explains why noise is ignored', async () => {
    const { stdout } = await run('explain', '--policy', 'swindon', fixture('noise-01-ooo-outlook'));
    expect(stdout).toContain('Flags    auto-reply: Auto-Submitted: auto-replied; auto-reply: out-of-office subject');
    expect(stdout).toContain('Outcome  ignored: an automatic reply');
  });

  it.each([
    [['--policy', 'swindon', '/no/such.eml'], "explain: cannot read '/no/such.eml' (ENOENT)"],
    [['--policy', 'swindon'], 'explain takes one or more .eml files'],
    [['--policy', 'swindon', '--stage', '9', fixture('noise-01-ooo-outlook')], "policy 'swindon' has no stage '9'"],
    [['--policy', 'nowhere', fixture('noise-01-ooo-outlook')], "unknown policy 'nowhere'"],
  ])('rejects %j with one line and exit code 2', async (argv, message) => {
    const { code, stderr } = await run('explain', ...argv);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it('says why bytes that are not mail cannot be explained', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'explain-')), 'binary.eml');
    writeFileSync(path, Buffer.from([0, 1, 2, 3, 255]));
    const { code, stderr } = await run('explain', '--policy', 'swindon', path);
    expect(code).toBe(2);
    expect(stderr).toContain('these bytes are not an email');
  });
});
