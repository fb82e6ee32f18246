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
}

export class Lru<V> {
  private readonly map = new Map<string, Entry<V>>();
  private clock = 0;
  private readonly slack: number;

  constructor(private readonly limit: number) {
    this.slack = Math.max(1, Math.ceil(limit / 8));
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
    this.map.set(key, { v, used: ++this.clock });
    if (this.map.size > this.limit + this.slack) this.evict();
  }

  /** Entries held now (at most limit + slack). */
  get size(): number {
    return this.map.size;
  }

  /** Keeps the `limit` most recently used entries. */
  private evict(): void {
    const stamps = new Float64Array(this.map.size);
    let i = 0;
    for (const e of this.map.values()) stamps[i++] = e.used;
    stamps.sort();
    // Stamps are unique: every entry at or below the cut goes, exactly size - limit of them.
    const cut = stamps[this.map.size - this.limit - 1]!;
    for (const [k, e] of this.map) if (e.used <= cut) this.map.delete(k);
  }
}
