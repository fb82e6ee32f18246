/**
 * Text structure over the writer's new words: paragraphs, sentences and word tokens, all with
 * absolute offsets into the body. One linear pass each; no regex can backtrack across lines.
 */

export interface Token {
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower case, curly apostrophes straightened: what phrase tables match against. */
  norm: string;
  /** True for words and numbers, false for punctuation and symbols (emoji included). */
  isWord: boolean;
  /**
   * Set on a token that stands for something no rule reads as words (RULES.md, "Reading real
   * mail"): a URL, an e-mail address, or a placeholder such as "[IMAGE]" or an attachment's
   * "<<Report.doc>>". Such a token is never a word, never a sentence end and never a question.
   */
  special?: 'url' | 'email' | 'placeholder';
}

/** How a line of the writer's text reads (the line classifier's verdict). */
export type LineForm = 'text' | 'label' | 'heading' | 'list' | 'table' | 'signoff';

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Tokens of this sentence (a slice of its paragraph's tokens). */
  tokens: Token[];
  /** Index of the paragraph in the document. */
  paragraph: number;
  isQuestion: boolean;
  /**
   * The form of the line the sentence stands on when it is a line of its own (a label "Cost: free",
   * a heading, a list item, a table row, a sign-off); `text` for running text.
   */
  form: LineForm;
}

export interface Paragraph {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

// Words: letters/numbers with inner apostrophes, hyphens, dots in numbers ("2.5", "M8", "don't",
// "double-check"). Punctuation: one character at a time, except runs of ! and ? kept together
// and emoji with their modifiers. Every quantifier is over a disjoint character class, so the
// match is linear.
const TOKEN =
  /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*|[!?]+|\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|\uFE0F|\p{Emoji_Modifier})*|[^\s\p{L}\p{N}]/gu;
const WORDISH = /^[\p{L}\p{N}]/u;

export function normalizeWord(s: string): string {
  const norm = s.toLowerCase().replace(/’/g, "'");
  return APOSTROPHE_LESS.get(norm) ?? norm;
}

/**
 * Contractions, once for the whole engine: each contracted spelling (as `normalizeWord` gives it)
 * and the two words it stands for. Phrase patterns are compiled to match every spelling of what
 * they say (src/engine/phrases.ts: "don't" also matches "do not", "I am" also "I'm"), so a table
 * spells a phrase once. Where a contraction has two readings ("it's": is / has, "I'd": would /
 * had), the common one in requests and refusals is listed.
 */
const CONTRACTIONS: ReadonlyArray<readonly [string, string, string]> = [
  ["don't", 'do', 'not'], ["doesn't", 'does', 'not'], ["didn't", 'did', 'not'], ["isn't", 'is', 'not'],
  ["aren't", 'are', 'not'], ["wasn't", 'was', 'not'], ["weren't", 'were', 'not'], ["haven't", 'have', 'not'],
  ["hasn't", 'has', 'not'], ["hadn't", 'had', 'not'], ["won't", 'will', 'not'], ["wouldn't", 'would', 'not'],
  ["can't", 'can', 'not'], ['cannot', 'can', 'not'], ["couldn't", 'could', 'not'], ["shouldn't", 'should', 'not'],
  ["mustn't", 'must', 'not'], ["needn't", 'need', 'not'], ["shan't", 'shall', 'not'], ["mightn't", 'might', 'not'],
  ["i'm", 'i', 'am'], ["you're", 'you', 'are'], ["we're", 'we', 'are'], ["they're", 'they', 'are'],
  ["i've", 'i', 'have'], ["you've", 'you', 'have'], ["we've", 'we', 'have'], ["they've", 'they', 'have'],
  ["i'll", 'i', 'will'], ["you'll", 'you', 'will'], ["we'll", 'we', 'will'], ["they'll", 'they', 'will'],
  ["he'll", 'he', 'will'], ["she'll", 'she', 'will'], ["it'll", 'it', 'will'], ["that'll", 'that', 'will'],
  ["i'd", 'i', 'would'], ["you'd", 'you', 'would'], ["we'd", 'we', 'would'], ["they'd", 'they', 'would'],
  ["he'd", 'he', 'would'], ["she'd", 'she', 'would'],
  ["it's", 'it', 'is'], ["that's", 'that', 'is'], ["there's", 'there', 'is'], ["here's", 'here', 'is'],
  ["what's", 'what', 'is'], ["who's", 'who', 'is'], ["where's", 'where', 'is'], ["how's", 'how', 'is'],
  ["he's", 'he', 'is'], ["she's", 'she', 'is'], ["let's", 'let', 'us'],
];
/** Contracted spelling → the two words. */
const EXPANSION = new Map(CONTRACTIONS.map(([c, a, b]) => [c, [a, b] as const]));
/** "do" → "not" → ["don't"], "can" → "not" → ["can't", "cannot"]: by first word, then second. */
const CONTRACTED = new Map<string, Map<string, string[]>>();
for (const [c, a, b] of CONTRACTIONS) {
  const bySecond = CONTRACTED.get(a) ?? new Map<string, string[]>();
  CONTRACTED.set(a, bySecond);
  bySecond.set(b, [...(bySecond.get(b) ?? []), c]);
}
const contracted = (first: string, second: string): string[] | undefined => CONTRACTED.get(first)?.get(second);
/**
 * Contractions typed without the apostrophe, read as with it ("dont" is "don't"). Only spellings
 * that are no other word: not "wont", "cant", "ill", "well", "were", "its", "lets", "id", "im".
 */
const APOSTROPHE_LESS: ReadonlyMap<string, string> = new Map(
  ['dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'havent', 'hasnt', 'hadnt', 'wouldnt', 'couldnt', 'shouldnt', 'youre', 'theyre', 'thats', 'whats'].map(
    // "dont" → "don't", "youre" → "you're", "thats" → "that's".
    (w) => [w, w.endsWith('nt') ? `${w.slice(0, -1)}'t` : w.endsWith('s') ? `${w.slice(0, -1)}'s` : `${w.slice(0, -2)}'${w.slice(-2)}`] as const,
  ),
);

/**
 * Every spelling of a sequence of normalised words, contracted or not: ["don't", "agree"] gives
 * [don't agree], [do not agree]; ["that", "is", "not"] gives [that is not], [that's not],
 * [that isn't]. Sequences are short (a pattern's part), so the branching stays small.
 */
export function contractionSpellings(words: readonly string[]): string[][] {
  // Most sequences hold no contraction and no pair that makes one: one spelling, no copies.
  let plain = true;
  for (let k = 0; k < words.length && plain; k++) plain = !EXPANSION.has(words[k]!) && (k + 1 >= words.length || contracted(words[k]!, words[k + 1]!) === undefined);
  if (plain) return [words as string[]];
  const expanded: string[] = [];
  for (const w of words) {
    const e = EXPANSION.get(w);
    if (e) expanded.push(e[0], e[1]);
    else expanded.push(w);
  }
  const out: string[][] = [];
  const walk = (i: number, acc: string[]): void => {
    if (i >= expanded.length) {
      out.push(acc);
      return;
    }
    walk(i + 1, [...acc, expanded[i]!]);
    if (i + 1 < expanded.length) for (const c of contracted(expanded[i]!, expanded[i + 1]!) ?? []) walk(i + 2, [...acc, c]);
  };
  walk(0, []);
  return out;
}

/** Words that may end the first half of a contraction ("do", "i", "don't"), and start the second half ("not", "am", "don't"). */
const MAY_OPEN = new Set([...CONTRACTIONS.map(([, a]) => a), ...EXPANSION.keys()]);
const MAY_CLOSE = new Set([...CONTRACTIONS.map(([, , b]) => b), ...EXPANSION.keys()]);

/** Whether two normalised words, in this order, can be written as one contraction ("do" "not"). */
export function contractsWith(first: string, second: string): boolean {
  if (!MAY_OPEN.has(first) || !MAY_CLOSE.has(second)) return false;
  const last = EXPANSION.get(first)?.[1] ?? first;
  const next = EXPANSION.get(second)?.[0] ?? second;
  return contracted(last, next) !== undefined;
}

// A whitespace-delimited chunk that is a URL or an e-mail address. Each pattern is anchored and
// made of disjoint classes, so testing one chunk is linear in its length.
const URL_CHUNK = /^[<(["']?(?:(?:https?|ftp):\/\/|www\.|mailto:)/i;
// Lotus Notes addresses carry the organisation path in the local part: "Jeff Dasovich/NA/Enron@Enron".
const EMAIL_CHUNK = /^[<(["']?[\p{L}\p{N}._%+'/-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/u;
/**
 * Lotus Notes addresses without a dotted domain: "Jo Doe/HOU/ACME@ACME" (the chunk after the
 * space). Read with indexOf, not a regex: one pass over the chunk.
 */
function isLotusAddress(chunk: string): boolean {
  const at = chunk.indexOf('@');
  const slash = chunk.indexOf('/');
  if (at <= 0 || slash <= 0 || slash > at || at === chunk.length - 1 || chunk.length > 300) return false;
  for (let k = at + 1; k < chunk.length; k++) {
    const c = chunk[k]!;
    if (!/[\p{L}\p{N}.,;:)'"-]/u.test(c)) return false;
  }
  return true;
}
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '>', '"', "'", '’', '”']);
/** How many characters of trailing punctuation end a chunk ("http://x.com/a)." -> 2). A loop, not a regex. */
function trailingPunct(chunk: string, min: number): number {
  let n = 0;
  while (chunk.length - n > min && TRAILING.has(chunk[chunk.length - 1 - n]!)) n++;
  return n;
}
const PLACEHOLDERS = /^\[(?:IMAGE|image|Image|cid:[^\]\s]{1,200}|attachment|mailto:[^\]\s]{1,200})\]$/;

interface SpecialSpan {
  start: number;
  end: number;
  kind: 'url' | 'email' | 'placeholder';
}

/** URLs, e-mail addresses and placeholders in one linear scan over whitespace-separated chunks. */
function specialSpans(text: string): SpecialSpan[] {
  const out: SpecialSpan[] = [];
  // Cheap exit: most paragraphs have none of the characters these need.
  if (!/[@:[<]|www\./i.test(text)) return out;
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !/\s/.test(text[j]!)) j++;
    const chunk = text.slice(i, j);
    // "<<Dispatch Instructions.doc>>": an attachment placeholder, spaces and all, on one line.
    if (chunk.startsWith('<<')) {
      const close = text.indexOf('>>', i + 2);
      const nl = text.indexOf('\n', i);
      if (close !== -1 && close - i < 300 && (nl === -1 || close < nl)) {
        out.push({ start: i, end: close + 2, kind: 'placeholder' });
        i = close + 2;
        continue;
      }
    }
    const lead = /^[<(["']/.test(chunk) ? 1 : 0;
    if (URL_CHUNK.test(chunk) || EMAIL_CHUNK.test(chunk) || isLotusAddress(chunk)) {
      const kind = URL_CHUNK.test(chunk) ? 'url' : 'email';
      const end = j - trailingPunct(chunk, lead);
      if (end > i + lead) out.push({ start: i + lead, end, kind });
    } else if (PLACEHOLDERS.test(chunk)) out.push({ start: i, end: j, kind: 'placeholder' });
    i = j;
  }
  return out;
}

function tokenizeRange(text: string, from: number, to: number, offset: number, tokens: Token[]): void {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(part)) !== null) {
    const t = m[0];
    tokens.push({
      start: offset + from + m.index,
      end: offset + from + m.index + t.length,
      text: t,
      norm: normalizeWord(t),
      isWord: WORDISH.test(t),
    });
  }
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const sp of specialSpans(text)) {
    tokenizeRange(text, at, sp.start, offset, tokens);
    const t = text.slice(sp.start, sp.end);
    tokens.push({ start: offset + sp.start, end: offset + sp.end, text: t, norm: t.toLowerCase(), isWord: false, special: sp.kind });
    at = sp.end;
  }
  tokenizeRange(text, at, text.length, offset, tokens);
  return tokens;
}

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'v', 'etc', 'eg', 'ie', 'e.g', 'i.e', 'inc',
  'ltd', 'co', 'corp', 'vol', 'approx', 'dept', 'est', 'fig', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur',
  'thurs', 'fri', 'sat', 'sun', 'a.m', 'p.m', 'u.s', 'u.k', 'u.s.a', 'p.s', 'govt', 'gov', 'assn', 'bros',
  'intl', 'natl', 'univ', 'ave', 'blvd', 'mgmt', 'mgr', 'cf', 'al', 'incl', 'esp', 'ext', 'tel', 'attn',
  'ph.d', 'a.k.a', 'sq', 'mt', 'ft', 'pp', 'no', 'nos',
]);
/** Abbreviations that are also ordinary words ("No.", "Sun."): not a sentence end only before a number. */
const ABBREVIATIONS_BEFORE_NUMBER = new Set(['no', 'nos', 'sun', 'sat', 'mar', 'est', 'al', 'ext', 'tel', 'ft', 'pp', 'sq', 'fig', 'vol']);

const BULLET = /^\s*(?:[-*•・‣◦>o]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s/;
const SENTENCE_END_AT_EOL = /[.!?:;。！？]["'”’)]?\s*$/;
const STARTS_LOWER = /^\s*\p{Ll}/u;
// Sign-off lines ("Best regards,", "Love,", "Thanks!"): the line classifier's `signoff`.
const SIGN_OFF_LINE =
  /^\s*(?:(?:best|kind|warm|warmest|kindest)(?:\s+(?:regards|wishes))?|regards|many thanks|thanks(?:\s+(?:again|so much|a lot))?|thank you(?:\s+(?:very much|again|so much))?|cheers|sincerely(?:\s+yours)?|yours(?:\s+(?:sincerely|truly|faithfully))?|respectfully(?:\s+yours)?|with (?:best |kind |warm )?regards|all the best|take care|talk soon|later|thx|love|lots of love|hugs|cya|see ya|ciao)(?:\s*[,.!])?\s*$/i;
const LABEL = /^\s*[\p{L}][\p{L}\p{N} &/().'#-]{0,30}:\s*\S/u;

/** Whether the text ends with "?" (a closing quote or bracket may follow). A loop, not a regex. */
function endsWithQuestionMark(text: string): boolean {
  let k = text.length - 1;
  if (k >= 0 && '"\'”’)'.includes(text[k]!)) k--;
  return k >= 0 && (text[k] === '?' || text[k] === '？');
}

/** Abbreviations that never end a sentence: a title before a name, "v." between parties. */
const NEVER_FINAL = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'v', 'vs', 'govt', 'gov', 'sen', 'rep', 'gen', 'messrs']);

/** The word just before a final "." of a trimmed line, lower-cased ("Mr." → "mr"), or "". */
function lastWordBeforeDot(t: string): string {
  if (!t.endsWith('.')) return '';
  let k = t.length - 1;
  while (k > 0 && /[A-Za-z]/.test(t[k - 1]!)) k--;
  return t.slice(k, t.length - 1).toLowerCase();
}

/**
 * What a single line is, read as a person reads it: a label ("Cost: free", "DATE: OCT 13"), a
 * heading (a short line without an end mark, mostly capitalised), a list item, a table row
 * (columns set apart by runs of spaces or tabs, or mostly figures), a sign-off, or running text.
 */
export function classifyLine(line: string): LineForm {
  const t = line.trim();
  if (t === '') return 'text';
  if (SIGN_OFF_LINE.test(t)) return 'signoff';
  if (BULLET.test(line)) return 'list';
  // Columns: two or more gaps of 2+ spaces or a tab between non-space text, or "|" cells.
  let gaps = 0;
  for (const m of t.matchAll(/\S(?:\t| {3,})\S/g)) if (m) gaps++;
  const bars = t.split('|').length - 1;
  let digits = 0;
  let letters = 0;
  for (const ch of t) {
    if (ch >= '0' && ch <= '9') digits++;
    else if (/\p{L}/u.test(ch)) letters++;
  }
  if (gaps >= 2 || bars >= 2 || (digits >= 4 && digits >= letters) || (/\s[=×]\s*[\d$]/.test(t) && digits >= 3)) return 'table';
  if (LABEL.test(t) && !/^\s*(?:note|ps|p\.s|fyi|nb|n\.b)\b/i.test(t)) {
    // A label's name is a few words: "Cost: free", "Dispatch location: Houston".
    const name = t.slice(0, t.indexOf(':'));
    if (name.split(/\s+/).length <= 4) return 'label';
  }
  const words = t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  // A short line with an amount and no end mark is a row of figures: "(med,vis,dent) TOTAL $135.08".
  if (words.length <= 6 && /[$€¥£]\s?\d|\d\s?%\s*$/.test(t) && !/[.!?。！？]$/.test(t)) return 'table';
  if (words.length > 0 && words.length <= 7 && !/[.!,;:。！？]["'”’)]?$/.test(t) && !/\?.*\?/.test(t)) {
    const capital = words.filter((w) => /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(w)).length;
    const small = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'vs', 'per']);
    const content = words.filter((w) => !small.has(w.toLowerCase())).length;
    if (content > 0 && capital >= content * 0.75 && words.length >= 2) return 'heading';
  }
  return 'text';
}

/**
 * Splits one paragraph into sentences. Sentence ends: . ! ? 。！？ (not after an abbreviation,
 * not inside a number, not inside a URL or e-mail address), and line breaks that end a line of
 * its own (a greeting, a list item, a line ending in an end mark, a short line before a
 * capitalised one, a label, a heading, a table row). A soft-wrapped line continues the sentence:
 * a line that goes on in lower case, or a long line without an end mark.
 */
export function splitSentences(
  text: string,
  offset: number,
  tokens: Token[],
  paragraph: number,
): Sentence[] {
  const sentences: Sentence[] = [];
  // Sentence boundaries as offsets (relative to text) where a new sentence starts.
  const breaks: number[] = [];
  // Line starts and forms, for the form of each sentence that is a line of its own.
  const lineStarts: number[] = [0];
  const lineForms: LineForm[] = [];
  let lineStart = 0;
  const firstLineEnd = text.indexOf('\n');
  const lines: string[] = [];
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      lines.push(text.slice(lineStart, i));
      lineForms.push(classifyLine(text.slice(lineStart, i)));
      if (i < text.length) lineStarts.push(i + 1);
      lineStart = i + 1;
    }
  }
  for (let k = 0; k + 1 < lines.length; k++) {
    const line = lines[k]!;
    const next = lines[k + 1]!;
    const form = lineForms[k]!;
    const nextForm = lineForms[k + 1]!;
    const t = line.trim();
    const greeting = k === 0 && firstLineEnd !== -1 && /,\s*$/.test(line) && t.length < 40 && !STARTS_LOWER.test(next);
    // "… served upon Mr.\nMcLain": a title or "v." at the end of a line never ends a sentence.
    const endMark = SENTENCE_END_AT_EOL.test(line) && !NEVER_FINAL.has(lastWordBeforeDot(t));
    // A list item wrapped over lines goes on where the next line goes on in lower case.
    const wrappedItem = form === 'list' && !endMark && STARTS_LOWER.test(next);
    const lineOfItsOwn =
      endMark ||
      greeting ||
      (form !== 'text' && !wrappedItem) ||
      nextForm === 'list' ||
      nextForm === 'table' ||
      nextForm === 'signoff' ||
      (t.length < 40 && !STARTS_LOWER.test(next) && !/[,&-]\s*$/.test(line));
    if (lineOfItsOwn && (form !== 'text' || !NEVER_FINAL.has(lastWordBeforeDot(t)))) breaks.push(lineStarts[k + 1]!);
  }
  // Punctuation. `pl` follows the line of the token being read (tokens come in text order).
  let pl = 0;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok.special) continue;
    const c = tok.text;
    if (c === '!' || c === '?' || /^[!?]+$/.test(c) || c === '。' || c === '！' || c === '？' || c === '.' || c === '…') {
      const next = tokens[k + 1];
      const prev = tokens[k - 1];
      if (c === '.') {
        if (prev && prev.end === tok.start && prev.isWord && ABBREVIATIONS.has(prev.norm)) {
          if (!ABBREVIATIONS_BEFORE_NUMBER.has(prev.norm)) continue;
          if (next && /^\d/.test(next.text)) continue;
        }
        // "2.5" is one token already; "a . b" without space after is not a break.
        if (next && next.start === tok.end && next.isWord) continue;
        // An ellipsis or a run of dots ends where the run ends.
        if (next && next.start === tok.end && next.text === '.') continue;
      }
      if (c === '.' || c === '…') {
        const ellipsis = c === '…' || (prev !== undefined && prev.end === tok.start && prev.text === '.');
        if (ellipsis) {
          // "… or ...?" asks: the "?" after the dots (a closing quote between) ends the sentence.
          let j = k + 1;
          while (j < tokens.length && tokens[j]!.start === tokens[j - 1]!.end && /^["'”’)]$/.test(tokens[j]!.text)) j++;
          const after = tokens[j];
          if (after && after.start === tokens[j - 1]!.end && /^[!?！？]+$/.test(after.text)) continue;
        }
      }
      if (c === '.') {
        // A list number opening its line: "1. Whether the order…".
        if (prev && prev.end === tok.start && /^\d{1,3}$/.test(prev.text)) {
          const rel = prev.start - offset;
          while (pl + 1 < lineStarts.length && lineStarts[pl + 1]! <= rel) pl++;
          if (text.slice(lineStarts[pl]!, rel).trim() === '') continue;
        }
        // Single capital initial: "J. Smith".
        if (prev && prev.end === tok.start && /^\p{Lu}$/u.test(prev.text)) continue;
      }
      // "!?" run followed by more of the same: one break at the end of the run.
      if (next && next.start === tok.end && /^[!?！？]+$/.test(next.text) && /^[!?！？]+$/.test(c)) continue;
      // Close quotes and brackets belong to the ending sentence.
      let endAt = tok.end;
      let j = k + 1;
      while (j < tokens.length && tokens[j]!.start === endAt && /^["'”’)\]」』）]$/.test(tokens[j]!.text)) {
        endAt = tokens[j]!.end;
        j++;
      }
      breaks.push(endAt - offset);
    }
  }
  breaks.sort((a, b) => a - b);
  let from = 0;
  let ti = 0;
  let li = 0;
  const push = (a: number, b: number) => {
    // Trim whitespace.
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b <= a) return;
    const absA = offset + a;
    const absB = offset + b;
    while (ti < tokens.length && tokens[ti]!.start < absA) ti++;
    const first = ti;
    while (ti < tokens.length && tokens[ti]!.end <= absB) ti++;
    const sTokens = tokens.slice(first, ti);
    const sText = text.slice(a, b);
    // The line this sentence starts on; a sentence that is all of that line keeps its form.
    while (li + 1 < lineStarts.length && lineStarts[li + 1]! <= a) li++;
    const lineText = lines[li]!;
    const whole = sText.indexOf('\n') === -1 && lineText.trim() === sText;
    const lastWord = sTokens.length > 0 ? sTokens[sTokens.length - 1]! : undefined;
    sentences.push({
      start: absA,
      end: absB,
      text: sText,
      tokens: sTokens,
      paragraph,
      // A "?" with no word before it asks nothing: old mail turns non-breaking spaces into lone "?" lines.
      isQuestion: endsWithQuestionMark(sText) && !(lastWord?.special && lastWord.end === absB) && sTokens.some((t) => t.isWord),
      form: whole ? lineForms[li]! : 'text',
    });
  };
  for (const b of breaks) {
    if (b <= from) continue;
    push(from, b);
    from = b;
  }
  push(from, text.length);
  return sentences;
}

/** Splits a region of the body into paragraphs at blank lines. */
export function splitParagraphs(body: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let i = start;
  let paraStart = -1;
  let lastNonBlankEnd = -1;
  while (i < end) {
    let nl = body.indexOf('\n', i);
    if (nl === -1 || nl > end) nl = end;
    const line = body.slice(i, nl);
    const blank = line.trim() === '';
    if (blank) {
      if (paraStart !== -1) {
        out.push({ start: paraStart, end: lastNonBlankEnd });
        paraStart = -1;
      }
    } else {
      if (paraStart === -1) paraStart = i;
      // trimEnd, not replace(/\s+$/): the regex is quadratic on long runs of spaces.
      lastNonBlankEnd = i + line.trimEnd().length;
    }
    i = nl + 1;
  }
  if (paraStart !== -1) out.push({ start: paraStart, end: lastNonBlankEnd });
  return out;
}
