import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { DeploymentSchema, type Deployment } from '../config.js';
import { resolvePolicy } from '../policy/registry.js';
import { describeIssues } from '../validation.js';

/** The local runtime's configuration: a deployment, plus where it listens and keeps its data. */
export const LocalConfigSchema = DeploymentSchema.extend({
  smtpPort: z.number().int().min(0).max(65_535).default(2525),
  dataDir: z.string().min(1).default('.local'),
  relay: z.strictObject({ host: z.string().min(1), port: z.number().int().min(1).max(65_535) }).optional(),
});
export type LocalConfig = z.infer<typeof LocalConfigSchema>;

/** The address local runs (serve's sample, replay, explain) send from, and the X-Loop by which they know their own mail. */
export const LOCAL_SENDER = 'escalations@partnership.example';

/** What `npm start` runs with when given no configuration: one sample mailbox on the Swindon policy. */
export const SAMPLE_CONFIG: z.input<typeof LocalConfigSchema> = {
  mailboxes: [
    {
      address: 'safeguardingpartnership@swindon.example',
      policy: 'swindon',
      partnershipAddresses: ['safeguardingpartnership@swindon.example'],
      monitoringAddress: 'safeguardingpartnership@swindon.example',
    },
  ],
  fromAddress: LOCAL_SENDER,
  loopId: LOCAL_SENDER,
};

export class LocalConfigError extends Error {
  override readonly name = 'LocalConfigError';
}

export async function loadLocalConfig(path: string | undefined): Promise<{ config: LocalConfig; deployment: Deployment }> {
  let input: unknown = SAMPLE_CONFIG;
  if (path !== undefined) {
    try {
      input = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new LocalConfigError(`config '${path}' cannot be read as JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  const parsed = LocalConfigSchema.safeParse(input);
  if (!parsed.success)
    throw new LocalConfigError(`config '${path ?? 'sample'}': ${describeIssues(parsed.error).join('; ')}`, { cause: parsed.error });
  const config = parsed.data;
  const mailboxes = await Promise.all(config.mailboxes.map(async (m) => ({ ...m, policy: await resolvePolicy(m.policy) })));
  return { config, deployment: { ...config, mailboxes } };
}
