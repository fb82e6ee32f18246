/**
 * The rule shape (ESLint's meta + check, Vale's phrase tables, textlint's examples).
 * A rule file under rules/<pack>/<name>.ts default-exports `defineRule({...})`.
 */
import type {
  AnalysisContext,
  Draft,
  FindingTarget,
  Localized,
  Pack,
  Region,
  Sector,
  Severity,
} from './types';
import type { PhraseEntry, PhraseMatch, PhraseTable } from './phrases';
import type { Paragraph, Sentence, Token } from './text';

/** What a rule's check returns; the engine fills in id, pack, localized texts and excerpt. */
export interface RuleReport {
  target?: FindingTarget; // default 'body' when start/end are given, else 'draft'
  start?: number;
  end?: number;
  attachmentIndex?: number;
  /** Key into the rule's `messages`; default `default`. */
  messageId?: string;
  /** Overrides the rule's severity for this finding (e.g. ja/humor by region). */
  severity?: Severity;
  /** Key into `rationales` when the rule has several; default `default`. */
  rationaleId?: string;
  /** Placeholders `{name}` in message, rationale and suggestion are filled from here. */
  data?: Record<string, string | number>;
  suggestion?: { text: Localized; replacement?: string };
}

/** The analysed draft as rules see it. Offsets are into `body`. */
export interface RuleDoc {
  body: string;
  draft: Draft;
  /** Paragraphs of the writer's new words (quotes and signature removed). */
  paragraphs: readonly Paragraph[];
  sentences: readonly Sentence[];
  /** Word tokens (no punctuation) of the new words. */
  words: readonly Token[];
  wordCount: number;
  /** Offset of the sign-off line ("Best regards,") or -1. */
  signOffStart: number;
  /** Quoted earlier text (in the body or outside it). Context only: never report on it. */
  quotedText: string;
  isReply: boolean;
  /** First contact as the rules see it: the user's override, else what was detected. */
  firstContact: boolean;
  /** What detection says, whatever the override (the popup shows it next to the override). */
  firstContactDetected: boolean;
  region: Region;
  sector: Sector;
  packs: readonly Pack[];
  /** Matches of a phrase table over all new words, cached per paragraph. */
  match<E extends PhraseEntry>(table: PhraseTable<E>): PhraseMatch<E>[];
  /** Matches of a phrase table within one sentence. */
  matchSentence<E extends PhraseEntry>(table: PhraseTable<E>, sentence: Sentence): PhraseMatch<E>[];
  /** The sentence containing a body offset, if any. */
  sentenceAt(offset: number): Sentence | undefined;
  /** Whether the draft contains any match of the table (cheap, cached). */
  has<E extends PhraseEntry>(table: PhraseTable<E>): boolean;
  /**
   * Runs `check` on each paragraph and caches its reports (or any spans) by the paragraph's text (under `key`,
   * usually the rule id; a function when a paragraph's answer depends on more than its text, such
   * as where the addressee block ends in the first), so after an edit only the edited paragraph
   * is checked again. `check`
   * must depend on nothing but the paragraph (and settings folded into `key`); report offsets
   * are absolute when returned and are rebased by the engine for paragraphs that moved.
   */
  reportsPerParagraph<T extends { start?: number; end?: number }>(
    key: string | ((paragraph: Paragraph, index: number) => string),
    check: (paragraph: Paragraph, index: number) => T[],
  ): T[];
  /**
   * Caches any value computed from one paragraph, by its text, under `key`. The value must not
   * hold body offsets (or must hold them relative to the paragraph start).
   */
  memoParagraph<V>(key: string, paragraph: Paragraph, compute: (paragraph: Paragraph) => V): V;
}

export interface RuleExample {
  /** Plain body text; or a whole draft for rules about subject, attachments or replies. */
  text?: string;
  draft?: Partial<Draft>;
  /** Context overrides (region, sector, firstContact...). The rule's pack is always on. */
  context?: Partial<AnalysisContext>;
  /** For `fire` examples: the expected excerpt of the (first) finding. */
  excerpt?: string;
  /** Expected severity when it depends on context. */
  severity?: Severity;
  /** Expected text after applying the suggestion's replacement (fixable rules). */
  output?: string;
}

export interface RuleDefinition {
  /** `pack/name`, equal to the file path under rules/. */
  id: string;
  pack: Pack;
  severity: Severity;
  /** One line for the catalogue and the options page. */
  description: Localized;
  messages: { default: Localized } & Record<string, Localized>;
  rationales: { default: Localized } & Record<string, Localized>;
  /** General advice when a finding carries no suggestion of its own. */
  advice: Localized;
  check(doc: RuleDoc, ctx: AnalysisContext): RuleReport[];
  /**
   * `sentence` when each report depends only on the sentence or paragraph it is in (and on what
   * every part of a draft shares: its language, first contact, subject, attachments, addressee
   * block and sign-off), never on the rest of the draft: a long draft's analysis in slices
   * (src/engine/sliced.ts) then keeps the reports it found window by window. Default `draft`:
   * the rule is judged on the whole draft. tests/sliced-equivalence.test.ts holds both to the
   * one-step analysis.
   */
  scope?: 'sentence' | 'draft';
  examples: { fire: RuleExample[]; pass: RuleExample[] };
}

export type Rule = Readonly<RuleDefinition>;

export function defineRule(rule: RuleDefinition): Rule {
  return Object.freeze(rule);
}
