import type { Frame } from './frames.js';

/** How sure a signal is: strong enough to act on, or only enough to ask a person. */
export type Strength = 'strong' | 'weak';

/** Why a stage or a resolution named in a clause does not count. */
export type Blocked = 'negated' | 'conditional' | 'question' | 'modal' | 'past' | 'counterfactual';

/** Where a stage was named and how: only an escalation moves a case. */
export interface StageSignal {
  kind: 'stage';
  stage: string;
  escalation: boolean;
  /**
   * escalation: `phrase` (a verb bound to a number), `role` (to a role the policy gives the stage),
   * `next` ("the next stage"), `subject`, `form`; no escalation: `mention`, `history`,
   * `other-procedure` (a complaint's or an appeal's stage), `after-failed` (the stage after one named as
   * having failed: "our team managers have discussed it and are not in agreement"), `writer-manages` (the writer
   * manages the practitioner), `writer-role` (the writer holds a role the policy gives a stage: "I'm the Named
   * Nurse … and I'm writing to you about…"), `ladder` (a line of a list
   * that sets out the policy's stages one by one), or why it was blocked.
   */
  how:
    | 'phrase'
    | 'role'
    | 'next'
    | 'subject'
    | 'form'
    | 'mention'
    | 'after-failed'
    | 'writer-manages'
    | 'writer-role'
    | 'history'
    | 'other-procedure'
    | 'ladder'
    | Blocked;
  evidence: string;
  strength: Strength;
  /** Said of where the case stands ("this one is now at stage 1"), with no verb that moves it. */
  standing?: boolean;
}

/** "Escalating this further": an escalation that names no stage. */
export interface UnstagedEscalationSignal {
  kind: 'escalation';
  evidence: string;
  strength: Strength;
}

export interface ResolutionSignal {
  kind: 'resolution';
  /** True for a statement that it is resolved; false for a negated, conditional, partial or quoted one. */
  resolved: boolean;
  /** `other-business`: said of something the message fixed that is not the disagreement (the minutes, a link). */
  how: 'statement' | 'partial' | 'history' | 'other-procedure' | 'other-business' | Blocked;
  evidence: string;
  strength: Strength;
}

/** "I disagree with the decision to close…", "I want to formally challenge…": a disagreement raised. */
export interface DisagreementSignal {
  kind: 'disagreement';
  evidence: string;
  strength: Strength;
}

export interface FormSignal {
  kind: 'form';
  form: string;
  via: 'attachment' | 'text';
  attached: boolean;
  evidence: string;
  strength: Strength;
}

/** Words of the resolution process. */
export interface ProcessSignal {
  kind: 'process';
  evidence: string;
  strength: Strength;
}

/** Other business with the process's words: a complaint, an invitation, minutes… */
export interface FrameSignal {
  kind: 'frame';
  frame: Frame;
  /** The line of the new text it is on; -1 for the subject. */
  line: number;
  evidence: string;
  strength: Strength;
}

export type Signal =
  StageSignal | UnstagedEscalationSignal | ResolutionSignal | DisagreementSignal | FormSignal | ProcessSignal | FrameSignal;

/** What a message means for its case, with the signals it came from. */
export interface Reading {
  signals: Signal[];
  /** The highest stage the message escalates to, if it clearly does. */
  escalateTo: string | null;
  /** A clear statement that the disagreement is resolved. */
  resolved: boolean;
  /** Forms the message carries or clearly sends. */
  forms: string[];
  /** Whether the message is about the resolution process at all (its words, outside other business). */
  aboutProcess: boolean;
  /** The message raises a disagreement with a decision: it opens a case even with no stage named. */
  raisesDisagreement?: boolean;
  /** The highest stage the message names without escalating to it: where a case it opens starts. */
  namedStage?: string | null;
  /** The message asks about the process (a question, a request for a form) rather than raising anything. */
  asks?: boolean;
  /** The other business the message is about, when it is: then it is unrelated. */
  frame?: Frame | null;
  /** Why a person should look at it instead of the system acting; null when it is clear. */
  review: string | null;
}
