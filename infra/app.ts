import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readInfraConfig } from './config.js';
import { EscalationMailboxData } from './data-stack.js';
import { writeDeploymentFile } from './deployment-file.js';
import { acknowledgeFindings } from './nag.js';
import { EscalationMailboxStack } from './stack.js';

/** The service stack's name; the data stack is `<name>Data`. Both derive their resource names from it. */
export const STACK_NAME = 'EscalationMailbox';

/**
 * `npm run synth` / `npm run deploy`: two stacks, from cdk.json's "escalationMailbox" context.
 * The data stack (table, buckets, key) is deployed first and kept; the service stack uses it.
 */
export async function buildApp(app = new App()): Promise<{ app: App; data: EscalationMailboxData; stack: EscalationMailboxStack }> {
  const config = await readInfraConfig(app.node.tryGetContext('escalationMailbox'));
  const env = { region: config.region, ...(config.account ? { account: config.account } : {}) };
  const data = new EscalationMailboxData(app, `${STACK_NAME}Data`, {
    env,
    config,
    serviceStackName: STACK_NAME,
    description: 'Escalation mailbox data: cases table, raw mail, alarm key (retained)',
    terminationProtection: true,
  });
  const stack = new EscalationMailboxStack(app, STACK_NAME, {
    env,
    config,
    data,
    deploymentFile: writeDeploymentFile(config.deployment),
    description: 'Escalation mailbox service: receipt rule, functions, reminders, alarms, dashboard',
  });
  stack.addStackDependency(data);
  acknowledgeFindings(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, data, stack };
}
