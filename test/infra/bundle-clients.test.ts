import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '../../infra/bundle-function.js';
import { startDynamo, type EmbeddedDynamo } from '../support/dynalite.js';
import { roundTrip, type Endpoints } from './fixtures/clients-entry.js';

/** S3's answers to GetObject, for one stored message and one missing key. */
const MISSING =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>incoming/absent</Key><RequestId>R</RequestId></Error>';
const fakeS3 = () =>
  createServer((request, response) => {
    if (request.url?.startsWith('/mail/incoming/present')) {
      response.writeHead(200, { 'content-type': 'message/rfc822', 'x-amz-request-id': 'R' });
      response.end('Subject: Stage 2\r\n\r\nThe message.\r\n');
      return;
    }
    response.writeHead(404, { 'content-type': 'application/xml', 'x-amz-request-id': 'R' });
    response.end(MISSING);
  });

let dynamo: EmbeddedDynamo;
let s3: Server;
let outdir: string;
let endpoints: Omit<Endpoints, 'ref'>;
beforeAll(async () => {
  dynamo = await startDynamo();
  s3 = fakeS3();
  await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', resolve));
  const port = (await dynamo.client.config.endpoint?.())?.port;
  endpoints = {
    dynamo: `http://127.0.0.1:${String(port)}`,
    table: dynamo.table,
    s3: `http://127.0.0.1:${String((s3.address() as AddressInfo).port)}`,
  };
  outdir = mkdtempSync(join(tmpdir(), 'bundle-clients-'));
  await bundleFunction(new URL('./fixtures/clients-entry.ts', import.meta.url).pathname, outdir);
}, 120_000);
afterAll(async () => {
  await dynamo.close();
  await new Promise((resolve) => s3.close(resolve));
});

describe('the AWS SDK clients in the functions’ bundle (only the schemas they use)', () => {
  it('write, read and refuse a conflicting case through DynamoDB, and read a message and a missing key through S3, as the sources do', async () => {
    const script = `const { roundTrip } = await import(${JSON.stringify(`file://${outdir}/index.mjs`)});
      process.stdout.write(await roundTrip(${JSON.stringify({ ...endpoints, ref: 'SSP-2026-0002' })}));`;
    // Asynchronously: the embedded DynamoDB server answers from this process.
    const { stdout: bundled } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: outdir,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    const direct = await roundTrip({ ...endpoints, ref: 'SSP-2026-0001' });
    expect(JSON.parse(bundled)).toEqual(JSON.parse(direct));
    expect(JSON.parse(direct)).toMatchObject({
      read: { stage: '3' },
      conflict: 'CaseConflictError',
      mail: 'Subject: Stage 2\r\n\r\nThe message.\r\n',
      missing: 'RawMailMissingError: NoSuchKey',
    });
  });
});
