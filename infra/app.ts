import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readInfraConfig } from './config.js';
import { acknowledgeFindings } from './nag.js';
import { EscalationMailboxStack } from './stack.js';

/** `npm run synth` / `npm run deploy`: the configuration comes from cdk.json's "escalationMailbox" context. */
export async function buildApp(app = new App()): Promise<{ app: App; stack: EscalationMailboxStack }> {
  const config = await readInfraConfig(app.node.tryGetContext('escalationMailbox'));
  const stack = new EscalationMailboxStack(app, 'EscalationMailbox', config, {
    env: { region: config.region, ...(config.account ? { account: config.account } : {}) },
  });
  acknowledgeFindings(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
