import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { handleSesEvent } from '../../../lib/aws/ses-intake.js';
import type { Log } from '../../../lib/log.js';
import { eml } from '../../support/eml.js';
import { deployment, harness, JANE, RAJ, SSP, type Harness } from '../cases/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.dynamo.close();
});

const fixture = () =>
  JSON.parse(readFileSync(new URL('../functions/fixtures/ses-lambda-event.json', import.meta.url), 'utf8')) as {
    Records: { ses: { mail: { messageId: string } } }[];
  };

class RecordingLog implements Log {
  readonly lines: string[] = [];
  info = (message: string, attributes: Record<string, unknown>) => this.lines.push(JSON.stringify({ message, ...attributes }));
  warn = this.info;
  error = this.info;
}

describe('SES intake: a message that fails the same way on every try', () => {
  it('is refused with a reason and not retried; the other records of the event are ingested', async () => {
    const event = fixture();
    const [record] = event.Records;
    if (!record) throw new Error('fixture has a record');
    event.Records.push({ ...record, ses: { ...record.ses, mail: { ...record.ses.mail, messageId: 'second' } } });
    const poisoned = eml({
      from: JANE,
      to: RAJ,
      cc: SSP,
      subject: 'Professional disagreement',
      text: 'I am raising this at Stage 2 of the resolution policy.',
    });
    const healthy = eml({
      from: RAJ,
      to: JANE,
      cc: SSP,
      subject: 'Professional disagreement',
      text: 'I am raising this at Stage 3 of the resolution policy.',
    });
    const store = new DynamoCaseStore(h.dynamo.doc, h.dynamo.table);
    const createCase = store.createCase.bind(store);
    let refusedOnce = false;
    store.createCase = async (c) => {
      if (c.participants.includes('jane.smith@swindon-council.example') && !refusedOnce) {
        refusedOnce = true;
        throw Object.assign(new Error('Item size has exceeded the maximum allowed size (jane.smith@swindon-council.example)'), {
          name: 'ValidationException',
        });
      }
      return createCase(c);
    };
    const log = new RecordingLog();
    const summary = await handleSesEvent(event, {
      store,
      mailer: h.mailer,
      reminders: h.reminders,
      clock: h.clock,
      deployment,
      log,
      keyPrefix: 'incoming/',
      source: { read: (key) => Promise.resolve(key.endsWith('second') ? healthy : poisoned) },
    });
    expect(summary).toEqual({ processed: 1, rejected: 1 });
    expect(log.lines.find((l) => l.includes('message rejected'))).toMatch(
      /"error":"ValidationException","reason":"unprocessable","errorHash":"[0-9a-f]{12}"/,
    );
    expect(log.lines.join('\n')).not.toContain('@');
  });
});
