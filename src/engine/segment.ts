/**
 * Splitting a plain-text body into the writer's new words, quoted earlier messages and the
 * signature. Rules only see the new words; every offset stays an offset into the full body.
 *
 * Works line by line in one pass (no regex spans more than one line), so it is linear in the
 * body's length whatever the input.
 */

/**
 * What a stretch of the body is. Only `new` is the writer's own words (RULES.md, "Reading real
 * mail"); `quote` is an earlier message (a reply's quote or a forward, any client's form),
 * `signature` the sign-off block, `disclaimer` legal boilerplate a server or the writer's company
 * adds, `footer` taglines and ads a mail service or list appends.
 */import { isJapaneseQuoteHeader, isJapaneseQuoteLine, japaneseSignatureStart } from './japanese-mail';

export type SegmentKind = 'new' | 'quote' | 'signature' | 'disclaimer' | 'footer';

export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
}

export interface SplitBody {
  segments: Segment[];
  /** True when a quoted earlier message was found in the body. */
  hasQuote: boolean;
  /** Offset of the sign-off line ("Best regards,") when one was found, else -1. */
  signOffStart: number;
}

interface Line {
  start: number;
  /** End of the line's text, without the line break. */
  end: number;
  text: string;
}

function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= body.length) {
    let nl = body.indexOf('\n', start);
    if (nl === -1) nl = body.length;
    let end = nl;
    if (end > start && body.charCodeAt(end - 1) === 13) end--; // \r\n
    lines.push({ start, end, text: body.slice(start, end) });
    if (nl === body.length) break;
    start = nl + 1;
  }
  return lines;
}

// "On Mon, Nov 3, 2025 at 4:40 PM Hiroki Endo <h.endo@...> wrote:" (Gmail, Apple Mail, Thunderbird).
// Bounded quantifiers: the attribution line is at most a few hundred characters.
// Read as a prefix and a suffix, not one regex with a 300-character window (recheck cannot clear it in time).
const ON_WROTE = {
  test: (line: string): boolean => {
    const t = line.trim();
    return t.length <= 320 && /^On\s/i.test(t) && /\bwrote:$/i.test(t.slice(-7));
  },
};
// Japanese Gmail: "2025年11月3日(月) 16:40 Hiroki Endo <...>:" and "…さんは書きました:"
const JA_WROTE = {
  test: (line: string): boolean => {
    const t = line.trim();
    if (/(?:書きました|のメッセージ)[:：]$/.test(t.slice(-7))) return true;
    return t.length <= 220 && /^\d{4}年\d{1,2}月\d{1,2}日/.test(t) && (t.endsWith(':') || t.endsWith('：'));
  },
};
// Outlook and Lotus separators.
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(?:Original Message|Forwarded message|元のメッセージ|転送されたメッセージ)\s*-{2,}\s*$/i;
// Outlook's header block: "From: ..." followed within a few lines by "Sent: ..." / "Date: ...".
const HEADER_FROM = /^\s*\*?(?:From|差出人|送信者)\s*[:：]/i;
const HEADER_SENT = /^\s*\*?(?:Sent|Date|送信日時|日付)\s*[:：]/i;
// Lotus Notes: "----- Forwarded by Name/ORG on 09/11/2000 10:29 AM -----" (often wrapped over two
// lines), and cc:Mail's "____ Reply Separator ____".
const FORWARDED_BY = /^\s*-{3,}\s*Forwarded by\b/i;
const REPLY_SEPARATOR = /^\s*_{3,}\s*Reply Separator\b/i;
// A forwarded or quoted header block of any client: a "To:" line with "cc:" / "Subject:" /
// "From:" / "Sent:" close by ("Name@ORG / 09/11/2000 10:29 AM / To: / cc: / Subject:", Outlook's
// "From: / Sent: / To: / Subject:", "From: X on 09/11/2000 10:29 AM / To:").
const HEADER_TO = /^\s*\*?(?:To|宛先)\s*[:：]/i;
const HEADER_OTHER = /^\s*\*?(?:cc|bcc|Subject|From|Sent|Date|件名|差出人)\s*[:：]/i;
const FRAME_LINE = /^\s*(?:[-_=*~#+]\s*){5,}$/;
const QUOTE_LINE = /^\s*>/;
// The conventional signature delimiter "-- " (also accepted without the trailing space).
const SIG_DASHES = /^--\s?$/;
// Sign-off lines that usually open the signature block. The line itself is the writer's
// words (rules such as ja/casual-register read it); what follows is the signature.
// The optional closing punctuation carries its own leading space: "\s*[,.]?\s*$" backtracks
// quadratically on a sign-off followed by a long run of spaces (tests/regex-safety.test.ts).
const SIGN_OFF =
  /^\s*(?:(?:best|kind|warm|warmest|kindest)(?:\s+(?:regards|wishes))?|regards|best regards|many thanks|thanks(?:\s+(?:again|so much|a lot))?|thank you(?:\s+(?:very much|again|so much))?|cheers|sincerely(?:\s+yours)?|yours(?:\s+(?:sincerely|truly|faithfully))?|respectfully(?:\s+yours)?|with (?:best |kind |warm )?regards|all the best|take care|talk soon|catch you later|later|thx|ttyl|br|rgds|love|lots of love|much love|hugs|xoxo|cya|see ya|ciao|peace|よろしくお願いいたします|よろしくお願いします|宜しくお願い致します|以上)(?:\s*[,.!、。])?\s*$/i;

/** Lines after a sign-off that still look like a signature (name, title, company, phone). */
const MAX_SIGNATURE_LINES = 8;

// Legal notices, by what they say rather than how they start: a paragraph with two or more of
// these is a disclaimer wherever it stands (the first line may be "Confidentiality Notice", a
// frame of asterisks, or the writer's company name). Lower case, matched as substrings.
const DISCLAIMER_MARKERS = [
  'intended recipient',
  'intended only for',
  'intended solely for',
  'intended exclusively',
  'intended for the use',
  'intended for the exclusive',
  'exclusively for the individual',
  'privileged',
  'confidential',
  'proprietary',
  'notify the sender',
  'notify us',
  'received this message in error',
  'received this e-mail in error',
  'received this email in error',
  'received this communication in error',
  'in error, please',
  'strictly prohibited',
  'is prohibited',
  'unauthorized',
  'legally exempt',
  'delete all copies',
  'delete this message',
  'delete the message',
  'destroy this message',
  'dissemination',
  'not the named addressee',
  'not the intended',
  'not authorized to read',
  'any review, use',
  'without the express',
  'does not constitute',
  'binding agreement',
  'virus',
];

// Taglines and ads appended by mail services and lists (RULES.md: they count for no rule).
const FOOTER_MARKERS =
  /do you yahoo|yahoo! (?:mail|messenger|shopping|greetings|photos|calendar|auctions|personals)|msn hotmail|msn explorer|get your (?:private|free)|free (?:e-?mail|download)|unsubscribe|you are currently subscribed|to be removed from (?:this|our)|(?:this|the) (?:list|newsletter) is sponsored|\bsponsor(?:ed)? by\b|share information about yourself|create your own public profile|sent from my (?:iphone|ipad|blackberry|android)|powered by/i;

/** A signature's contact line: phone, fax, e-mail, a company with a legal suffix. */
const CONTACT_WORD = /\b(?:tel|fax|phone|mobile|cell|direct|e-?mail|corp|inc|ltd|llc|plc|gmbh)\b|株式会社|@/i;
/** A signature's contact line: a contact word, a company suffix, an address, or seven digits (a phone number). */
function isContactLine(text: string): boolean {
  if (CONTACT_WORD.test(text)) return true;
  let digits = 0;
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) digits++;
  return digits >= 7;
}

function disclaimerScore(text: string): number {
  const lower = text.toLowerCase();
  let n = 0;
  for (const m of DISCLAIMER_MARKERS) if (lower.includes(m)) n++;
  return n;
}

const SCORE_CHUNK = 100_000;
const LONGEST_MARKER = Math.max(...DISCLAIMER_MARKERS.map((m) => m.length));

/**
 * disclaimerScore of a long text a chunk at a time (a step each): chunks overlap by the longest
 * marker, so a marker across a cut is still found, and each marker counts once.
 */
function* disclaimerScoreInSteps(text: string): Generator<void, number> {
  if (text.length <= SCORE_CHUNK) return disclaimerScore(text);
  const found = new Set<string>();
  for (let at = 0; at < text.length; at += SCORE_CHUNK) {
    const lower = text.slice(at, at + SCORE_CHUNK + LONGEST_MARKER).toLowerCase();
    for (const m of DISCLAIMER_MARKERS) if (!found.has(m) && lower.includes(m)) found.add(m);
    yield;
  }
  return found.size;
}

interface ParagraphLines {
  from: number;
  to: number; // exclusive
  /** Its lines joined by spaces, made when first asked (`paragraphText`). */
  text?: string;
}

function paragraphsOf(read: LineReader, from: number, to: number): ParagraphLines[] {
  const out: ParagraphLines[] = [];
  let i = from;
  while (i < to) {
    while (i < to && read.blank(i)) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !read.blank(i)) i++;
    out.push({ from: start, to: i });
  }
  return out;
}

function paragraphText(lines: readonly Line[], para: ParagraphLines): string {
  if (para.text === undefined) {
    const parts: string[] = [];
    for (let i = para.from; i < para.to; i++) parts.push(lines[i]!.text);
    para.text = parts.join(' ');
  }
  return para.text;
}

/** The length of `paragraphText` without making it. */
function paragraphTextLength(lines: readonly Line[], para: ParagraphLines): number {
  let n = para.to - para.from - 1;
  for (let i = para.from; i < para.to; i++) n += lines[i]!.end - lines[i]!.start;
  return n;
}

/**
 * What the split asks of one line, each answer read when first asked. Kept by the line's text
 * from one split to the next (`LineReader`): after a keystroke every line but the edited one has
 * the same text, and its answers are not read again.
 */
interface LineFacts {
  blank?: boolean;
  quoteHeader?: boolean;
  lotusBlock?: boolean;
  from?: boolean;
  to?: boolean;
  sent?: boolean;
  other?: boolean;
  frame?: boolean;
  quoteLine?: boolean;
  sigDashes?: boolean;
  manyWords?: boolean;
}

/** What the split asks of a line, by the fact's name (read once per line text: `LineReader`). */
const LINE_TESTS: { readonly [K in keyof LineFacts]-?: (text: string) => boolean } = {
  blank: (t) => t.trim() === '',
  quoteHeader: (t) => ON_WROTE.test(t) || JA_WROTE.test(t) || ORIGINAL_MESSAGE.test(t) || FORWARDED_BY.test(t) || REPLY_SEPARATOR.test(t) || isJapaneseQuoteHeader(t),
  lotusBlock: (t) => /\sTo:\s/.test(t) && /\s(?:cc|Subject):/.test(t) && /\d{1,2}\/\d{1,2}\/\d{2,4}/.test(t),
  from: (t) => HEADER_FROM.test(t),
  to: (t) => HEADER_TO.test(t),
  sent: (t) => HEADER_SENT.test(t),
  other: (t) => HEADER_OTHER.test(t),
  frame: (t) => FRAME_LINE.test(t),
  quoteLine: (t) => QUOTE_LINE.test(t) || isJapaneseQuoteLine(t),
  sigDashes: (t) => SIG_DASHES.test(t),
  manyWords: (t) => wordsUpTo(t.trim(), 9) > 8,
};

/** The lines of one split and their facts, kept by text from the last split's. */
class LineReader {
  private readonly facts: Array<LineFacts | undefined>;
  /** The facts of this split's lines by text: the next split's `previous`. */
  readonly kept = new Map<string, LineFacts>();

  constructor(
    readonly lines: readonly Line[],
    private readonly previous: ReadonlyMap<string, LineFacts>,
  ) {
    this.facts = new Array<LineFacts | undefined>(lines.length);
  }

  private at(i: number): LineFacts {
    let f = this.facts[i];
    if (f === undefined) {
      const text = this.lines[i]!.text;
      f = this.kept.get(text);
      if (f === undefined) {
        f = this.previous.get(text) ?? {};
        this.kept.set(text, f);
      }
      this.facts[i] = f;
    }
    return f;
  }

  private text(i: number): string {
    return this.lines[i]!.text;
  }

  /** Line i's answer to `key`, read on its text the first time it is asked. */
  private fact(i: number, key: keyof LineFacts): boolean {
    const f = this.at(i);
    return (f[key] ??= LINE_TESTS[key](this.text(i)));
  }

  blank(i: number): boolean {
    return this.fact(i, 'blank');
  }
  /** An attribution or separator line that starts a quoted or forwarded message. */
  quoteHeader(i: number): boolean {
    return this.fact(i, 'quoteHeader');
  }
  /**
   * Lotus Notes sometimes lays the whole block on one tab-separated line:
   * "Name/ORG@ORG 08/02/2001 10:18 AM   To: Name/ORG@ORG  cc:   Subject: FW: ...".
   */
  lotusBlock(i: number): boolean {
    return this.fact(i, 'lotusBlock');
  }
  from(i: number): boolean {
    return this.fact(i, 'from');
  }
  to(i: number): boolean {
    return this.fact(i, 'to');
  }
  sent(i: number): boolean {
    return this.fact(i, 'sent');
  }
  other(i: number): boolean {
    return this.fact(i, 'other');
  }
  frame(i: number): boolean {
    return this.fact(i, 'frame');
  }
  quoteLine(i: number): boolean {
    return this.fact(i, 'quoteLine');
  }
  sigDashes(i: number): boolean {
    return this.fact(i, 'sigDashes');
  }
  /** More than 8 words: a line of running text, not a signature's. */
  manyWords(i: number): boolean {
    return this.fact(i, 'manyWords');
  }
}

let lastLineFacts: ReadonlyMap<string, LineFacts> = new Map();

/** Words that say what follows a colon is someone else's text ("I was just reading the following:"). */
const EXCERPT_CUES = new Set(['read', 'reading', 'article', 'story', 'news', 'excerpt', 'report', 'release', 'wrote', 'writes', 'says', 'said', 'posted', 'published', 'quote', 'quoted', 'following']);

/** Whether a line ends with a colon after a cue word among its last few words. Read without a regex window. */
function isExcerptIntro(line: string): boolean {
  const t = line.trimEnd();
  if (!t.endsWith(':')) return false;
  const words = t.slice(Math.max(0, t.length - 100), -1).toLowerCase().split(/[^a-z]+/);
  for (let k = Math.max(0, words.length - 14); k < words.length; k++) if (EXCERPT_CUES.has(words[k]!)) return true;
  return false;
}
const INDENTED = /^(?: {4,}|\t)\S/;

/**
 * Marks pasted excerpts as quotes: after a line that introduces someone else's text and ends with
 * a colon, the run of paragraphs set off by indentation (an article's indented paragraphs, with
 * its unindented headings and wrapped lines in between), when it is prose of some length (at least
 * 50 words), not a short indented list of the writer's own points.
 */
function markPastedExcerpts(lines: readonly Line[], paras: readonly ParagraphLines[], kind: SegmentKind[]): void {
  for (let p = 0; p < paras.length; p++) {
    const intro = paras[p]!;
    const last = lines[intro.to - 1]!.text;
    if (kind[intro.to - 1] !== 'new' || last.length > 400 || !isExcerptIntro(last)) continue;
    // The excerpt may start on the next line of the same paragraph or in the next paragraph.
    let q = p + 1;
    let from = intro.to;
    let words = 0;
    let to = from;
    while (q < paras.length) {
      const para = paras[q]!;
      let indented = false;
      for (let i = para.from; i < para.to && !indented; i++) indented = INDENTED.test(lines[i]!.text);
      if (!indented || kind[para.from] !== 'new') break;
      if (q === p + 1) from = para.from;
      words += paragraphText(lines, para).split(/\s+/).length;
      to = para.to;
      q++;
    }
    if (words < 50) continue;
    for (let i = from; i < to; i++) if (kind[i] === 'new') kind[i] = 'quote';
    p = q - 1;
  }
}

/**
 * Whether a code unit at or above 128 is white space for a regex's `\s` (Unicode's Zs, the line
 * and paragraph separators, the byte-order mark). Compared by number: a regex per character was
 * most of the split's time on a Japanese draft, where no character is ASCII.
 */
function isWideSpace(c: number): boolean {
  if (c < 0x2000) return c === 0xa0 || c === 0x1680;
  return c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `text.split(/\s+/).length`, counted no further than `cap`: the contact-block test asks whether
 * a line has more than 8 words, and splitting a pasted million-character line into words to
 * know it cost tens of milliseconds.
 */
function wordsUpTo(text: string, cap: number): number {
  let n = 1;
  let inSpace = false;
  for (let i = 0; i < text.length && n < cap; i++) {
    const c = text.charCodeAt(i);
    const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : isWideSpace(c);
    if (space && !inSpace) n++;
    inSpace = space;
  }
  return n;
}

/** Where a quoted or forwarded message starts (a line index), or `n` when there is none. */
function quoteStart(read: LineReader): number {
  const n = read.lines.length;
  for (let i = 0; i < n; i++) {
    if (read.quoteHeader(i)) {
      // A separator's own frame line just above it belongs to it.
      return i > 0 && read.frame(i - 1) ? i - 1 : i;
    }
    if (read.lotusBlock(i)) return i;
    const isFrom = read.from(i);
    if (isFrom || read.to(i)) {
      // A header block: this line and another header field within the next 3 lines.
      let block = false;
      for (let j = i + 1; j < Math.min(n, i + 4); j++) {
        if (isFrom ? read.sent(j) || read.to(j) : read.other(j)) {
          block = true;
          break;
        }
      }
      if (!block) continue;
      // The block starts with its paragraph: "Name@ORG" and "09/11/2000 10:29 AM" lines above
      // "To:", or a rule line above "From:" (at most 3 lines back).
      let start = i;
      while (start > 0 && i - start < 3 && !read.blank(start - 1)) start--;
      if (start > 0 && read.frame(start - 1)) start--;
      return start;
    }
  }
  return n;
}

/**
 * The last split, reused when the same body is split again: the engine and the content script's
 * first-contact display both split the body on every analysis of a keystroke.
 * Callers must treat the result as read-only.
 */
let lastSplit: { body: string; result: SplitBody } | undefined;

export function splitBody(body: string): SplitBody {
  const steps = splitBodyInSteps(body);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same split in steps, each a pass over the lines or one paragraph's tests: the analysis of
 * a pasted block in slices (src/engine/sliced.ts) runs a few per slice, so splitting a million
 * characters is not one long task.
 */
export function* splitBodyInSteps(body: string): Generator<void, SplitBody> {
  if (lastSplit && lastSplit.body === body) return lastSplit.result;
  const result = yield* splitBodyUncached(body);
  lastSplit = { body, result };
  return result;
}

/**
 * What the split's paragraph tests (disclaimer markers, footer taglines) said about each
 * paragraph text of the last split. They are pure functions of the text and read all of it; after
 * a keystroke every paragraph but the edited one is the same text, so only that one is read
 * again. Holds the last body's paragraphs only, so it is bounded by one draft.
 */
interface ParagraphTests {
  score: number;
  /** Read when first asked (only paragraphs before any footer are). */
  footer?: boolean;
}
let lastTests = new Map<string, ParagraphTests>();

function* splitBodyUncached(body: string): Generator<void, SplitBody> {
  const previousTests = lastTests;
  const tests = new Map<string, ParagraphTests>();
  const lines = splitLines(body);
  const read = new LineReader(lines, lastLineFacts);
  /**
   * The tests of a paragraph, from the last split when it had the same text: kept by its span of
   * the body (its lines with their line breaks), which gives its text, so a paragraph found
   * again is not even joined. A pasted paragraph longer than a chunk is read in steps and not kept.
   */
  function* testsOf(para: ParagraphLines): Generator<void, ParagraphTests> {
    const span = body.slice(lines[para.from]!.start, lines[para.to - 1]!.end);
    let t = tests.get(span) ?? previousTests.get(span);
    if (!t) t = { score: yield* disclaimerScoreInSteps(paragraphText(lines, para)) };
    if (span.length <= SCORE_CHUNK) tests.set(span, t);
    return t;
  }
  const footerOf = (para: ParagraphLines, t: ParagraphTests): boolean => (t.footer ??= FOOTER_MARKERS.test(paragraphText(lines, para)));
  yield;
  const n = lines.length;
  // kind per line; 'new' unless marked.
  const kind: SegmentKind[] = new Array<SegmentKind>(n).fill('new');
  let hasQuote = false;
  let signOffStart = -1;

  // 1. Quoted blocks: from an attribution, separator or header block to the end of the body,
  //    and any run of '>' lines. Replies are top-posted in business mail; text after an
  //    attribution line is the earlier thread.
  const quoteFrom = quoteStart(read);
  yield;
  for (let i = quoteFrom; i < n; i++) kind[i] = 'quote';
  if (quoteFrom < n) hasQuote = true;
  for (let i = 0; i < quoteFrom; i++) {
    if (read.quoteLine(i)) {
      kind[i] = 'quote';
      hasQuote = true;
    }
  }

  // 2. Disclaimers and appended footers, paragraph by paragraph, wherever they stand: a
  //    disclaimer at the top of a message ends where its paragraph ends. A footer (a mail
  //    service's tagline, a list's sponsor) takes everything after it up to the quote.
  yield;
  const paras = paragraphsOf(read, 0, quoteFrom);
  yield;
  let footerFrom = quoteFrom;
  let afterDisclaimer = false;
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p]!;
    if (kind[para.from] !== 'new') continue;
    // A step per long paragraph: its tests read all of its text.
    if (paragraphTextLength(lines, para) > 2_000) yield;
    const paraTests = yield* testsOf(para);
    const score = paraTests.score;
    // A disclaimer's later paragraphs may name only one of the markers.
    const wasAfter = afterDisclaimer;
    afterDisclaimer = false;
    const heading = para.to - para.from === 1 && /^[\s*=_-]*(?:confidential(?:ity)?(?: notice)?|disclaimer|legal notice|privileged and confidential)\b/i.test(lines[para.from]!.text);
    const next = paras[p + 1];
    if (score >= 2 || (wasAfter && score >= 1) || (heading && next && (yield* testsOf(next)).score >= 2)) {
      afterDisclaimer = true;
      for (let i = para.from; i < para.to; i++) kind[i] = 'disclaimer';
      // Frame lines (asterisks, dashes) right around it belong to it.
      if (para.from > 0 && read.frame(para.from - 1)) kind[para.from - 1] = 'disclaimer';
      if (para.to < quoteFrom && read.frame(para.to)) kind[para.to] = 'disclaimer';
      continue;
    }
    if (p > 0 && footerOf(para, paraTests)) {
      let from = para.from;
      if (from > 0 && read.frame(from - 1)) from--;
      footerFrom = Math.min(footerFrom, from);
      break;
    }
  }
  for (let i = footerFrom; i < quoteFrom; i++) if (kind[i] === 'new') kind[i] = 'footer';
  yield;

  // 2b. A pasted excerpt: text the writer quotes from someone else ("I was just reading the
  //     following:" and an article set off by indentation) is not the writer's words either.
  const beforeFooter = paragraphsOf(read, 0, footerFrom);
  yield;
  markPastedExcerpts(lines, beforeFooter, kind);
  yield;
  // A rule line that only separates the writer's words from a footer or disclaimer.
  for (let i = 0; i < quoteFrom; i++) {
    if (kind[i] === 'new' && read.frame(i)) {
      let j = i + 1;
      while (j < n && read.blank(j)) j++;
      if (j >= n || kind[j] !== 'new') kind[i] = j >= n ? 'new' : kind[j]!;
    }
  }

  yield;
  // 3. Signature: the "-- " delimiter hides everything after it (until a quote or footer);
  //    a sign-off line hides the short block after it.
  const wordsEnd = Math.min(quoteFrom, footerFrom);
  for (let i = 0; i < wordsEnd; i++) {
    if (kind[i] !== 'new') continue;
    if (read.sigDashes(i)) {
      for (let j = i; j < wordsEnd; j++) if (kind[j] === 'new') kind[j] = 'signature';
      break;
    }
  }
  // A contact block with no sign-off before it: the last paragraphs of short lines (name, title,
  // company, address, phone) where one line carries contact details.
  {
    let i = wordsEnd - 1;
    while (i >= 0 && (kind[i] !== 'new' || read.blank(i))) i--;
    let blockStart = -1;
    let contact = false;
    let shortLines = 0;
    for (let j = i; j >= 0 && i - j < 16; j--) {
      if (kind[j] !== 'new') break;
      const t = lines[j]!.text.trim();
      if (t === '') continue;
      const words = wordsUpTo(t, 9);
      if (words > 8 || (/[.!?]$/.test(t) && !/^(?:tel|fax|ph|mob|cell|dir)\.?$/i.test(t) && words > 3)) break;
      // The sign-off ("Rgds", "Best regards") stays the writer's words; the block is below it.
      if (SIGN_OFF.test(lines[j]!.text)) break;
      if (isContactLine(t)) contact = true;
      shortLines++;
      blockStart = j;
    }
    if (contact && shortLines >= 3 && blockStart > 0) {
      // Keep the writer's words: the block must follow at least one longer line of text.
      let hasText = false;
      for (let j = 0; j < blockStart && !hasText; j++) if (kind[j] === 'new' && read.manyWords(j)) hasText = true;
      if (hasText) for (let j = blockStart; j < wordsEnd; j++) if (kind[j] === 'new') kind[j] = 'signature';
    }
  }

  // The last sign-off line before the quote/signature.
  let lastNew = -1;
  for (let i = wordsEnd - 1; i >= 0; i--) {
    if (kind[i] === 'new' && !read.blank(i)) {
      lastNew = i;
      break;
    }
  }
  for (let i = lastNew; i >= 0 && i >= lastNew - MAX_SIGNATURE_LINES - 1; i--) {
    if (kind[i] !== 'new') continue;
    if (SIGN_OFF.test(lines[i]!.text)) {
      signOffStart = lines[i]!.start;
      for (let j = i + 1; j < wordsEnd; j++) if (kind[j] === 'new') kind[j] = 'signature';
      break;
    }
  }

  yield;
  // Japanese mail: a ━━━/――― framed block or a last block with 株式会社 / TEL lines (issue 15).
  const jaSignature = japaneseSignatureStart(
    lines.map((l) => l.text),
    wordsEnd,
    (i) => kind[i] === 'new',
  );
  if (jaSignature !== -1) for (let j = jaSignature; j < wordsEnd; j++) if (kind[j] === 'new') kind[j] = 'signature';

  yield;
  // 4. Merge consecutive lines of the same kind into segments, offsets into the body.
  const segments: Segment[] = [];
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    const k = kind[i]!;
    const segEnd = i + 1 < n ? lines[i + 1]!.start : body.length;
    const last = segments[segments.length - 1];
    if (last && last.kind === k) last.end = segEnd;
    else segments.push({ kind: k, start: line.start, end: segEnd });
  }
  lastTests = tests;
  lastLineFacts = read.kept;
  return { segments, hasQuote, signOffStart };
}
