import { Info } from 'luxon';
import * as z from 'zod';
import { CALENDAR_IDS } from '../calendar/bank-holidays.js';
import { TimescaleSchema } from '../calendar/timescale.js';

/** Where in the seed a number or a name comes from: the clause and its words. */
const CitationSchema = z.strictObject({
  clause: z.string().min(1),
  quote: z.string().min(1),
});

const StageIdSchema = z.string().regex(/^\d{1,2}$/, 'a stage id is the stage number as a string, e.g. "3"');

/** A time allowed for a stage: what must happen, within how long, and the seed's words for it. */
const TimedDutySchema = z.strictObject({
  timescale: TimescaleSchema,
  /** The policy's wording of what is due, used in reminders. */
  what: z.string().min(1),
  source: CitationSchema,
});

/**
 * The people a stage is taken to, as mail names them ("my line manager", "the Head of Service",
 * "the TWSP Executive"): an escalation to one of them is an escalation to this stage.
 */
const RoleNamesSchema = z.array(z.string().regex(/^[a-z0-9][a-z0-9 '&/-]*$/, 'lower-case words')).min(1);

const RolesSchema = z.strictObject({
  /** Lower case, as written in mail; the longest name found wins ("senior manager" over "manager"). */
  names: RoleNamesSchema,
  source: CitationSchema,
  /** Roles the policy places at this stage somewhere else (an appendix for one sector), each with its own citation. */
  also: z.array(z.strictObject({ names: RoleNamesSchema, source: CitationSchema })).optional(),
});

const StageSchema = z.strictObject({
  id: StageIdSchema,
  name: z.string().min(1),
  owner: z.string().min(1),
  /** What the stage is, in a sentence or two from the seed. */
  summary: z.string().min(1),
  /** Other names the stage goes by in mail ("Heads of Service", "second-tier managers"). */
  aliases: z.array(z.string().min(1)).default([]),
  /** Whom the stage is taken to, cited to the seed. */
  roles: RolesSchema.optional(),
  /** An earlier milestone of the stage (the 24 h of a "24–48 hours" range). */
  target: TimedDutySchema.optional(),
  /** The time allowed for the stage, counted from the moment the case entered it. */
  deadline: TimedDutySchema.optional(),
  /** Whether the policy asks for the partnership to be copied at this stage. */
  copyPartnership: z.boolean().default(false),
});

const OverallDeadlineSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  what: z.string().min(1),
  timescale: TimescaleSchema,
  /** The last stage it covers; absent when it covers the whole process. */
  appliesThroughStage: StageIdSchema.optional(),
  source: CitationSchema,
});

const FormSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** How mail refers to it ("Appendix 1", "the resolution form"). */
  aliases: z.array(z.string().min(1)).min(1),
  /** `at-stage`: sent with the escalation to `stage`; `from-stage`: used at `stage` and after; `at-resolution`: when resolved. */
  when: z.enum(['at-stage', 'from-stage', 'at-resolution']),
  stage: StageIdSchema.optional(),
  source: CitationSchema,
});

const VocabularySchema = z.strictObject({
  /** Words that name a stage before its number: "stage", "step", "level". */
  stageWords: z.array(z.string().regex(/^[a-z]+$/, 'lower-case letters only')).min(1),
});

export const PolicySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens, e.g. "swindon"'),
    partnership: z.string().min(1),
    title: z.string().min(1),
    source: z.strictObject({
      seed: z.string().min(1),
      published: z.string().min(1),
    }),
    referencePrefix: z.string().regex(/^[A-Z]{2,8}$/, 'two to eight capital letters, e.g. "SSP"'),
    timezone: z.string().refine((zone) => Info.isValidIANAZone(zone), 'not an IANA timezone such as "Europe/London"'),
    calendar: z.enum(CALENDAR_IDS),
    stages: z.array(StageSchema).min(1),
    overall: z.array(OverallDeadlineSchema).default([]),
    forms: z.array(FormSchema).default([]),
    vocabulary: VocabularySchema,
  })
  .superRefine((policy, ctx) => {
    const stageIds = policy.stages.map((stage) => stage.id);
    reportDuplicates(stageIds, ['stages'], 'stage id', ctx);
    reportDuplicates(
      policy.overall.map((o) => o.id),
      ['overall'],
      'overall deadline id',
      ctx,
    );
    reportDuplicates(
      policy.forms.map((f) => f.id),
      ['forms'],
      'form id',
      ctx,
    );
    const numbers = stageIds.map(Number);
    if (numbers.some((n, i) => i > 0 && n <= (numbers[i - 1] ?? n))) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'stages must be listed in ascending order of their ids' });
    }
    policy.stages.forEach((stage, i) => {
      if (stage.target && !stage.deadline) {
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'target'], message: 'a target needs a deadline after it' });
      }
    });
    const knownStage = (id: string | undefined) => id === undefined || stageIds.includes(id);
    policy.overall.forEach((overall, i) => {
      if (!knownStage(overall.appliesThroughStage)) {
        ctx.addIssue({
          code: 'custom',
          path: ['overall', i, 'appliesThroughStage'],
          message: `no stage '${overall.appliesThroughStage}' in this policy`,
        });
      }
    });
    policy.forms.forEach((form, i) => {
      if (!knownStage(form.stage)) {
        ctx.addIssue({ code: 'custom', path: ['forms', i, 'stage'], message: `no stage '${form.stage}' in this policy` });
      }
      if (form.when !== 'at-resolution' && form.stage === undefined) {
        ctx.addIssue({ code: 'custom', path: ['forms', i, 'stage'], message: `a form used '${form.when}' needs its stage` });
      }
    });
  });

export type Policy = z.infer<typeof PolicySchema>;
/** A policy as written (in a file or a built-in module), before defaults are applied. */
export type PolicyInput = z.input<typeof PolicySchema>;
export type Stage = Policy['stages'][number];
export type TimedDuty = z.infer<typeof TimedDutySchema>;
export type OverallDeadline = Policy['overall'][number];
export type Form = Policy['forms'][number];

function reportDuplicates(values: string[], path: (string | number)[], what: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path, message: `duplicate ${what} '${value}'` });
    seen.add(value);
  }
}
