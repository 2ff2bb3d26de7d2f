import { DescribeActiveReceiptRuleSetCommand, SetActiveReceiptRuleSetCommand, type SESClient } from '@aws-sdk/client-ses';
import * as z from 'zod';
import { describeIssues } from '../validation.js';

/** Another application's rule set is active: activating ours would silently stop its mail. */
export class ForeignRuleSetActiveError extends Error {
  override readonly name = 'ForeignRuleSetActiveError';
}

/** The custom resource's event is not what the stack sends. */
export class RuleSetEventError extends Error {
  override readonly name = 'RuleSetEventError';
}

const RuleSetEventSchema = z.looseObject({
  RequestType: z.enum(['Create', 'Update', 'Delete']),
  ResourceProperties: z.looseObject({ RuleSetName: z.string().min(1).max(64) }),
});

/**
 * CloudFormation cannot make a receipt rule set active; this custom resource does, touching only
 * its own rule set. Create and update activate it, unless another rule set is active (then the
 * deploy stops and says which: the admin deactivates it, or sets `activateRuleSet: false` and adds
 * the rule to the active set by hand). Delete deactivates only if ours is still the active one.
 */
export async function onRuleSetEvent(event: unknown, ses: SESClient): Promise<{ PhysicalResourceId: string }> {
  const parsed = RuleSetEventSchema.safeParse(event);
  if (!parsed.success) throw new RuleSetEventError(`rule set event: ${describeIssues(parsed.error).join('; ')}`, { cause: parsed.error });
  const name = parsed.data.ResourceProperties.RuleSetName;
  const active = (await ses.send(new DescribeActiveReceiptRuleSetCommand({}))).Metadata?.Name;
  if (parsed.data.RequestType === 'Delete') {
    // Without a name, SetActiveReceiptRuleSet deactivates whatever is active: call it only when that is ours.
    if (active === name) await ses.send(new SetActiveReceiptRuleSetCommand({}));
  } else if (active !== name) {
    if (active !== undefined && !isOwnPrevious(active, parsed.data))
      throw new ForeignRuleSetActiveError(
        `receipt rule set '${active}' is active in this region: deactivate it, or set "activateRuleSet": false and add this stack's rule to it`,
      );
    await ses.send(new SetActiveReceiptRuleSetCommand({ RuleSetName: name }));
  }
  return { PhysicalResourceId: `active-${name}` };
}

/** On update, the rule set this resource activated before (a renamed stack) may be replaced. */
function isOwnPrevious(active: string, event: z.infer<typeof RuleSetEventSchema>): boolean {
  const old = (event as { OldResourceProperties?: { RuleSetName?: unknown } }).OldResourceProperties?.RuleSetName;
  return event.RequestType === 'Update' && old === active;
}
