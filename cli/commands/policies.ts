import * as z from 'zod';
import { describeTimescale } from '../../lib/calendar/timescale.js';
import { builtInPolicies, resolvePolicy } from '../../lib/policy/registry.js';
import type { Policy } from '../../lib/policy/schema.js';
import { stageTitle } from '../../lib/policy/stages.js';
import { defineCommand, option, type Args } from '../command.js';
import type { Io } from '../io.js';

const OPTIONS = { json: option.flag('print JSON: a summary of each policy, or the whole policy as a policy file would hold it') };
const POSITIONALS = {
  usage: '[<id>|<file.json>]',
  description: 'the policy to explain; without it, the built-in policies are listed',
  schema: z.array(z.string()).max(1, { error: 'policies takes at most one policy id or file' }),
};

export const policies = defineCommand({
  name: 'policies',
  summary: 'Lists the built-in policies, or explains one: its stages, owners, timescales and forms, each with the clause it comes from.',
  options: OPTIONS,
  positionals: POSITIONALS,
  examples: ['policies', 'policies swindon', 'policies swindon --json > my-policy.json'],
  run: policiesCommand,
});

/** Lists the built-in policies, or explains one: stages, owners, timescales, forms and where each comes from. */
async function policiesCommand(args: Args<typeof OPTIONS, typeof POSITIONALS.schema>, io: Io): Promise<void> {
  const requested = args.positionals[0];
  if (requested === undefined) {
    io.out(args.json ? JSON.stringify(builtInPolicies().map(summary), null, 2) : renderList());
    return;
  }
  const policy = await resolvePolicy(requested);
  io.out(args.json ? JSON.stringify(policy, null, 2) : explain(policy));
}

function summary(policy: Policy) {
  return {
    id: policy.id,
    partnership: policy.partnership,
    title: policy.title,
    referencePrefix: policy.referencePrefix,
    stages: policy.stages.map((stage) => stage.id),
    overall: policy.overall.map((o) => describeTimescale(o.timescale)),
    published: policy.source.published,
    seed: policy.source.seed,
  };
}

function renderList(): string {
  const rows = builtInPolicies().map((p) => [
    p.id,
    p.referencePrefix,
    `${p.stages.length}`,
    p.overall.map((o) => describeTimescale(o.timescale)).join(', ') || '—',
    `${p.partnership}: ${p.title}`,
  ]);
  const header = ['POLICY', 'REF', 'STAGES', 'OVERALL', 'PARTNERSHIP: POLICY'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line), '', 'Explain one: escalations policies <id>'].join('\n');
}

function explain(policy: Policy): string {
  const lines = [
    policy.title,
    `Partnership  ${policy.partnership}`,
    `Published    ${policy.source.published}`,
    `Policy '${policy.id}': case references ${policy.referencePrefix}-<year>-<number>; times in ${policy.timezone}, ${policy.calendar} working days`,
    '',
  ];
  for (const stage of policy.stages) {
    lines.push(stageTitle(policy, stage));
    lines.push(`  Owner: ${stage.owner}`);
    lines.push(`  ${stage.summary}`);
    for (const [title, duty] of [
      ['Target', stage.target],
      ['Deadline', stage.deadline],
    ] as const) {
      if (!duty) continue;
      lines.push(`  ${title}: ${describeTimescale(duty.timescale)} from the start of the stage — ${duty.what}`);
      lines.push(`    ${duty.source.clause}: "${duty.source.quote}"`);
    }
    if (!stage.deadline) lines.push('  No timescale of its own.');
    if (stage.copyPartnership) lines.push('  The partnership is copied at this stage.');
    for (const form of policy.forms.filter((f) => f.stage === stage.id)) {
      lines.push(`  Form: ${form.name} (${form.when === 'at-stage' ? 'sent at this stage' : 'used from this stage on'})`);
    }
    lines.push('');
  }
  for (const overall of policy.overall) {
    const through =
      overall.appliesThroughStage === undefined ? 'the whole process' : `up to and including stage ${overall.appliesThroughStage}`;
    lines.push(`Overall: ${describeTimescale(overall.timescale)} from the opening of the case, for ${through} — ${overall.what}`);
    lines.push(`  ${overall.source.clause}: "${overall.source.quote}"`);
  }
  for (const form of policy.forms.filter((f) => f.when === 'at-resolution')) {
    lines.push(`Form at resolution: ${form.name}`);
    lines.push(`  ${form.source.clause}: "${form.source.quote}"`);
  }
  return lines.join('\n').trimEnd();
}
