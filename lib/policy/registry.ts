import { readFile } from 'node:fs/promises';
import { describeIssues } from '../validation.js';
import { hullEastRiding } from './builtin/hull-east-riding.js';
import { sunderland } from './builtin/sunderland.js';
import { swindon } from './builtin/swindon.js';
import { telfordWrekin } from './builtin/telford-wrekin.js';
import { wiltshire } from './builtin/wiltshire.js';
import { InvalidPolicyError, UnknownPolicyError } from './errors.js';
import { PolicySchema, type Policy } from './schema.js';

/** Validates a policy written as data; `origin` names it in errors (a file path, a module). */
export function parsePolicy(input: unknown, origin: string): Policy {
  const result = PolicySchema.safeParse(input);
  if (!result.success) throw new InvalidPolicyError(origin, describeIssues(result.error), { cause: result.error });
  return result.data;
}

export const BUILT_IN_POLICIES: readonly Policy[] = [swindon, hullEastRiding, wiltshire, telfordWrekin, sunderland].map((policy) =>
  parsePolicy(policy, `built-in '${policy.id}'`),
);

export function builtInPolicy(id: string): Policy {
  const policy = BUILT_IN_POLICIES.find((candidate) => candidate.id === id);
  if (!policy)
    throw new UnknownPolicyError(
      id,
      BUILT_IN_POLICIES.map((p) => p.id),
    );
  return policy;
}

/** A policy that an admin wrote as JSON. */
export async function loadPolicyFile(path: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidPolicyError(`file '${path}'`, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`], {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidPolicyError(`file '${path}'`, [`not valid JSON: ${(error as Error).message}`], { cause: error });
  }
  return parsePolicy(json, `file '${path}'`);
}

/** A built-in policy by id, a policy file by a path ending in `.json`, or a policy given inline. */
export async function resolvePolicy(policy: string | Record<string, unknown>): Promise<Policy> {
  if (typeof policy !== 'string') return parsePolicy(policy, `inline '${String(policy.id)}'`);
  return policy.endsWith('.json') ? loadPolicyFile(policy) : builtInPolicy(policy);
}
