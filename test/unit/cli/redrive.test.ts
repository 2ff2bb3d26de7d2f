import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'redrive-'));
const file = (name: string, json: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
};
const outputs = file('outputs.json', {
  EscalationMailbox: {
    CaseTable: 'EscalationMailbox-cases',
    MailBucket: 'escalationmailbox-raw-mail-123456789012-eu-west-2',
    ScheduleGroup: 'EscalationMailbox-reminders',
    RemindFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:Remind',
    SchedulerRoleArn: 'arn:aws:iam::123456789012:role/Scheduler',
    ReminderDeadLetterQueueArn: 'arn:aws:sqs:eu-west-2:123456789012:dlq',
    FailedInvocationsQueueUrl: 'https://sqs.eu-west-2.amazonaws.com/123456789012/failed',
  },
});
const cdkJson = (deployment: unknown) => file(`cdk-${Math.random()}.json`, { context: { escalationMailbox: { deployment } } });

describe('escalations redrive', () => {
  it.each([
    [[], '--outputs: required'],
    [['--outputs', outputs, '--to', '2026-11-02'], '--to: needs --from as well'],
    [['--outputs', outputs, '--from', '2026-11-05', '--to', '2026-11-02'], '--to: the period ends before it starts'],
    [['--outputs', outputs, '--from', 'yesterday'], '--from: not an ISO date'],
    [['--outputs', file('broken.json', '{')], 'cannot be read as JSON'],
    [['--outputs', outputs, '--stack', 'Other'], 'has no valid stack Other'],
    [['--outputs', outputs, '--config', cdkJson({ mailboxes: [] })], 'DEPLOYMENT.mailboxes'],
  ])('stops with a clear one-line error before touching AWS (%#)', async (argv, message) => {
    const { code, stderr } = await run('redrive', ...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is listed in the help, and explains itself', async () => {
    expect((await run('--help')).stdout).toMatch(/^ {2}redrive {2,}Re-ingests mail whose processing failed/m);
    const { code, stdout } = await run('redrive', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('usage: escalations redrive --outputs <outputs.json>');
  });
});
