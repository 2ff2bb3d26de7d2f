import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/** SES checks sending against the identity (the address or its domain); the condition pins the From address. */
export function sendRawEmailFrom(scope: Construct, fromAddress: string): PolicyStatement {
  const stack = Stack.of(scope);
  return new PolicyStatement({
    actions: ['ses:SendRawEmail'],
    resources: [`arn:${stack.partition}:ses:${stack.region}:${stack.account}:identity/*`],
    conditions: { StringEquals: { 'ses:FromAddress': fromAddress } },
  });
}
