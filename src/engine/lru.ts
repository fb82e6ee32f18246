/**
 * The engine's one bounded cache: a Map in recency order (a hit moves to the end, the oldest goes
 * first when full). Used for paragraphs, phrase matches, user phrase tables and tagged sentences,
 * so the content script's memory stays flat however long a draft or a session is.
 */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, v: V): void {
    this.map.set(key, v);
    if (this.map.size > this.limit) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }
}
