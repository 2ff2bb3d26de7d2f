import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { LambdaInvocationType } from 'aws-cdk-lib/aws-ses-actions';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { MAIL_PREFIX } from './functions.js';

export interface MailIntakeProps {
  recipients: string[];
  retentionDays: number;
  activateRuleSet: boolean;
}

/**
 * SES receiving: a rule set and a rule for the partnership mailboxes that stores each message in
 * an encrypted bucket (S3 action) and then invokes the ingest function (Lambda action, Event).
 */
export class MailIntake extends Construct {
  readonly bucket: Bucket;
  readonly ruleSet: ReceiptRuleSet;
  readonly ruleSetName: string;
  readonly ruleName: string;
  private readonly props: MailIntakeProps;

  constructor(scope: Construct, id: string, props: MailIntakeProps) {
    super(scope, id);
    this.props = props;
    this.ruleName = `${Stack.of(this).stackName}-deliver`;
    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Default server-side encryption: a KMS key on the S3 action itself would mean client-side encryption that the function could not simply read.
    this.bucket = new Bucket(this, 'RawMail', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'raw-mail/',
      lifecycleRules: [{ prefix: MAIL_PREFIX, expiration: Duration.days(props.retentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.ruleSetName = `${Stack.of(this).stackName}-intake`;
    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: this.ruleSetName });
  }

  /**
   * The rule: store, then ingest. Only SES of this account and this rule may write to the
   * bucket: the S3 action is bound directly, since CDK's S3 action would also grant every rule
   * of the account.
   */
  deliverTo(ingest: IFunction): void {
    const stack = Stack.of(this);
    const ruleArn = `arn:${stack.partition}:ses:${stack.region}:${stack.account}:receipt-rule-set/${this.ruleSetName}:receipt-rule/${this.ruleName}`;
    const policy = this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyThisReceiptRule',
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${MAIL_PREFIX}*`)],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': ruleArn } },
      }),
    );
    const rule = this.ruleSet.addRule('Deliver', {
      receiptRuleName: this.ruleName,
      recipients: this.props.recipients,
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [
        { bind: () => ({ s3Action: { bucketName: this.bucket.bucketName, objectKeyPrefix: MAIL_PREFIX } }) },
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
    if (policy.policyDependable) rule.node.addDependency(policy.policyDependable);
    if (this.props.activateRuleSet) this.activate();
  }

  /** CloudFormation cannot make a rule set active: a custom resource does, and deactivates it on delete. */
  private activate(): void {
    const activate = new AwsCustomResource(this, 'ActivateRuleSet', {
      onCreate: {
        service: 'SES',
        action: 'setActiveReceiptRuleSet',
        parameters: { RuleSetName: this.ruleSet.receiptRuleSetName },
        physicalResourceId: PhysicalResourceId.of(`active-${this.ruleSet.receiptRuleSetName}`),
      },
      onUpdate: {
        service: 'SES',
        action: 'setActiveReceiptRuleSet',
        parameters: { RuleSetName: this.ruleSet.receiptRuleSetName },
        physicalResourceId: PhysicalResourceId.of(`active-${this.ruleSet.receiptRuleSetName}`),
      },
      // Without a name, SES deactivates whatever rule set is active.
      onDelete: { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: {} },
      // SetActiveReceiptRuleSet has no resource-level permission.
      policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] })]),
      installLatestAwsSdk: false,
    });
    activate.node.addDependency(this.ruleSet);
  }
}
