/**
 * The engine's one bounded cache, least recently used first out. Used for paragraphs, phrase
 * matches, per-paragraph memos, user phrase tables and tagged sentences, so the content script's
 * memory stays flat however long a draft or a session is.
 *
 * A hit only stamps its entry with a counter; it does not move it. The earlier form (delete the
 * key and set it again, so the Map's order was the recency order) cost ~0.6 µs per hit once the
 * Map was full (V8 rehashes a Map that keeps gaining deleted slots), and a keystroke in a long
 * draft makes some 2,000 hits. Instead the cache may grow `slack` entries past its limit, then
 * drops the least recently stamped entries down to the limit in one pass: the same entries an
 * exact LRU would have dropped, at a cost spread over the `slack` insertions before it.
 */
interface Entry<V> {
  v: V;
  used: number;
  /** The key's length, counted against `maxChars`. */
  chars: number;
}

export class Lru<V> {
  private readonly map = new Map<string, Entry<V>>();
  private clock = 0;
  private readonly slack: number;
  private readonly charSlack: number;
  /** The keys' total length. */
  private chars = 0;

  /**
   * At most `limit` entries, and keys of at most `maxChars` characters in all. What a paragraph
   * or a sentence holds (tokens, sentences, matches, memos, tags) grows with its text, so the
   * count alone does not bound memory: typing in one long paragraph makes a new version of it at
   * every pause, and 4,000 versions of a 5,000-character paragraph held ~400 MB (issue 12's
   * 10-minute typing run grew 4.4 MB a minute). The characters bound it.
   */
  constructor(
    private readonly limit: number,
    private readonly maxChars = Infinity,
  ) {
    this.slack = Math.max(1, Math.ceil(limit / 8));
    this.charSlack = maxChars / 8;
  }

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    e.used = ++this.clock;
    return e.v;
  }

  set(key: string, v: V): void {
    const e = this.map.get(key);
    if (e !== undefined) {
      e.v = v;
      e.used = ++this.clock;
      return;
    }
    this.map.set(key, { v, used: ++this.clock, chars: key.length });
    this.chars += key.length;
    if (this.map.size > this.limit + this.slack || this.chars > this.maxChars + this.charSlack) this.evict();
  }

  /** Entries held now (at most limit + slack). */
  get size(): number {
    return this.map.size;
  }

  /** The keys' total length now (at most maxChars and a slack of an eighth, or one key past it). */
  get totalChars(): number {
    return this.chars;
  }

  /** Keeps the most recently used entries: at most `limit` of them, of at most `maxChars` in all. */
  private evict(): void {
    const entries = [...this.map.values()].sort((a, b) => b.used - a.used);
    let kept = 0;
    let chars = 0;
    // Newest first: the first entry that would pass a bound is the cut; it and everything older go.
    let cut = -1;
    for (const e of entries) {
      if (kept === this.limit || (kept > 0 && chars + e.chars > this.maxChars)) {
        cut = e.used;
        break;
      }
      kept++;
      chars += e.chars;
    }
    if (cut === -1) return;
    for (const [k, e] of this.map) {
      if (e.used <= cut) {
        this.map.delete(k);
        this.chars -= e.chars;
      }
    }
  }
}
