import { DescribeActiveReceiptRuleSetCommand, SESClient, SetActiveReceiptRuleSetCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ForeignRuleSetActiveError, onRuleSetEvent, RuleSetEventError } from '../../../lib/aws/receipt-rule-set.js';

const ses = mockClient(SESClient);
const client = new SESClient({ region: 'eu-west-2' });
const OURS = 'EscalationMailbox-intake';
const event = (RequestType: string, extra: Record<string, unknown> = {}) => ({
  RequestType,
  ResourceProperties: { ServiceToken: 'arn', RuleSetName: OURS },
  ...extra,
});
const activating = () => ses.commandCalls(SetActiveReceiptRuleSetCommand).map((call) => call.args[0].input);
const active = (name: string | undefined) =>
  ses.on(DescribeActiveReceiptRuleSetCommand).resolves(name === undefined ? {} : { Metadata: { Name: name } });

beforeEach(() => {
  ses.reset();
  ses.on(SetActiveReceiptRuleSetCommand).resolves({});
});

describe('the receipt rule set activation', () => {
  it.each(['Create', 'Update'])('activates its own rule set on %s when none is active', async (type) => {
    active(undefined);
    await expect(onRuleSetEvent(event(type), client)).resolves.toEqual({ PhysicalResourceId: `active-${OURS}` });
    expect(activating()).toEqual([{ RuleSetName: OURS }]);
  });

  it('does nothing when its rule set is already active', async () => {
    active(OURS);
    await onRuleSetEvent(event('Update'), client);
    expect(activating()).toEqual([]);
  });

  it.each(['Create', 'Update'])('stops the deploy on %s rather than deactivate another application’s rule set, naming it', async (type) => {
    active('their-rules');
    const error = await onRuleSetEvent(event(type), client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignRuleSetActiveError);
    expect((error as Error).message).toContain("'their-rules' is active");
    expect(activating()).toEqual([]);
  });

  it('replaces the rule set it activated itself under a former name', async () => {
    active('Old-intake');
    await onRuleSetEvent(event('Update', { OldResourceProperties: { RuleSetName: 'Old-intake' } }), client);
    expect(activating()).toEqual([{ RuleSetName: OURS }]);
  });

  it('deactivates on delete only when its own rule set is the active one', async () => {
    active(OURS);
    await onRuleSetEvent(event('Delete'), client);
    expect(activating()).toEqual([{}]);
  });

  it.each([['their-rules'], [undefined]])('leaves the active rule set alone on delete when it is not its own (%s)', async (name) => {
    active(name);
    await onRuleSetEvent(event('Delete'), client);
    expect(activating()).toEqual([]);
  });

  it('refuses an event without a rule set name, calling nothing', async () => {
    await expect(onRuleSetEvent({ RequestType: 'Delete', ResourceProperties: {} }, client)).rejects.toBeInstanceOf(RuleSetEventError);
    expect(ses.calls()).toHaveLength(0);
  });
});
