import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/**
 * SES authorises a send against the identity that verifies the From address: the address itself
 * or its domain (or a parent domain). The statement names just those identities and pins the From
 * address with ses:FromAddress; written by hand because no L2 grant takes that condition.
 */
export function sendRawEmailFrom(scope: Construct, fromAddress: string, verifiedDomains: readonly string[]): PolicyStatement {
  const stack = Stack.of(scope);
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
  const identities = [fromAddress, ...verifiedDomains.filter((v) => domain === v || domain.endsWith(`.${v}`))];
  return new PolicyStatement({
    actions: ['ses:SendRawEmail'],
    resources: identities.map((identity) => `arn:${stack.partition}:ses:${stack.region}:${stack.account}:identity/${identity}`),
    conditions: { StringEquals: { 'ses:FromAddress': fromAddress } },
  });
}
