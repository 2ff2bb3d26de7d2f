import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { LambdaInvocationType } from 'aws-cdk-lib/aws-ses-actions';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct, type IDependable } from 'constructs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { handlerFunction } from './handler-function.js';
import { MAIL_PREFIX } from './mail-store.js';

export interface MailIntakeProps {
  recipients: string[];
  ruleSetName: string;
  ruleName: string;
  /** The raw-mail bucket (in the data stack) and the bucket policy statement that lets this rule write. */
  bucket: IBucket;
  bucketPolicy: IDependable;
  activateRuleSet: boolean;
  /** Where the activation function's failed asynchronous invocations would go (it is called synchronously). */
  failures: IQueue;
}

/**
 * SES receiving: a rule set and a rule for the partnership mailboxes that stores each message in
 * the raw-mail bucket (S3 action) and then invokes the ingest function (Lambda action, Event).
 */
export class MailIntake extends Construct {
  readonly ruleSet: ReceiptRuleSet;
  /** The function behind the activation custom resource, when the rule set is activated here. */
  activation?: { function: IFunction; provider: Provider };
  private readonly props: MailIntakeProps;

  constructor(scope: Construct, id: string, props: MailIntakeProps) {
    super(scope, id);
    this.props = props;
    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: props.ruleSetName });
  }

  /** The rule: store, then ingest. The S3 action is bound directly: the bucket policy already names this rule. */
  deliverTo(ingest: IFunction): void {
    const stack = Stack.of(this);
    const ruleArn = `arn:${stack.partition}:ses:${stack.region}:${stack.account}:receipt-rule-set/${this.props.ruleSetName}:receipt-rule/${this.props.ruleName}`;
    const rule = this.ruleSet.addRule('Deliver', {
      receiptRuleName: this.props.ruleName,
      recipients: this.props.recipients,
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [
        { bind: () => ({ s3Action: { bucketName: this.props.bucket.bucketName, objectKeyPrefix: MAIL_PREFIX } }) },
        // Bound directly, as the S3 action is: CDK's Lambda action lets every rule of the account invoke the function.
        { bind: () => ({ lambdaAction: { functionArn: ingest.functionArn, invocationType: LambdaInvocationType.EVENT } }) },
      ],
    });
    ingest.addPermission('FromThisReceiptRule', {
      principal: new ServicePrincipal('ses.amazonaws.com'),
      sourceAccount: stack.account,
      sourceArn: ruleArn,
    });
    // SES checks that it may invoke the function before it saves the rule.
    const permission = ingest.permissionsNode.tryFindChild('FromThisReceiptRule');
    if (permission) rule.node.addDependency(permission);
    // SES checks that it may write before it saves the rule.
    rule.node.addDependency(this.props.bucketPolicy);
    if (this.props.activateRuleSet) this.activate();
  }

  /** CloudFormation cannot make a rule set active: a custom resource does, touching only this rule set (functions/rule-set.ts). */
  private activate(): void {
    const onEvent = handlerFunction(this, 'ActivationFunction', {
      entry: 'rule-set',
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: {},
      failures: this.props.failures,
    });
    // Neither call has a resource-level permission.
    onEvent.addToRolePolicy(
      new PolicyStatement({ actions: ['ses:DescribeActiveReceiptRuleSet', 'ses:SetActiveReceiptRuleSet'], resources: ['*'] }),
    );
    const provider = new Provider(this, 'ActivationProvider', { onEventHandler: onEvent });
    const activation = new CustomResource(this, 'ActivateRuleSet', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::ActiveReceiptRuleSet',
      properties: { RuleSetName: this.props.ruleSetName },
    });
    activation.node.addDependency(this.ruleSet);
    this.activation = { function: onEvent, provider };
  }
}
