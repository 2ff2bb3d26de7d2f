import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Stack } from 'aws-cdk-lib';
import type { IDependable } from 'constructs';
import { Construct } from 'constructs';

/** Where incoming raw mail is stored by SES's S3 action. */
export const MAIL_PREFIX = 'incoming/';

export interface MailStoreProps {
  bucketName: string;
  retentionDays: number;
  /** The one receipt rule allowed to write: `receipt-rule-set/<set>:receipt-rule/<rule>`. */
  receiptRule: { ruleSetName: string; ruleName: string };
}

/**
 * The raw mail: an encrypted, private bucket that only one SES receipt rule of this account may
 * write to, expiring after the retention period, with its access logs in a second bucket. Both
 * are retained when the stack is deleted (docs/deploy.md, teardown).
 */
export class MailStore extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  /** The bucket policy statement SES checks before it saves the rule: the rule depends on it. */
  readonly writePolicy: IDependable;

  constructor(scope: Construct, id: string, props: MailStoreProps) {
    super(scope, id);
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Default server-side encryption: a KMS key on the S3 action itself would mean client-side encryption that the function could not simply read.
    this.bucket = new Bucket(this, 'RawMail', {
      bucketName: props.bucketName,
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'raw-mail/',
      lifecycleRules: [{ prefix: MAIL_PREFIX, expiration: Duration.days(props.retentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stack = Stack.of(this);
    const { ruleSetName, ruleName } = props.receiptRule;
    const ruleArn = `arn:${stack.partition}:ses:${stack.region}:${stack.account}:receipt-rule-set/${ruleSetName}:receipt-rule/${ruleName}`;
    // Bound here, not through CDK's S3 action, which would let every rule of the account write.
    const policy = this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyThisReceiptRule',
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${MAIL_PREFIX}*`)],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': ruleArn } },
      }),
    );
    if (!policy.policyDependable) throw new Error('the bucket policy was not created');
    this.writePolicy = policy.policyDependable;
  }
}
