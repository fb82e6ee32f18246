/**
 * Splitting a plain-text body into the writer's new words, quoted earlier messages and the
 * signature. Rules only see the new words; every offset stays an offset into the full body.
 *
 * Works line by line in one pass (no regex spans more than one line), so it is linear in the
 * body's length whatever the input.
 */

export type SegmentKind = 'new' | 'quote' | 'signature';

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
const ON_WROTE = /^\s*On\s.{1,300}\bwrote:\s*$/i;
// Japanese Gmail: "2025年11月3日(月) 16:40 Hiroki Endo <...>:" and "…さんは書きました:"
const JA_WROTE = /(?:書きました|のメッセージ)[:：]\s*$|^\s*\d{4}年\d{1,2}月\d{1,2}日.{0,200}[:：]\s*$/;
// Outlook and Lotus separators.
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(?:Original Message|Forwarded message|元のメッセージ|転送されたメッセージ)\s*-{2,}\s*$/i;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
// Outlook's header block: "From: ..." followed within a few lines by "Sent: ..." / "Date: ...".
const HEADER_FROM = /^\s*\*?(?:From|差出人|送信者)\s*[:：]/i;
const HEADER_SENT = /^\s*\*?(?:Sent|Date|送信日時|日付)\s*[:：]/i;
const QUOTE_LINE = /^\s*>/;
// The conventional signature delimiter "-- " (also accepted without the trailing space).
const SIG_DASHES = /^--\s?$/;
// Sign-off lines that usually open the signature block. The line itself is the writer's
// words (rules such as ja/casual-register read it); what follows is the signature.
// The optional closing punctuation carries its own leading space: "\s*[,.]?\s*$" backtracks
// quadratically on a sign-off followed by a long run of spaces (tests/regex-safety.test.ts).
const SIGN_OFF =
  /^\s*(?:(?:best|kind|warm|warmest|kindest)(?:\s+(?:regards|wishes))?|regards|best regards|many thanks|thanks(?:\s+(?:again|so much|a lot))?|thank you(?:\s+(?:very much|again|so much))?|cheers|sincerely(?:\s+yours)?|yours(?:\s+(?:sincerely|truly|faithfully))?|respectfully(?:\s+yours)?|with (?:best |kind |warm )?regards|all the best|take care|talk soon|catch you later|later|thx|ttyl|br|rgds|よろしくお願いいたします|よろしくお願いします|宜しくお願い致します|以上)(?:\s*[,.!、。])?\s*$/i;
// Legal disclaimers that mail servers append.
const DISCLAIMER =
  /^\s*(?:CONFIDENTIAL(?:ITY)?(?: NOTICE)?|DISCLAIMER|This (?:e-?mail|message)(?: and any attachments)? (?:is|are|may contain) (?:confidential|intended)|The information (?:contained )?in this (?:e-?mail|message))/i;

/** Lines after a sign-off that still look like a signature (name, title, company, phone). */
const MAX_SIGNATURE_LINES = 8;

/**
 * The last split, reused when the same body is split again: the engine and the content script's
 * first-contact display both split the body on every analysis of a keystroke.
 * Callers must treat the result as read-only.
 */
let lastSplit: { body: string; result: SplitBody } | undefined;

export function splitBody(body: string): SplitBody {
  if (lastSplit && lastSplit.body === body) return lastSplit.result;
  const result = splitBodyUncached(body);
  lastSplit = { body, result };
  return result;
}

function splitBodyUncached(body: string): SplitBody {
  const lines = splitLines(body);
  const n = lines.length;
  // kind per line; 'new' unless marked.
  const kind: SegmentKind[] = new Array<SegmentKind>(n).fill('new');
  let hasQuote = false;
  let signOffStart = -1;

  // 1. Quoted blocks: from an attribution/separator line to the end of the body, and any
  //    run of '>' lines. Replies are top-posted in business mail; text after an attribution
  //    line is the earlier thread.
  let quoteFrom = n;
  for (let i = 0; i < n; i++) {
    const t = lines[i]!.text;
    if (ON_WROTE.test(t) || JA_WROTE.test(t) || ORIGINAL_MESSAGE.test(t)) {
      quoteFrom = i;
      break;
    }
    if (HEADER_FROM.test(t)) {
      // Outlook: "From:" then "Sent:"/"Date:" within the next 3 lines.
      for (let j = i + 1; j < Math.min(n, i + 4); j++) {
        if (HEADER_SENT.test(lines[j]!.text)) {
          quoteFrom = i;
          // Include a preceding underscore rule line, if any.
          if (i > 0 && UNDERSCORE_RULE.test(lines[i - 1]!.text)) quoteFrom = i - 1;
          break;
        }
      }
      if (quoteFrom !== n) break;
    }
  }
  for (let i = quoteFrom; i < n; i++) kind[i] = 'quote';
  if (quoteFrom < n) hasQuote = true;
  for (let i = 0; i < quoteFrom; i++) {
    if (QUOTE_LINE.test(lines[i]!.text)) {
      kind[i] = 'quote';
      hasQuote = true;
    }
  }

  // 2. Signature: the "-- " delimiter hides everything after it (until a quote);
  //    a disclaimer line hides the rest; a sign-off line hides the short block after it.
  for (let i = 0; i < quoteFrom; i++) {
    if (kind[i] !== 'new') continue;
    const t = lines[i]!.text;
    if (SIG_DASHES.test(t) || DISCLAIMER.test(t)) {
      for (let j = i; j < quoteFrom; j++) if (kind[j] === 'new') kind[j] = 'signature';
      break;
    }
  }
  // The last sign-off line before the quote/signature.
  let lastNew = -1;
  for (let i = quoteFrom - 1; i >= 0; i--) {
    if (kind[i] === 'new' && lines[i]!.text.trim() !== '') {
      lastNew = i;
      break;
    }
  }
  for (let i = lastNew; i >= 0 && i >= lastNew - MAX_SIGNATURE_LINES - 1; i--) {
    if (kind[i] !== 'new') continue;
    if (SIGN_OFF.test(lines[i]!.text)) {
      signOffStart = lines[i]!.start;
      for (let j = i + 1; j < quoteFrom; j++) if (kind[j] === 'new') kind[j] = 'signature';
      break;
    }
  }

  // 3. Merge consecutive lines of the same kind into segments, offsets into the body.
  const segments: Segment[] = [];
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    const k = kind[i]!;
    const segEnd = i + 1 < n ? lines[i + 1]!.start : body.length;
    const last = segments[segments.length - 1];
    if (last && last.kind === k) last.end = segEnd;
    else segments.push({ kind: k, start: line.start, end: segEnd });
  }
  return { segments, hasQuote, signOffStart };
}
