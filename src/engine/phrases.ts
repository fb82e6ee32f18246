/**
 * Phrase tables: the data most rules are made of (Vale's "existence" and "substitution" checks).
 * A table is compiled once into a token trie and matched in one pass over a paragraph's tokens,
 * so a table of hundreds of phrases costs about as much as one.
 *
 * Pattern syntax (space-separated parts, matched case-insensitively, curly apostrophes folded):
 *   word          a literal word or punctuation mark ("sorry, but" is sorry + , + but)
 *   a|b|c         one-word alternatives ("can't|cannot")
 *   (a b|c)       alternatives of any length ("(i am|i'm) reaching out")
 *   [a b|c]       optional part, alternatives of any length
 *   *             any one word
 * Patterns containing Japanese (or other CJK) text are matched as literal substrings instead.
 * Patterns are data, never regular expressions: user phrases go through the same path.
 */
import { contractionSpellings, contractsWith, tokenize, type Token } from './text';

export interface PhraseEntry {
  pattern: string;
  /** Drop-in replacement for the matched span, if the rule offers one. */
  replacement?: string;
  /** Free-form tag a rule can use to pick a message or severity. */
  tag?: string;
}

export interface PhraseMatch<E extends PhraseEntry = PhraseEntry> {
  start: number;
  end: number;
  entry: E;
  /** Index of the first and one-past-last matched token in the token array given. */
  tokenStart: number;
  tokenEnd: number;
}

interface TrieNode<E> {
  next: Map<string, TrieNode<E>>;
  any?: TrieNode<E>;
  entry?: E;
}

/** Trie key of the `*` wildcard: not a string the tokenizer can produce, so a literal "*" stays literal. */
const WILDCARD = '\u0000any';
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
/** Upper bound on alternatives one pattern may expand to; keeps compilation linear in table size. */
const MAX_EXPANSIONS = 4096;

interface PatternPart {
  /** Each alternative as a token sequence ([] for an optional part's "nothing"). */
  alts: string[][];
}

function tokensOf(text: string, cache?: Map<string, string[]>): string[] {
  const hit = cache?.get(text);
  if (hit) return hit;
  const tokens = text.trim() === '*' ? [WILDCARD] : tokenize(text).map((t) => t.norm);
  cache?.set(text, tokens);
  return tokens;
}

/**
 * Splits a pattern into parts. A group "(a b|c)" or "[a b|c]" that ends a part may hold
 * alternatives of several words; a bare part splits on "|" into one-part alternatives. A "("
 * without "|" inside ("( wink )") is literal text.
 */
function parsePattern(pattern: string, tokenCache?: Map<string, string[]>): PatternPart[] {
  const parts: PatternPart[] = [];
  const n = pattern.length;
  let i = 0;
  while (i < n) {
    while (i < n && /\s/.test(pattern[i]!)) i++;
    if (i >= n) break;
    const open = pattern[i];
    if (open === '(' || open === '[') {
      const close = pattern.indexOf(open === '(' ? ')' : ']', i + 1);
      const inner = close === -1 ? '' : pattern.slice(i + 1, close);
      const endsPart = close !== -1 && (close + 1 === n || /\s/.test(pattern[close + 1]!));
      if (endsPart && inner.trim() !== '' && (open === '[' || inner.includes('|'))) {
        const alts = inner.split('|').map((a) => tokensOf(a, tokenCache));
        if (open === '[') alts.push([]);
        parts.push({ alts });
        i = close + 1;
        continue;
      }
    }
    let j = i;
    while (j < n && !/\s/.test(pattern[j]!)) j++;
    parts.push({ alts: pattern.slice(i, j).split('|').map((a) => tokensOf(a, tokenCache)) });
    i = j;
  }
  return spellContractions(parts);
}

/** Largest part a merge of two parts may make (alternatives), so contractions never blow a pattern up. */
const MAX_MERGED = 64;

/**
 * A pattern matches every spelling of what it says, contracted or not (text.ts owns the list):
 * "don't" also matches "do not", "(i|we) (am|are) not" also "I'm not" and "we aren't". Two
 * parts that meet at a contraction ("(do|can) not") become one part, so the contraction can span
 * them; optional parts are left apart.
 */
function spellContractions(parts: PatternPart[]): PatternPart[] {
  const out: PatternPart[] = [];
  const required = (p: PatternPart): boolean => p.alts.every((a) => a.length > 0);
  const meet = (p: PatternPart, q: PatternPart): boolean => p.alts.some((a) => q.alts.some((b) => contractsWith(a[a.length - 1]!, b[0]!)));
  const join = (p: PatternPart, q: PatternPart): string[][] => p.alts.flatMap((a) => q.alts.map((b) => [...a, ...b]));
  for (const part of parts) {
    const prev = out[out.length - 1];
    const before = out[out.length - 2];
    if (prev && required(prev) && required(part) && prev.alts.length * part.alts.length <= MAX_MERGED && meet(prev, part)) {
      prev.alts = join(prev, part);
    } else if (
      // "(is|was) [simply] not": the words meet when the optional part is left out.
      before && prev && required(before) && !required(prev) && required(part) &&
      before.alts.length * prev.alts.length * part.alts.length <= MAX_MERGED && meet(before, part)
    ) {
      out.pop();
      before.alts = join({ alts: join(before, prev) }, part);
    } else out.push(part);
  }
  for (const part of out) {
    const spelled = part.alts.flatMap((a) => (a.length === 0 ? [a] : contractionSpellings(a)));
    if (spelled.length === part.alts.length) continue;
    const seen = new Set<string>();
    part.alts = spelled.filter((a) => {
      const key = a.join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return out;
}

/**
 * Adds every token sequence of the entry's pattern to the trie, part by part from the set of
 * nodes the previous parts reached (no expanded copy of each sequence: the tables hold tens of
 * thousands). The first entry keeps a sequence two patterns share, as in expandPattern order.
 */
function insertPattern<E extends PhraseEntry>(root: TrieNode<E>, entry: E, tokenCache: Map<string, string[]>): void {
  let frontier: Array<TrieNode<E>> = [root];
  let expansions = 1;
  for (const part of parsePattern(entry.pattern, tokenCache)) {
    expansions *= part.alts.length;
    if (expansions > MAX_EXPANSIONS) throw new Error(`phrase pattern expands too much: ${entry.pattern}`);
    const next = new Set<TrieNode<E>>();
    for (const from of frontier) {
      for (const alt of part.alts) {
        let node = from;
        for (const tok of alt) {
          if (tok === WILDCARD) node = node.any ??= { next: new Map() };
          else {
            let child = node.next.get(tok);
            if (!child) {
              child = { next: new Map() };
              node.next.set(tok, child);
            }
            node = child;
          }
        }
        next.add(node);
      }
    }
    frontier = [...next];
  }
  // The root is the empty sequence (every part optional and left out): not a phrase.
  for (const node of frontier) if (node !== root) node.entry ??= entry;
}

function expandPattern(pattern: string): string[][] {
  let seqs: string[][] = [[]];
  for (const part of parsePattern(pattern)) {
    const nextSeqs: string[][] = [];
    for (const s of seqs) for (const a of part.alts) nextSeqs.push([...s, ...a]);
    if (nextSeqs.length > MAX_EXPANSIONS) throw new Error(`phrase pattern expands too much: ${pattern}`);
    seqs = nextSeqs;
  }
  return seqs.filter((s) => s.length > 0);
}

/**
 * Tables are compiled on first use, not at import: the catalogue holds thousands of expanded
 * patterns, and compiling them all while the content script loads was one long task. The content
 * script compiles them at idle, a few at a time (`compilePendingTables`), before the user types.
 */
const pendingTables: Array<PhraseTable<PhraseEntry>> = [];

export class PhraseTable<E extends PhraseEntry = PhraseEntry> {
  readonly entries: readonly E[];
  private root: TrieNode<E> | undefined;
  private readonly literals: E[] = [];
  /** Compilation in progress (compileUntil): the trie so far and the next entry to add. */
  private partial: { root: TrieNode<E>; next: number } | undefined;

  constructor(entries: readonly E[]) {
    this.entries = entries;
    pendingTables.push(this as unknown as PhraseTable<PhraseEntry>);
  }

  /** Builds the trie; idempotent. Called by match() and by compilePendingTables(). */
  compile(): void {
    this.compileUntil(Number.POSITIVE_INFINITY);
  }

  /**
   * Adds entries to the trie until `deadline` (performance.now()) passes; true when the table is
   * compiled. A large table is spread over several slices this way.
   */
  compileUntil(deadline: number): boolean {
    if (this.root) return true;
    const work = (this.partial ??= { root: { next: new Map() }, next: 0 });
    const tokenCache = new Map<string, string[]>();
    while (work.next < this.entries.length) {
      const entry = this.entries[work.next++]!;
      if (CJK.test(entry.pattern)) this.literals.push(entry);
      else insertPattern(work.root, entry, tokenCache);
      // Checking the clock every 16 entries keeps its cost out of the loop.
      if ((work.next & 15) === 0 && performance.now() >= deadline) return false;
    }
    this.root = work.root;
    this.partial = undefined;
    return true;
  }

  /**
   * Leftmost-longest, non-overlapping matches over the tokens (and literal CJK matches over
   * `text`, whose first character is at body offset `textOffset`).
   */
  match(tokens: readonly Token[], text?: string, textOffset = 0): PhraseMatch<E>[] {
    this.compile();
    const out: PhraseMatch<E>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const best = this.longestAt(tokens, i);
      if (best) {
        out.push({
          start: tokens[i]!.start,
          end: tokens[best.end - 1]!.end,
          entry: best.entry,
          tokenStart: i,
          tokenEnd: best.end,
        });
        i = best.end;
      } else i++;
    }
    if (text !== undefined && this.literals.length > 0) {
      for (const entry of this.literals) {
        let from = 0;
        for (;;) {
          const at = text.indexOf(entry.pattern, from);
          if (at === -1) break;
          const start = textOffset + at;
          const end = start + entry.pattern.length;
          // The first token ending after `start`, by binary search (tokens are in order and do
          // not overlap): a scan from the first token made many literal matches quadratic.
          let lo = 0;
          let hi = tokens.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (tokens[mid]!.end > start) hi = mid;
            else lo = mid + 1;
          }
          const tokenStart = lo;
          let tokenEnd = tokenStart;
          while (tokenEnd < tokens.length && tokens[tokenEnd]!.start < end) tokenEnd++;
          out.push({ start, end, entry, tokenStart, tokenEnd });
          from = at + entry.pattern.length;
        }
      }
      out.sort((a, b) => a.start - b.start);
    }
    return out;
  }

  /** Longest match starting at token i; breadth over the (small) set of live trie nodes. */
  private longestAt(tokens: readonly Token[], i: number): { end: number; entry: E } | undefined {
    let live: TrieNode<E>[] = [this.root!];
    let best: { end: number; entry: E } | undefined;
    for (let j = i; j < tokens.length && live.length > 0; j++) {
      const tok = tokens[j]!;
      const nextLive: TrieNode<E>[] = [];
      for (const node of live) {
        const child = node.next.get(tok.norm);
        if (child) nextLive.push(child);
        if (node.any && tok.isWord) nextLive.push(node.any);
      }
      for (const node of nextLive) if (node.entry) best = { end: j + 1, entry: node.entry };
      live = nextLive;
    }
    return best;
  }
}

/**
 * Compiles tables not yet compiled until `budgetMs` has passed; returns true when none is left.
 * Lets a caller spread the work over idle callbacks.
 */
export function compilePendingTables(budgetMs = 8): boolean {
  const until = performance.now() + budgetMs;
  while (pendingTables.length > 0) {
    if (!pendingTables[0]!.compileUntil(until)) break;
    pendingTables.shift();
    if (performance.now() >= until) break;
  }
  return pendingTables.length === 0;
}

/**
 * Every combination of the given parts, joined by spaces ('' leaves a part out): for tables
 * whose patterns are built from lists shared by several entries.
 */
export function phraseCombinations(...parts: ReadonlyArray<readonly string[]>): string[] {
  let out: string[] = [''];
  for (const options of parts) {
    const next: string[] = [];
    for (const prefix of out) for (const o of options) next.push(o === '' ? prefix : prefix === '' ? o : `${prefix} ${o}`);
    out = next;
  }
  return out.filter((p) => p !== '');
}

/** Builds a phrase table. Strings are shorthand for `{ pattern }`. */
export function definePhrases<E extends PhraseEntry = PhraseEntry>(
  entries: ReadonlyArray<E | string>,
): PhraseTable<E> {
  return new PhraseTable(entries.map((e) => (typeof e === 'string' ? ({ pattern: e } as E) : e)));
}

/** The token sequences a pattern stands for (used by the duplicate-phrase convention test). */
export function phraseKeys(pattern: string): string[] {
  if (CJK.test(pattern)) return [pattern];
  return expandPattern(pattern).map((s) => s.join(' '));
}

