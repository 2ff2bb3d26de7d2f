import type { AttachmentInfo } from '../mail/message.js';
import type { Form, Policy } from '../policy/schema.js';
import { stageRank } from '../policy/stages.js';
import {
  CONDITIONAL,
  DENIED_RESOLUTION,
  ESCALATING_NOW,
  ESCALATION_AFTER_STAGE,
  ESCALATION_BEFORE_STAGE,
  ESCALATION_LABEL,
  NEGATED,
  NOT_RESOLVED,
  PAST,
  PROCESS_WORDS,
  RESOLUTION_HINT,
  RESOLVED,
} from './phrases.js';
import { sentenceAt, sentences } from './sentences.js';
import type { FormSignal, Reading, ResolutionSignal, Signal, StageSignal } from './types.js';
import { stageMentions, vocabularyOf } from './vocabulary.js';

/** What of a message the signals read: never the raw body, only its parts. */
export interface ReadableMessage {
  newText: string;
  historyText: string;
  cleanSubject: string;
  attachments: readonly AttachmentInfo[];
}

export interface CaseContext {
  /** The case's current stage, when the message belongs to a case. */
  currentStage?: string | undefined;
}

export interface ReadOptions {
  /**
   * Also list what the quoted history mentions. They never change a case, so ingest leaves
   * them out; `explain` shows them, because a person wants to see what was not counted.
   */
  includeHistory?: boolean;
}

/** Message + policy (+ the case's stage) → the signals of the resolution process, with evidence. */
export function readSignals(message: ReadableMessage, policy: Policy, context: CaseContext = {}, options: ReadOptions = {}): Reading {
  const signals: Signal[] = [];
  const written = sentences(message.newText);
  for (const sentence of written) signals.push(...sentenceSignals(sentence, policy));
  signals.push(...subjectSignals(message.cleanSubject, policy, context));
  signals.push(...formSignals(message, written, policy));
  if (options.includeHistory) signals.push(...historySignals(message.historyText, policy));
  return summarise(distinct(signals), policy);
}

function sentenceSignals(sentence: string, policy: Policy): Signal[] {
  const signals: Signal[] = [];
  const mentions = stageMentions(sentence, policy);
  for (const mention of mentions) {
    const before = sentence.slice(0, mention.index);
    const after = sentence.slice(mention.index + mention.text.length);
    const how = stageHow(sentence, before, after);
    if (!mention.byNumber && how !== 'phrase') continue; // a bare stage name is too common a phrase
    signals.push({
      kind: 'stage',
      stage: mention.stage,
      escalation: how === 'phrase',
      how,
      evidence: sentence,
      strength: mention.byNumber ? 'strong' : 'weak',
    });
  }
  const escalating = ESCALATING_NOW.exec(sentence);
  if (mentions.length === 0 && escalating) {
    const before = sentence.slice(0, escalating.index + escalating[0].length);
    if (!CONDITIONAL.test(before) && !NEGATED.test(sentence.slice(0, escalating.index)) && !PAST.test(sentence)) {
      signals.push({ kind: 'escalation', evidence: sentence, strength: 'weak' });
    }
  }
  const resolution = resolutionSignal(sentence);
  if (resolution) signals.push(resolution);
  if (PROCESS_WORDS.test(sentence)) signals.push({ kind: 'process', evidence: sentence, strength: 'strong' });
  return signals;
}

function stageHow(sentence: string, before: string, after: string): StageSignal['how'] {
  // A condition reaches across clauses ("If we can't agree by Friday, I'll refer it to Step 3");
  // a negation or an escalating verb belongs to its own clause ("…have not resolved this, so I am taking it to Stage Two").
  const clause = before.split(/[,;:()]|\b(?:so|and|but|because|then)\b/i).pop() ?? before;
  if (CONDITIONAL.test(before)) return 'conditional';
  if (NEGATED.test(clause)) return 'negated';
  if (PAST.test(sentence)) return 'past';
  const escalates = ESCALATION_BEFORE_STAGE.test(clause) || ESCALATION_AFTER_STAGE.test(after) || ESCALATION_LABEL.test(clause);
  if (escalates && sentence.trim().endsWith('?')) return 'question';
  return escalates ? 'phrase' : 'mention';
}

function resolutionSignal(sentence: string): ResolutionSignal | null {
  if (!RESOLUTION_HINT.test(sentence)) return null;
  const match = RESOLVED.exec(sentence);
  if (!match) {
    return DENIED_RESOLUTION.test(sentence)
      ? { kind: 'resolution', resolved: false, how: 'negated', evidence: sentence, strength: 'strong' }
      : null;
  }
  const before = sentence.slice(0, match.index + match[0].length - (match[0].split(/\s+/).pop()?.length ?? 0));
  if (NOT_RESOLVED.test(before) || /\bnot\b/i.test(match[0]))
    return { kind: 'resolution', resolved: false, how: 'negated', evidence: sentence, strength: 'strong' };
  if (CONDITIONAL.test(sentence.slice(0, match.index + 1)))
    return { kind: 'resolution', resolved: false, how: 'conditional', evidence: sentence, strength: 'strong' };
  if (sentence.trim().endsWith('?')) return { kind: 'resolution', resolved: false, how: 'question', evidence: sentence, strength: 'weak' };
  return { kind: 'resolution', resolved: true, how: 'statement', evidence: sentence, strength: 'strong' };
}

function subjectSignals(subject: string, policy: Policy, context: CaseContext): Signal[] {
  const signals: Signal[] = [];
  for (const mention of stageMentions(subject, policy, { byNumberOnly: true })) {
    const higher = context.currentStage === undefined || stageRank(policy, mention.stage) > stageRank(policy, context.currentStage);
    const conditional = CONDITIONAL.test(subject.slice(0, mention.index));
    const escalation = higher && !conditional;
    signals.push({
      kind: 'stage',
      stage: mention.stage,
      escalation,
      how: escalation ? 'subject' : 'mention',
      evidence: `Subject: ${subject}`,
      strength: 'strong',
    });
  }
  if (PROCESS_WORDS.test(subject)) signals.push({ kind: 'process', evidence: `Subject: ${subject}`, strength: 'strong' });
  return signals;
}

function formSignals(message: ReadableMessage, written: readonly string[], policy: Policy): Signal[] {
  const signals: Signal[] = [];
  for (const form of policy.forms) {
    const attachment = message.attachments.find((a) => a.filename && namesForm(a.filename, form));
    const sentence = written.find((s) => namesForm(s, form));
    if (!attachment && !sentence) continue;
    const attachedInText =
      sentence !== undefined &&
      /\b(?:attach(?:ed|ing)?|enclos(?:ed|ing)|complet(?:ed|ing)|find|sending|submit(?:ted|ting)?)\b/i.test(sentence) &&
      !CONDITIONAL.test(sentence);
    const signal: FormSignal = {
      kind: 'form',
      form: form.id,
      via: attachment ? 'attachment' : 'text',
      attached: attachment !== undefined || attachedInText,
      evidence: attachment ? `Attachment: ${attachment.filename ?? ''}` : (sentence ?? ''),
      strength: attachment !== undefined || attachedInText ? 'strong' : 'weak',
    };
    signals.push(signal);
    if (signal.attached && form.stage !== undefined && form.when !== 'at-resolution') {
      signals.push({ kind: 'stage', stage: form.stage, escalation: true, how: 'form', evidence: signal.evidence, strength: 'strong' });
    }
    signals.push({ kind: 'process', evidence: signal.evidence, strength: 'strong' });
  }
  return signals;
}

/** A form is named by one of its aliases, as whole words ("Appendix 1" is not "Appendix 10"). */
function namesForm(text: string, form: Form): boolean {
  const words = text.replace(/[_.]+/g, ' ');
  return form.aliases.some((alias) =>
    new RegExp(`\\b${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s_-]+')}(?![\\w])`, 'i').test(words),
  );
}

/**
 * The quoted history gives mentions only: what was said before is not said again. Long threads
 * quote a lot, so only lines that could name a stage or a resolution are read at all.
 */
function historySignals(history: string, policy: Policy): Signal[] {
  const signals: Signal[] = [];
  const { anyStageWord } = vocabularyOf(policy);
  for (const line of new Set(history.split('\n'))) {
    if (anyStageWord.test(line)) {
      for (const mention of stageMentions(line, policy, { byNumberOnly: true })) {
        signals.push({
          kind: 'stage',
          stage: mention.stage,
          escalation: false,
          how: 'history',
          evidence: sentenceAt(line, mention.index),
          strength: 'weak',
        });
      }
    }
    if (RESOLUTION_HINT.test(line)) {
      for (const match of line.matchAll(RESOLVED_ALL)) {
        signals.push({ kind: 'resolution', resolved: false, how: 'history', evidence: sentenceAt(line, match.index), strength: 'weak' });
      }
    }
  }
  return signals;
}

const RESOLVED_ALL = new RegExp(RESOLVED.source, 'gi');

/** The same sentence quoted again and again in a long thread is one signal, not many. */
function distinct(signals: Signal[]): Signal[] {
  const seen = new Set<string>();
  return signals.filter((signal) => {
    const key = JSON.stringify(signal);
    return !seen.has(key) && seen.add(key);
  });
}

function summarise(signals: Signal[], policy: Policy): Reading {
  const escalations = signals.filter((s): s is StageSignal => s.kind === 'stage' && s.escalation);
  const strongTargets = [...new Set(escalations.filter((s) => s.strength === 'strong').map((s) => s.stage))];
  const weakTargets = [...new Set(escalations.filter((s) => s.strength === 'weak').map((s) => s.stage))];
  const phraseTargets = new Set(escalations.filter((s) => s.strength === 'strong' && s.how === 'phrase').map((s) => s.stage));
  const resolved = signals.some((s) => s.kind === 'resolution' && s.resolved && s.strength === 'strong');
  const questionedResolution = signals.some((s) => s.kind === 'resolution' && s.how === 'question');
  const unstaged = signals.some((s) => s.kind === 'escalation');
  const forms = [...new Set(signals.filter((s): s is FormSignal => s.kind === 'form' && s.attached).map((s) => s.form))];
  const aboutProcess = signals.some((s) => s.kind === 'process' || (s.kind === 'stage' && s.how !== 'history') || s.kind === 'escalation');

  const highest = strongTargets.sort((a, b) => stageRank(policy, b) - stageRank(policy, a))[0] ?? null;
  let review: string | null = null;
  if (resolved && highest !== null) review = 'contradictory: the message both escalates and says the disagreement is resolved';
  else if (phraseTargets.size > 1) review = `ambiguous: the message escalates to several stages (${[...phraseTargets].join(', ')})`;
  else if (highest === null && weakTargets.length > 0)
    review = `ambiguous: an escalation to a stage named only by its title (${weakTargets.join(', ')})`;
  else if (highest === null && !resolved && questionedResolution)
    review = 'ambiguous: the message asks whether the disagreement is resolved';
  else if (highest === null && !resolved && unstaged) review = 'ambiguous: an escalation that names no stage';

  return { signals, escalateTo: review ? null : highest, resolved: review ? false : resolved, forms, aboutProcess, review };
}
