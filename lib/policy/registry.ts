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

const BUILT_IN_SOURCES = [swindon, hullEastRiding, wiltshire, telfordWrekin, sunderland];
export const BUILT_IN_POLICY_IDS: readonly string[] = BUILT_IN_SOURCES.map((source) => source.id);

/**
 * Each built-in policy is validated when first asked for, not at import: a function uses one of
 * the five, and validating all of them cost a cold start about 30 ms.
 */
const parsed = new Map<string, Policy>();

export function builtInPolicy(id: string): Policy {
  const cached = parsed.get(id);
  if (cached) return cached;
  const source = BUILT_IN_SOURCES.find((candidate) => candidate.id === id);
  if (!source) throw new UnknownPolicyError(id, BUILT_IN_POLICY_IDS);
  const policy = parsePolicy(source, `built-in '${source.id}'`);
  parsed.set(id, policy);
  return policy;
}

/** The five built-in policies, in order. */
export function builtInPolicies(): readonly Policy[] {
  return BUILT_IN_POLICY_IDS.map(builtInPolicy);
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
