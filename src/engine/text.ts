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
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Tokens of this sentence (a slice of its paragraph's tokens). */
  tokens: Token[];
  /** Index of the paragraph in the document. */
  paragraph: number;
  isQuestion: boolean;
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
  return s.toLowerCase().replace(/’/g, "'");
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const t = m[0];
    tokens.push({
      start: offset + m.index,
      end: offset + m.index + t.length,
      text: t,
      norm: normalizeWord(t),
      isWord: WORDISH.test(t),
    });
  }
  return tokens;
}

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'eg', 'ie', 'e.g', 'i.e', 'inc',
  'ltd', 'co', 'corp', 'no', 'vol', 'approx', 'dept', 'est', 'fig', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri',
  'sat', 'sun', 'a.m', 'p.m', 'u.s', 'u.k', 'p.s',
]);

const BULLET = /^\s*(?:[-*•・‣◦]|\d{1,3}[.)])\s/;
const LINE_END_PUNCT = /[.!?:;,。！？、]\s*$/;

/**
 * Splits one paragraph into sentences. Sentence ends: . ! ? 。！？ (not after an abbreviation,
 * not inside a number), and line breaks that end a line of its own (greeting, bullet, a line
 * ending in punctuation, a short line). A soft-wrapped line continues the sentence.
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
  // Line breaks.
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (i < text.length) {
        const line = text.slice(lineStart, i);
        const next = text.slice(i + 1, text.indexOf('\n', i + 1) === -1 ? text.length : text.indexOf('\n', i + 1));
        if (
          LINE_END_PUNCT.test(line) ||
          BULLET.test(line) ||
          BULLET.test(next) ||
          line.trim().length < 40
        ) {
          breaks.push(i + 1);
        }
      }
      lineStart = i + 1;
    }
  }
  // Punctuation.
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    const c = tok.text;
    if (c === '!' || c === '?' || /^[!?]+$/.test(c) || c === '。' || c === '！' || c === '？' || c === '.' || c === '…') {
      if (c === '.') {
        const prev = tokens[k - 1];
        const next = tokens[k + 1];
        if (prev && prev.end === tok.start && prev.isWord && ABBREVIATIONS.has(prev.norm)) continue;
        // "2.5" is one token already; "a . b" without space after is not a break.
        if (next && next.start === tok.end && next.isWord) continue;
        // Single capital initial: "J. Smith".
        if (prev && prev.end === tok.start && /^\p{Lu}$/u.test(prev.text)) continue;
      }
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
    sentences.push({
      start: absA,
      end: absB,
      text: sText,
      tokens: sTokens,
      paragraph,
      isQuestion: /[?？]["'”’)]?$/.test(sText),
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
