/**
 * The engine's public types. Every surface (content script, popup, CLI, tests) speaks these.
 * Pure data: no DOM, no `browser`.
 */

export type Pack = 'common' | 'ja' | 'us';
export const PACKS: readonly Pack[] = ['common', 'ja', 'us'];

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** Higher is worse; used for sorting and for "worst severity" badges. */
export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export type Lang = 'en' | 'ja';
export type Region = 'east' | 'west';
export const REGIONS: readonly Region[] = ['east', 'west'];
export type Sector = 'traditional' | 'modern';
export const SECTORS: readonly Sector[] = ['traditional', 'modern'];
export type FirstContactSetting = 'yes' | 'no' | 'auto';

/** A string in every UI language. */
export interface Localized {
  en: string;
  ja: string;
}

export type RecipientField = 'to' | 'cc' | 'bcc';

export interface Recipient {
  /**
   * The address, lower-cased; '' for a recipient the webmail shows by display name only (then
   * `name` is set, and the audience comes from the user's map of names).
   */
  address: string;
  name?: string;
  field: RecipientField;
}

export interface Attachment {
  name: string;
  /** Size in bytes, when the webmail or the .eml says it. */
  size?: number;
}

/** What the writer is sending, as read from the webmail compose window or a file. */
export interface Draft {
  /**
   * The plain-text body as the editor shows it. May still contain quoted replies and the
   * signature (a plain-text .eml does): the engine splits them off itself; offsets in findings
   * always point into this string.
   */
  body: string;
  subject?: string;
  recipients?: Recipient[];
  attachments?: Attachment[];
  /** True when the draft answers or forwards an earlier message (thread view, headers, Re:). */
  isReply?: boolean;
  /** Quoted earlier text kept outside `body` (Gmail's gmail_quote, an .eml's quoted part). */
  quoted?: string;
  /** Message-ID threading headers, when known (from an .eml). */
  inReplyTo?: string;
  references?: string[];
}

/** A user-defined phrase (options page): matched as literal words, never as a regex. */
export interface UserPhrase {
  id: string;
  phrase: string;
  /** Which audience pack the phrase belongs to; it warns only when that pack is on. */
  pack: Pack;
  message: string;
  replacement?: string;
  severity?: Severity;
}

export interface AnalysisContext {
  /** Packs switched on for this draft. */
  packs: Pack[];
  region: Region;
  sector: Sector;
  firstContact: FirstContactSetting;
  /** Rule ids switched off. */
  disabledRules: string[];
  /** Language of messages in findings. */
  lang: Lang;
  /** Per-rule severity set by the user (options page). */
  severityOverrides?: Record<string, Severity>;
  userPhrases?: UserPhrase[];
  /**
   * Whether the writer has sent to this address before (local history); `undefined` when
   * nothing is known. Used by first-contact detection when `firstContact` is `auto`.
   */
  hasWrittenTo?: (address: string) => boolean | undefined;
}

export const DEFAULT_CONTEXT: AnalysisContext = {
  packs: ['common'],
  region: 'east',
  sector: 'traditional',
  firstContact: 'auto',
  disabledRules: [],
  lang: 'en',
};

export type FindingTarget = 'body' | 'subject' | 'attachment' | 'draft';

export interface Suggestion {
  /** Advice or a concrete rewrite, in the context's language. */
  text: string;
  /** A drop-in replacement for the flagged body span, when there is one. */
  replacement?: string;
}

export interface Finding {
  ruleId: string;
  pack: Pack;
  severity: Severity;
  message: string;
  rationale: string;
  suggestion?: Suggestion;
  target: FindingTarget;
  /** Offsets into `draft.body` (UTF-16 code units, like String.prototype.slice). */
  start?: number;
  end?: number;
  /** `body.slice(start, end)` for a body span; the subject or file name otherwise. */
  excerpt: string;
  /** Index into `draft.attachments` when target is `attachment`. */
  attachmentIndex?: number;
}
