/**
 * Tokens carry offsets into the ORIGINAL narrative (UTF-16 indices, end
 * exclusive) so every cue we report can be highlighted in the text the officer
 * wrote, however much we normalised it to match.
 */
export interface Token {
  /** Lower-cased, spelling-corrected, shorthand-expanded form used for matching. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** Sentence index: full stops, "?", "!", new lines and the " / " separators of police logs. */
  readonly sentence: number;
  /** Clause index: sentences split further at ";" and contrastive words ("but", "however"). */
  readonly clause: number;
  /** Inside quotation marks: quoted speech is evidence, and a negation never reaches across a quote edge. */
  readonly quoted: boolean;
}

/** A tokenised narrative: the original text and its normalised token stream. */
export interface TokenisedText {
  readonly text: string;
  readonly tokens: readonly Token[];
}
