import { basename } from 'node:path';
import type { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

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

const quote = (path: string) => `'${path.replaceAll("'", "'\\''")}'`;

/** A handler from functions/, bundled with esbuild (no Docker) as a minified ES module, on the newest Node runtime. */
export function handlerFunction(scope: Construct, id: string, options: HandlerFunctionOptions): NodejsFunction {
  const file = options.bundledFile;
  return new NodejsFunction(scope, id, {
    entry: `${root}functions/${options.entry}.ts`,
    handler: 'handler',
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: options.memorySize,
    timeout: options.timeout,
    ...(options.reservedConcurrentExecutions ? { reservedConcurrentExecutions: options.reservedConcurrentExecutions } : {}),
    logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.SIX_MONTHS }),
    retryAttempts: 2,
    onFailure: new SqsDestination(options.failures),
    bundling: {
      format: OutputFormat.ESM,
      minify: true,
      sourceMap: true,
      target: 'node24',
      // The SDK is bundled, not taken from the runtime: one minified file loads in about half the
      // time of the runtime's SDK from node_modules, and the code runs on the SDK it was tested with.
      externalModules: [],
      // ES module builds first: esbuild can drop what the functions never use.
      mainFields: ['module', 'main'],
      // CommonJS dependencies call require(): give the ES module one.
      banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      // Local bundling (esbuild from node_modules) runs these in a shell on the synth machine.
      ...(file
        ? {
            commandHooks: {
              beforeBundling: () => [],
              beforeInstall: () => [],
              afterBundling: (_input: string, output: string) => [`cp ${quote(file)} ${quote(`${output}/${basename(file)}`)}`],
            },
          }
        : {}),
    },
    environment: { ...options.environment, NODE_OPTIONS: '--enable-source-maps' },
  });
}
