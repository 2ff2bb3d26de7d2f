import { spawnSync } from 'node:child_process';
import { AssetHashType, type Duration } from 'aws-cdk-lib';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { BundlingError } from '../bundling-error.js';

const root = new URL('../../', import.meta.url).pathname;

export interface HandlerFunctionOptions {
  /** The file under functions/, without `.ts`. */
  entry: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  /** Where asynchronous invocations go once every retry has failed. */
  failures: IQueue;
  /** A file bundling copies beside the handler (the deployment: infra/deployment-file.ts). */
  bundledFile?: string;
  /** Caps how many run at once (ingest: a burst of mail must not take the account's whole concurrency). */
  reservedConcurrentExecutions?: number;
}

/**
 * A handler from functions/, bundled on the synth machine by infra/bundle-function.ts (the bundle the
 * bench measures: ES module, minified, what a message rarely needs loaded on first use), on the
 * newest Node runtime. The bundler runs in a process of its own: CDK's bundling hook is synchronous.
 */
export function handlerFunction(scope: Construct, id: string, options: HandlerFunctionOptions): LambdaFunction {
  const files = options.bundledFile ? [options.bundledFile] : [];
  const runtime = Runtime.NODEJS_24_X;
  return new LambdaFunction(scope, id, {
    code: Code.fromAsset(root, {
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        image: runtime.bundlingImage,
        local: {
          tryBundle(outputDir) {
            const bundled = spawnSync(
              process.execPath,
              ['--import', 'tsx', `${root}infra/bundle-function.ts`, options.entry, outputDir, ...files],
              { cwd: root, stdio: 'inherit' },
            );
            if (bundled.status !== 0) throw new BundlingError(`bundling functions/${options.entry}.ts failed`, { cause: bundled.error });
            return true;
          },
        },
      },
    }),
    handler: 'index.handler',
    runtime,
    architecture: Architecture.ARM_64,
    memorySize: options.memorySize,
    timeout: options.timeout,
    ...(options.reservedConcurrentExecutions ? { reservedConcurrentExecutions: options.reservedConcurrentExecutions } : {}),
    logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.SIX_MONTHS }),
    retryAttempts: 2,
    onFailure: new SqsDestination(options.failures),
    // Node 24 reads a source map only when a stack trace is first formatted: nothing at cold start
    // (docs/performance.md, 'Source maps').
    environment: { ...options.environment, NODE_OPTIONS: '--enable-source-maps' },
  });
}
