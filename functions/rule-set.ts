import { SESClient } from '@aws-sdk/client-ses';
import type { Context } from 'aws-lambda';
import { observability } from '../lib/aws/observability.js';
import { onRuleSetEvent } from '../lib/aws/receipt-rule-set.js';

// Built once per cold start.
const { log } = observability('rule-set');
const ses = new SESClient({});

/** CDK's custom resource provider calls this on create, update and delete of the rule set's activation. */
export const handler = async (event: unknown, context?: Context): Promise<{ PhysicalResourceId: string }> => {
  if (context) log.addContext(context);
  const result = await onRuleSetEvent(event, ses);
  log.info('receipt rule set activation', { requestType: (event as { RequestType?: string }).RequestType });
  return result;
};
