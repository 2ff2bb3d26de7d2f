import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { decideOnStage } from '../../lib/cases/hypothetical.js';
import type { Outcome } from '../../lib/cases/route.js';
import { parseMessage } from '../../lib/mail/parse.js';
import { builtInPolicy } from '../../lib/policy/registry.js';

/**
 * A labelled corpus: one folder per policy id, each with NNN.eml files and a labels.json that says
 * what should happen to each message on a case at `caseStage` (null: no case). The same
 * measurement runs over any such folder: the corpus in test/fixtures/reader-corpus, or a held-out one.
 */
const KINDS = ['open', 'escalate', 'resolve', 'note', 'review', 'unrelated', 'ignored'] as const;
type Kind = (typeof KINDS)[number];

const LabelsSchema = z.array(
  z.object({
    file: z.string(),
    caseStage: z.string().nullable(),
    expected: z.object({ kind: z.enum(KINDS), stage: z.string().optional() }),
    category: z.string(),
    note: z.string().optional(),
  }),
);

export interface Verdict {
  policy: string;
  file: string;
  category: string;
  note: string;
  caseStage: string | null;
  expected: { kind: Kind; stage?: string | undefined };
  actual: Outcome;
  right: boolean;
}

export interface CorpusFigures {
  verdicts: Verdict[];
  accuracy: number;
  /** Expected escalations read as an escalation to the right stage. */
  escalationRecall: number;
  resolutionRecall: number;
  /** Of the messages read as resolving, the share labelled so. */
  resolutionPrecision: number;
  /** Unrelated mail read as open, escalate or resolve. */
  unrelatedActedOn: number;
  confusion: Record<string, Record<string, number>>;
  categories: Record<string, { n: number; recall: number; precision: number }>;
}

const OWN_LOOP = 'escalations@partnership.example';
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Every labelled message of `dir` through the decision ingest and `explain` take. */
export async function measureCorpus(dir: string): Promise<CorpusFigures> {
  const verdicts: Verdict[] = [];
  for (const policyId of readdirSync(dir).sort()) {
    const labelsFile = join(dir, policyId, 'labels.json');
    if (!existsSync(labelsFile)) continue;
    const policy = builtInPolicy(policyId);
    for (const label of LabelsSchema.parse(JSON.parse(readFileSync(labelsFile, 'utf8')))) {
      const message = await parseMessage(readFileSync(join(dir, policyId, label.file)), { ownLoop: OWN_LOOP });
      const { outcome } = decideOnStage(message, policy, label.caseStage ?? undefined);
      const right = outcome.kind === label.expected.kind && (label.expected.stage === undefined || outcome.stage === label.expected.stage);
      verdicts.push({
        policy: policyId,
        file: label.file,
        category: label.category,
        note: label.note ?? '',
        caseStage: label.caseStage,
        expected: label.expected,
        actual: outcome,
        right,
      });
    }
  }
  const confusion: Record<string, Record<string, number>> = {};
  for (const v of verdicts) {
    const row = (confusion[v.expected.kind] ??= {});
    row[v.actual.kind] = (row[v.actual.kind] ?? 0) + 1;
  }
  // Per category: recall is the share read right; precision, of the messages read as one of the
  // category's kinds, the share that belong to it (a wrong reading elsewhere that took its kind counts against it).
  const categories: CorpusFigures['categories'] = {};
  for (const category of new Set(verdicts.map((v) => v.category))) {
    const inCategory = verdicts.filter((v) => v.category === category);
    const kinds = new Set<string>(inCategory.map((v) => v.expected.kind));
    const right = inCategory.filter((v) => v.right).length;
    const taken = verdicts.filter(
      (v) => v.category !== category && !v.right && kinds.has(v.actual.kind) && !kinds.has(v.expected.kind),
    ).length;
    categories[category] = { n: inCategory.length, recall: ratio(right, inCategory.length), precision: ratio(right, right + taken) };
  }
  const escalations = verdicts.filter((v) => v.expected.kind === 'escalate');
  const resolutions = verdicts.filter((v) => v.expected.kind === 'resolve');
  const readAsResolved = verdicts.filter((v) => v.actual.kind === 'resolve');
  const unrelated = verdicts.filter((v) => v.expected.kind === 'unrelated');
  return {
    verdicts,
    accuracy: ratio(verdicts.filter((v) => v.right).length, verdicts.length),
    escalationRecall: ratio(escalations.filter((v) => v.right).length, escalations.length),
    resolutionRecall: ratio(resolutions.filter((v) => v.right).length, resolutions.length),
    resolutionPrecision: ratio(readAsResolved.filter((v) => v.expected.kind === 'resolve').length, readAsResolved.length),
    // None acted on when there is no unrelated mail to act on.
    unrelatedActedOn:
      unrelated.length === 0
        ? 0
        : ratio(unrelated.filter((v) => ['open', 'escalate', 'resolve'].includes(v.actual.kind)).length, unrelated.length),
    confusion,
    categories,
  };
}

/** The thresholds (issue 14): what an independent corpus is held to as well. */
export const GOALS = {
  accuracy: 0.95,
  escalationRecall: 0.95,
  resolutionRecall: 0.95,
  resolutionPrecision: 0.99,
  /** At most. */
  unrelatedActedOn: 0.02,
} as const;

/** The thresholds a corpus's figures miss, in words; empty when every one is met. */
export function missedGoals(figures: CorpusFigures, goals: { [K in keyof typeof GOALS]: number } = GOALS): string[] {
  const missed: string[] = [];
  for (const key of ['accuracy', 'escalationRecall', 'resolutionRecall', 'resolutionPrecision'] as const)
    if (figures[key] < goals[key]) missed.push(`${key} ${figures[key].toFixed(3)} < ${goals[key]}`);
  if (figures.unrelatedActedOn > goals.unrelatedActedOn)
    missed.push(`unrelatedActedOn ${figures.unrelatedActedOn.toFixed(3)} > ${goals.unrelatedActedOn}`);
  return missed;
}

/** The figures as a table for people: the confusion matrix, then recall and precision per category. */
export function describeFigures(figures: CorpusFigures): string {
  const kinds = [...KINDS];
  const lines = [`${figures.verdicts.length} messages; rows expected, columns read as`];
  lines.push(['expected \\ read', ...kinds].map((k) => k.padStart(10)).join(''));
  for (const expected of kinds) {
    const row = figures.confusion[expected] ?? {};
    lines.push([expected, ...kinds.map((k) => String(row[k] ?? 0))].map((k) => k.padStart(10)).join(''));
  }
  lines.push('', 'category'.padEnd(30) + 'n'.padStart(5) + 'recall'.padStart(9) + 'precision'.padStart(11));
  for (const [category, { n, recall, precision }] of Object.entries(figures.categories).sort())
    lines.push(category.padEnd(30) + String(n).padStart(5) + recall.toFixed(3).padStart(9) + precision.toFixed(3).padStart(11));
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  lines.push(
    '',
    `accuracy ${pct(figures.accuracy)}; escalation recall (right stage) ${pct(figures.escalationRecall)}; resolution recall ${pct(figures.resolutionRecall)}; resolution precision ${pct(figures.resolutionPrecision)}; unrelated acted on ${pct(figures.unrelatedActedOn)}`,
  );
  return lines.join('\n');
}

/** One line per message read wrongly: where it is, what it should have done, what it did. */
export function describeMistakes(figures: CorpusFigures): string {
  return figures.verdicts
    .filter((v) => !v.right)
    .map(
      (v) =>
        `${v.policy}/${v.file} [${v.caseStage ?? 'no case'}] ${v.category}: expected ${v.expected.kind}${v.expected.stage ?? ''}, read ${v.actual.kind}${v.actual.stage ?? ''}`,
    )
    .join('\n');
}
