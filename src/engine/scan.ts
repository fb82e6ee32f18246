/**
 * Lookups rules make once per match, in logarithmic time. A rule that scans its sentence for
 * every match (findIndex, filter, find over `sentence.tokens`) is quadratic in the sentence:
 * 100,000 characters of "ASAP ASAP ..." pasted as one sentence froze the tab for 24 s
 * (tests/rules-linear.test.ts). These helpers index a sentence once and answer from the index.
 */
import type { Sentence, Token } from './text';

/**
 * Index in `tokens` (sorted by offset, not overlapping) of the token that starts at `offset`,
 * or -1. Binary search: use it instead of `tokens.findIndex((t) => t.start === offset)`.
 */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tokens[mid]!.start;
    if (s === offset) return mid;
    if (s < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of the first token in `tokens` that starts at or after `offset` (tokens.length if none). */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index of the last value at or before `x` in ascending `sorted` (line starts, run starts),
 * 0 when `x` comes before them all.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface WordIndex {
  words: Token[];
  /** key → next[i]: the smallest j ≥ i whose word satisfies the key's predicate, or -1. */
  next: Map<string, Int32Array>;
}

const indexes = new WeakMap<Sentence, WordIndex>();

function wordIndex(sentence: Sentence): WordIndex {
  let idx = indexes.get(sentence);
  if (!idx) {
    idx = { words: sentence.tokens.filter((t) => t.isWord), next: new Map() };
    indexes.set(sentence, idx);
  }
  return idx;
}

/** The word tokens (no punctuation) of a sentence, computed once per sentence. */
export function sentenceWords(sentence: Sentence): readonly Token[] {
  return wordIndex(sentence).words;
}

/**
 * The first word of `sentence` that starts at or after body offset `from` (default: the
 * sentence start) and satisfies `pred`. `key` names the predicate: the answer for every
 * position is computed in one pass the first time a (sentence, key) pair is asked, so each call
 * after that is a binary search. `pred` must depend on the sentence's words only, and a key must always
 * mean the same predicate (prefix it with the rule id).
 */
export function nextWordWhere(sentence: Sentence, key: string, pred: (t: Token, i: number, words: readonly Token[]) => boolean, from = sentence.start): Token | undefined {
  const idx = wordIndex(sentence);
  let next = idx.next.get(key);
  if (!next) {
    next = new Int32Array(idx.words.length + 1);
    next[idx.words.length] = -1;
    for (let i = idx.words.length - 1; i >= 0; i--) next[i] = pred(idx.words[i]!, i, idx.words) ? i : next[i + 1]!;
    idx.next.set(key, next);
  }
  const j = next[firstTokenFrom(idx.words, from)]!;
  return j === -1 ? undefined : idx.words[j];
}

const quotedIndexes = new WeakMap<Sentence, Uint8Array>();
const OPEN_QUOTES = new Set(['“', '«', '„']);
const CLOSE_QUOTES = new Set(['”', '»']);

/**
 * Whether token `i` of `sentence` stands inside quotation marks: words the writer quotes or
 * mentions ("-1 'I don't agree' everywhere", `a strategy: "enumerate them, choose the best"`)
 * are not said to the reader (RULES.md, "Reading real mail"). Curly quotes pair by direction,
 * straight double quotes in order; an odd one out at the start or the end of the sentence quotes
 * the rest or what came before (a quotation that spans sentences). One pass per sentence.
 */
export function isQuoted(sentence: Sentence, i: number): boolean {
  let marks = quotedIndexes.get(sentence);
  if (!marks) {
    const toks = sentence.tokens;
    marks = new Uint8Array(toks.length);
    const straight: number[] = [];
    let curlyOpen = -1;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!.text;
      // 12" after a number is inches, not a quotation mark.
      if (t === '"') {
        const prev = toks[k - 1];
        if (!(prev && prev.end === toks[k]!.start && /^\d+(?:\.\d+)?$/.test(prev.text))) straight.push(k);
      }
      else if (OPEN_QUOTES.has(t)) curlyOpen = k;
      else if (CLOSE_QUOTES.has(t)) {
        marks.fill(1, curlyOpen + 1, k);
        curlyOpen = -1;
      }
    }
    if (curlyOpen !== -1) marks.fill(1, curlyOpen + 1);
    let from = 0;
    if (straight.length % 2 === 1) {
      const firstWord = toks.findIndex((t) => t.isWord);
      if (straight[0]! < firstWord) {
        // An opening mark whose closing one is in a later sentence.
        marks.fill(1, straight[0]! + 1);
        from = straight.length;
      } else {
        // A closing mark whose opening one was in an earlier sentence.
        marks.fill(1, 0, straight[0]);
        from = 1;
      }
    }
    for (let k = from; k + 1 < straight.length; k += 2) marks.fill(1, straight[k]! + 1, straight[k + 1]);
    quotedIndexes.set(sentence, marks);
  }
  return marks[i] === 1;
}
