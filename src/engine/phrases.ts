/**
 * Phrase tables: the data most rules are made of (Vale's "existence" and "substitution" checks).
 * A table is compiled once into a token trie and matched in one pass over a paragraph's tokens,
 * so a table of hundreds of phrases costs about as much as one.
 *
 * Pattern syntax (space-separated parts, matched case-insensitively, curly apostrophes folded,
 * contractions spelled every way: "don't" also matches "do not" and "dont", "I am" also "I'm"):
 *   word          a literal word or punctuation mark ("sorry, but" is sorry + , + but)
 *   a|b|c         one-word alternatives ("can't|cannot")
 *   (a b|c)       alternatives of any length ("(i am|i'm) reaching out")
 *   [a b|c]       optional part, alternatives of any length
 *   *             any one word
 * Patterns containing Japanese (or other CJK) text are matched as literal substrings instead.
 * Patterns are data, never regular expressions: user phrases go through the same path.
 */
import { contractionSpellings, contractsWith, tokenize, type Token } from './text';
import { PRECOMPILED_TABLES } from './precompiled-tables';

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

/**
 * A compiled table: a token trie whose nodes are numbers (0 is the root), not objects. Edges are
 * grouped by token (token → parent node → child node), so matching looks a token up once for all
 * the live nodes, and compiling allocates one small map per distinct token instead of one per
 * node: the catalogue's tries have ~70,000 nodes, and one Map each made their compilation the
 * largest part of the engine's start (issue 12).
 */
interface Trie<E> {
  edges: Map<string, Map<number, number>>;
  /** Child through the `*` wildcard, by node (0: none; the root is never a child). */
  any: number[];
  /** The phrase a node completes, by node. */
  entry: Array<E | undefined>;
  /** Number of nodes. */
  size: number;
}

function newTrie<E>(): Trie<E> {
  return { edges: new Map(), any: [0], entry: [undefined], size: 1 };
}

function addNode<E>(trie: Trie<E>): number {
  const id = trie.size++;
  trie.any.push(0);
  trie.entry.push(undefined);
  return id;
}

function child<E>(trie: Trie<E>, from: number, tok: string): number {
  if (tok === WILDCARD) {
    let to = trie.any[from]!;
    if (to === 0) trie.any[from] = to = addNode(trie);
    return to;
  }
  let byNode = trie.edges.get(tok);
  if (!byNode) trie.edges.set(tok, (byNode = new Map()));
  let to = byNode.get(from);
  if (to === undefined) byNode.set(from, (to = addNode(trie)));
  return to;
}

/**
 * A compiled trie as the build stores it (scripts/tables-precompute.mjs), compact because the
 * catalogue's tries hold ~70,000 nodes: nodes are numbered in creation order, so each node after
 * the root is stored as its parent (how many nodes back, in `p`) and the token that leads to it
 * (in `k`, an index into `t`, tokens by frequency; 0 is the wildcard). `f` lists the nodes that
 * complete a phrase (node since the previous one, entry index), `l` the literal (CJK) entries.
 * Plain number arrays: JSON.parse reads them faster than anything decoded by hand.
 */
interface PackedTrie {
  t: string[];
  p: number[];
  k: number[];
  f: number[];
  l: number[];
}

function packTrie<E>(trie: Trie<E>, entries: readonly E[], literals: readonly E[]): PackedTrie {
  const index = new Map<E, number>();
  entries.forEach((e, i) => {
    if (!index.has(e)) index.set(e, i);
  });
  const parent = new Array<number>(trie.size).fill(0);
  const via = new Array<string>(trie.size).fill('');
  const uses = new Map<string, number>();
  for (const [tok, byNode] of trie.edges) {
    uses.set(tok, byNode.size);
    for (const [from, to] of byNode) {
      parent[to] = from;
      via[to] = tok;
    }
  }
  trie.any.forEach((to, from) => {
    if (to !== 0) {
      parent[to] = from;
      via[to] = WILDCARD;
    }
  });
  const tokens = [WILDCARD, ...[...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || (a < b ? -1 : 1))];
  const code = new Map(tokens.map((t, i) => [t, i]));
  const p: number[] = [];
  const k: number[] = [];
  for (let node = 1; node < trie.size; node++) {
    p.push(node - parent[node]!);
    k.push(code.get(via[node]!)!);
  }
  const f: number[] = [];
  let prev = 0;
  trie.entry.forEach((e, node) => {
    if (e === undefined) return;
    f.push(node - prev, index.get(e)!);
    prev = node;
  });
  return { t: tokens.map((t) => (t === WILDCARD ? '' : t)), p, k, f, l: literals.map((e) => index.get(e)!) };
}

/**
 * Rebuilds a packed trie, resumably: `step(deadline)` adds nodes until `deadline`
 * (performance.now()) passes and returns the trie when done, so the catalogue's largest table
 * (~38,000 nodes) is unpacked over several short slices.
 */
class Unpacker<E> {
  private readonly byToken: Array<Map<number, number> | undefined>;
  private readonly trie: Trie<E>;
  private i = 0;

  constructor(
    private readonly packed: PackedTrie,
    private readonly entries: readonly E[],
  ) {
    const size = packed.p.length + 1;
    this.byToken = new Array(packed.t.length);
    this.trie = { edges: new Map(), any: new Array<number>(size).fill(0), entry: new Array<E | undefined>(size).fill(undefined), size };
  }

  get literals(): E[] {
    return this.packed.l.map((i) => this.entries[i]!);
  }

  step(deadline: number): Trie<E> | undefined {
    const { byToken, trie } = this;
    const { p, k } = this.packed;
    while (this.i < p.length) {
      const i = this.i++;
      const node = i + 1;
      const from = node - p[i]!;
      const tok = k[i]!;
      if (tok === 0) trie.any[from] = node;
      else (byToken[tok] ??= new Map()).set(from, node);
      if ((this.i & 1023) === 0 && performance.now() >= deadline) return undefined;
    }
    this.packed.t.forEach((tok, i) => {
      const byNode = byToken[i];
      if (byNode) trie.edges.set(tok, byNode);
    });
    const f = this.packed.f;
    let node = 0;
    for (let i = 0; i < f.length; i += 2) {
      node += f[i]!;
      trie.entry[node] = this.entries[f[i + 1]!];
    }
    return trie;
  }
}

/**
 * What identifies a table's compiled form: its patterns in order (FNV-1a, 2 × 32 bits, with the
 * entry count). Two tables with the same patterns compile to the same trie.
 */
export function tableKey(entries: readonly PhraseEntry[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ entries.length;
  for (const { pattern } of entries) {
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 0xffff, 0x01000193);
    h2 = Math.imul(h2 ^ 0xffff, 0x5bd1e995);
  }
  return `${entries.length.toString(36)}.${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
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
function insertPattern<E extends PhraseEntry>(trie: Trie<E>, entry: E, tokenCache: Map<string, string[]>): void {
  let frontier: number[] = [0];
  let expansions = 1;
  for (const part of parsePattern(entry.pattern, tokenCache)) {
    expansions *= part.alts.length;
    if (expansions > MAX_EXPANSIONS) throw new Error(`phrase pattern expands too much: ${entry.pattern}`);
    const next = new Set<number>();
    for (const from of frontier) {
      for (const alt of part.alts) {
        let node = from;
        for (const tok of alt) node = child(trie, node, tok);
        next.add(node);
      }
    }
    frontier = [...next];
  }
  // The root is the empty sequence (every part optional and left out): not a phrase.
  for (const node of frontier) if (node !== 0) trie.entry[node] ??= entry;
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
  private list: readonly E[] | undefined;
  private make: (() => readonly E[]) | undefined;
  private trie: Trie<E> | undefined;
  private readonly literals: E[] = [];
  /** Compilation in progress (compileUntil): the trie so far and the next entry to add. */
  private partial: { trie: Trie<E>; next: number } | undefined;
  /** Unpacking in progress (compileUntil with a precompiled trie). */
  private unpacker: Unpacker<E> | undefined;
  private unpackChecked = false;

  /** The phrases, or a function that makes them on first use (definePhrases). */
  constructor(entries: readonly E[] | (() => readonly E[])) {
    if (typeof entries === 'function') this.make = entries;
    else this.list = entries;
    pendingTables.push(this as unknown as PhraseTable<PhraseEntry>);
  }

  get entries(): readonly E[] {
    if (this.list === undefined) {
      this.list = this.make!();
      this.make = undefined;
    }
    return this.list;
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
    if (this.trie) return true;
    if (!this.unpackChecked) {
      this.unpackChecked = true;
      // Built with the extension or the CLI (scripts/tables-precompute.mjs): no compilation here.
      const packed = PRECOMPILED_TABLES?.[tableKey(this.entries)];
      if (packed !== undefined) this.unpacker = new Unpacker<E>(JSON.parse(packed) as PackedTrie, this.entries);
    }
    if (this.unpacker) {
      const trie = this.unpacker.step(deadline);
      if (!trie) return false;
      this.literals.push(...this.unpacker.literals);
      this.trie = trie;
      this.unpacker = undefined;
      return true;
    }
    const work = (this.partial ??= { trie: newTrie<E>(), next: 0 });
    const tokenCache = new Map<string, string[]>();
    while (work.next < this.entries.length) {
      const entry = this.entries[work.next++]!;
      if (CJK.test(entry.pattern)) this.literals.push(entry);
      else insertPattern(work.trie, entry, tokenCache);
      // Checking the clock every 16 entries keeps its cost out of the loop.
      if ((work.next & 15) === 0 && performance.now() >= deadline) return false;
    }
    this.trie = work.trie;
    this.partial = undefined;
    return true;
  }

  /** The compiled trie as the build stores it (scripts/tables-precompute.mjs), as JSON. */
  pack(): string {
    this.compile();
    return JSON.stringify(packTrie(this.trie!, this.entries, this.literals));
  }

  /** A table over `entries` whose trie is `packed` (what pack() gave for the same entries). */
  static fromPacked<E extends PhraseEntry>(entries: readonly E[], packed: string): PhraseTable<E> {
    const table = new PhraseTable(entries);
    table.usePacked(packed);
    return table;
  }

  private usePacked(packed: string): void {
    this.unpackChecked = true;
    this.unpacker = new Unpacker<E>(JSON.parse(packed) as PackedTrie, this.entries);
    this.compile();
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
    const trie = this.trie!;
    // Most tokens start no phrase: answered without the arrays below (one pair per token and
    // table was most of what matching allocated).
    const first = tokens[i]!;
    if (trie.edges.get(first.norm)?.get(0) === undefined && (trie.any[0] === 0 || !first.isWord)) return undefined;
    let live: number[] = [0];
    let best: { end: number; entry: E } | undefined;
    for (let j = i; j < tokens.length && live.length > 0; j++) {
      const tok = tokens[j]!;
      const byNode = trie.edges.get(tok.norm);
      const nextLive: number[] = [];
      for (const node of live) {
        const to = byNode?.get(node);
        if (to !== undefined) nextLive.push(to);
        const any = trie.any[node]!;
        if (any !== 0 && tok.isWord) nextLive.push(any);
      }
      for (const node of nextLive) {
        const entry = trie.entry[node];
        if (entry) best = { end: j + 1, entry };
      }
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
 * Every table defined so far (at import: the catalogue's), compiled and packed by its key, as
 * JSON strings: what scripts/tables-precompute.mjs writes into the builds' precompiled-tables.ts.
 */
export function packDefinedTables(): Record<string, string> {
  return Object.fromEntries(definedTables().map((t) => [tableKey(t.entries), t.pack()]));
}

/** The tables defined and not yet compiled (at import: the whole catalogue), in definition order. */
export function definedTables(): Array<PhraseTable<PhraseEntry>> {
  return [...pendingTables];
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

/**
 * Builds a phrase table. Strings are shorthand for `{ pattern }`. A function instead of the list
 * makes it when the table is first used (matched, compiled, or its entries read): for a table of
 * thousands of generated phrases (phraseCombinations), which every start of the CLI and every
 * load of the engine made for nothing when the table's rule does not run (issue 12).
 */
export function definePhrases<E extends PhraseEntry = PhraseEntry>(
  entries: ReadonlyArray<E | string> | (() => ReadonlyArray<E | string>),
): PhraseTable<E> {
  const toEntries = (list: ReadonlyArray<E | string>): E[] => list.map((e) => (typeof e === 'string' ? ({ pattern: e } as E) : e));
  return new PhraseTable(typeof entries === 'function' ? () => toEntries(entries()) : toEntries(entries));
}

/** The token sequences a pattern stands for (used by the duplicate-phrase convention test). */
export function phraseKeys(pattern: string): string[] {
  if (CJK.test(pattern)) return [pattern];
  return expandPattern(pattern).map((s) => s.join(' '));
}

