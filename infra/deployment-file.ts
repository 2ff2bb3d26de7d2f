import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The name of the deployment file beside each handler (DEPLOYMENT_FILE, relative to the task root). */
export const DEPLOYMENT_FILE = 'deployment.json';

/**
 * Writes the validated deployment (mailboxes, policies inlined, closure days) to a file that
 * bundling copies into each function's asset. Lambda's environment holds 4 KB in all, and one
 * custom policy is about 2 KB: a file has no such limit, costs no network call at cold start
 * (Parameter Store would: one more SDK client and a round trip), and changes the asset's hash,
 * so a configuration change redeploys the functions. Content-addressed, so parallel synths agree.
 */
export function writeDeploymentFile(deployment: unknown): string {
  const text = JSON.stringify(deployment);
  const dir = join(tmpdir(), 'escalation-mailbox-deployment', createHash('sha256').update(text).digest('hex').slice(0, 24));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, DEPLOYMENT_FILE);
  writeFileSync(path, text);
  return path;
}
