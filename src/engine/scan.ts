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
