/**
 * The extension and the CLI are built with the catalogue's phrase tables compiled at build time
 * (scripts/tables-precompute.mjs). That must change nothing: every table the build packs unpacks
 * to exactly the trie the table compiles at run time, and matches the same words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import '../src/nemawashi';
import { definedTables, PhraseTable, phraseKeys, tableKey, type PhraseEntry } from '../src/engine/phrases';
import { tokenize } from '../src/engine/text';
import { computePackedTables } from '../scripts/tables-precompute.mjs';

const tables = definedTables();
let built: Record<string, string>;

beforeAll(async () => {
  built = (await computePackedTables()) as Record<string, string>;
}, 120_000);

describe('phrase tables compiled at build time', () => {
  it('covers every table of the catalogue, by its patterns', () => {
    expect(tables.length).toBeGreaterThan(20);
    for (const table of tables) expect(built[tableKey(table.entries)], table.entries[0]?.pattern).toBeDefined();
    expect(Object.keys(built).sort()).toEqual([...new Set(tables.map((t) => tableKey(t.entries)))].sort());
  });

  it('unpacks to the trie compiled at run time, node for node', () => {
    for (const table of tables) {
      const packed = built[tableKey(table.entries)]!;
      // pack() is the whole trie (every node's parent and token, every phrase's node): the same
      // string from the unpacked table means the same trie.
      expect(PhraseTable.fromPacked(table.entries, packed).pack()).toBe(table.pack());
      expect(packed).toBe(table.pack());
    }
  });

  it('matches the same phrases as the table compiled at run time', () => {
    for (const table of tables) {
      const unpacked = PhraseTable.fromPacked(table.entries, built[tableKey(table.entries)]!);
      // Every table's own phrases (a sample of each pattern's expansions), in running text.
      const phrases = table.entries.slice(0, 300).flatMap((e: PhraseEntry) => phraseKeys(e.pattern).slice(0, 3));
      const text = phrases.map((p) => p.split('\u0000any').join('thing')).join(' and then ');
      const tokens = tokenize(text);
      const a = table.match(tokens, text).map((m) => [m.start, m.end, m.entry.pattern]);
      const b = unpacked.match(tokens, text).map((m) => [m.start, m.end, m.entry.pattern]);
      expect(b).toEqual(a);
      expect(a.length).toBeGreaterThan(0);
    }
  });

  it('keys a table by its patterns in order', () => {
    const a = tableKey([{ pattern: 'as soon as possible' }, { pattern: 'asap' }]);
    expect(tableKey([{ pattern: 'as soon as possible' }, { pattern: 'asap' }])).toBe(a);
    expect(tableKey([{ pattern: 'asap' }, { pattern: 'as soon as possible' }])).not.toBe(a);
    expect(tableKey([{ pattern: 'as soon as' }, { pattern: 'possible asap' }])).not.toBe(a);
  });
});
