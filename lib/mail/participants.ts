import type { Participant } from './message.js';

/** Plausible addresses only: a header can hold anything. */
const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

export function participant(address: string | undefined, name: string | undefined): Participant | null {
  const lower = address?.trim().toLowerCase() ?? '';
  return ADDRESS.test(lower) ? { address: lower, name: (name ?? '').trim() } : null;
}

export function uniqueParticipants(list: readonly Participant[]): Participant[] {
  const seen = new Set<string>();
  return list.filter((p) => !seen.has(p.address) && seen.add(p.address));
}
