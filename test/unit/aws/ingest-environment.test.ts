import { describe, expect, it } from 'vitest';
import { ConfigurationError, loadIngestEnvironment } from '../../../lib/aws/ingest-environment.js';

const valid = {
  CASE_TABLE: 'cases',
  MAIL_BUCKET: 'mail',
  MAIL_PREFIX: 'incoming/',
  DEPLOYMENT: JSON.stringify({
    mailboxes: [{ address: 'Partnership@Swindon.example', policy: 'swindon', partnershipAddresses: ['partnership@swindon.example'] }],
    fromAddress: 'escalations@partnership.example',
    loopId: 'escalations@partnership.example',
    closureDays: ['2026-12-29'],
  }),
};

describe('the ingest environment', () => {
  it('is read whole, with policies loaded and addresses lower-cased', async () => {
    const env = await loadIngestEnvironment(valid);
    expect(env).toMatchObject({ table: 'cases', bucket: 'mail', prefix: 'incoming/', deployment: { closureDays: ['2026-12-29'] } });
    expect(env.deployment.mailboxes[0]?.address).toBe('partnership@swindon.example');
    expect(env.deployment.mailboxes[0]?.policy.id).toBe('swindon');
  });

  it.each([
    [{ ...valid, CASE_TABLE: undefined }, 'CASE_TABLE'],
    [{ ...valid, MAIL_PREFIX: undefined }, 'MAIL_PREFIX'],
    [{ ...valid, DEPLOYMENT: '{ "mailboxes": ' }, 'DEPLOYMENT is not JSON'],
    [
      { ...valid, DEPLOYMENT: JSON.stringify({ mailboxes: [], fromAddress: 'x@y.example', loopId: 'x@y.example' }) },
      'DEPLOYMENT.mailboxes',
    ],
    [{ ...valid, DEPLOYMENT: valid.DEPLOYMENT.replace('escalations@partnership.example', 'not-an-address') }, 'DEPLOYMENT.fromAddress'],
  ])('stops the function when something is missing or wrong (%#: %s)', async (env, named) => {
    const error = await loadIngestEnvironment(env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(named);
  });

  it('names an unknown policy', async () => {
    await expect(loadIngestEnvironment({ ...valid, DEPLOYMENT: valid.DEPLOYMENT.replace('"swindon"', '"swindn"') })).rejects.toThrow(
      "unknown policy 'swindn'",
    );
  });
});
