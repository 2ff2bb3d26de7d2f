/** How sure a signal is: strong enough to act on, or only enough to ask a person. */
export type Strength = 'strong' | 'weak';

/** Where a stage was named and how: only an escalation moves a case. */
export interface StageSignal {
  kind: 'stage';
  stage: string;
  escalation: boolean;
  /** escalation: `phrase`, `subject`, `form`; mention: `mention`, `past`, `conditional`, `negated`, `question`, `history`. */
  how: 'phrase' | 'subject' | 'form' | 'mention' | 'past' | 'conditional' | 'negated' | 'question' | 'history';
  evidence: string;
  strength: Strength;
}

/** "Escalating this to my manager": an escalation that names no stage. */
export interface UnstagedEscalationSignal {
  kind: 'escalation';
  evidence: string;
  strength: Strength;
}

export interface ResolutionSignal {
  kind: 'resolution';
  /** True for a statement that it is resolved; false for a negated, conditional or quoted one. */
  resolved: boolean;
  how: 'statement' | 'negated' | 'conditional' | 'question' | 'history';
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

/** Words of the resolution process: what lets a message open a case. */
export interface ProcessSignal {
  kind: 'process';
  evidence: string;
  strength: Strength;
}

export type Signal = StageSignal | UnstagedEscalationSignal | ResolutionSignal | FormSignal | ProcessSignal;

/** What a message means for its case, with the signals it came from. */
export interface Reading {
  signals: Signal[];
  /** The highest stage the message escalates to, if it clearly does. */
  escalateTo: string | null;
  /** A clear statement that the disagreement is resolved. */
  resolved: boolean;
  /** Forms the message carries or clearly sends. */
  forms: string[];
  /** Whether the message is about the resolution process at all. */
  aboutProcess: boolean;
  /** Why a person should look at it instead of the system acting; null when it is clear. */
  review: string | null;
}
