/**
 * The extension and the CLI are built with the catalogue's phrase tables compiled at build time
 * (scripts/tables-precompute.mjs). That must change nothing: every table the build packs unpacks
 * to exactly the trie the table compiles at run time, and matches the same words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import '../src/nemawashi';
import { definedTables, PhraseTable, phraseKeys, tableKey, type PhraseEntry } from '../src/engine/phrases';
import { tokenize } from '../src/engine/text';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computePackedTables, tablesSidecar } from '../scripts/tables-precompute.mjs';

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

  it("in the CLI's form, reads each table from the file beside the bundle, and none from another build's file or without one", async () => {
    const root = mkdtempSync(join(tmpdir(), 'nemawashi-sidecar-'));
    // A folder that does not exist yet, as bin/ in a fresh clone (it holds only built files).
    const dir = join(root, 'bin');
    try {
      const file = join(dir, 'tables.txt');
      // The module the CLI's bundle holds instead of the tables, bundled as the CLI is (CommonJS).
      const source = await tablesSidecar(file);
      expect(source.length).toBeLessThan(10_000);
      await build({ stdin: { contents: source, loader: 'js', resolveDir: dir }, outfile: join(dir, 'tables.cjs'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
      const load = () => {
        const require = createRequire(join(dir, 'x.cjs'));
        delete require.cache[join(dir, 'tables.cjs')];
        return (require('./tables.cjs') as { PRECOMPILED_TABLES: Record<string, string | undefined> }).PRECOMPILED_TABLES;
      };
      const tables = load();
      expect(Object.keys(tables).sort()).toEqual(Object.keys(built).sort());
      // The same tries (a token outside ASCII is written as a JSON escape: the same once parsed).
      for (const [key, packed] of Object.entries(built)) expect(JSON.parse(tables[key]!), key).toEqual(JSON.parse(packed));
      expect(Object.values(built).some((packed) => /[^ -~]/.test(packed))).toBe(true);
      // The file is ASCII, one table a line.
      const text = readFileSync(file, 'latin1');
      expect(/[^\t\n -~]/.test(text)).toBe(false);
      expect(text.split('\n').length).toBe(Object.keys(built).length + 1);
      // Another build's file (its id differs): nothing is read, every table compiles as in the sources.
      writeFileSync(file, text.replace(/^[0-9a-f]+ /gm, '0123456789abcdef '));
      for (const key of Object.keys(built)) expect(load()[key], key).toBeUndefined();
      rmSync(file);
      for (const key of Object.keys(built)) expect(load()[key], key).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keys a table by its patterns in order', () => {
    const a = tableKey([{ pattern: 'as soon as possible' }, { pattern: 'asap' }]);
    expect(tableKey([{ pattern: 'as soon as possible' }, { pattern: 'asap' }])).toBe(a);
    expect(tableKey([{ pattern: 'asap' }, { pattern: 'as soon as possible' }])).not.toBe(a);
    expect(tableKey([{ pattern: 'as soon as' }, { pattern: 'possible asap' }])).not.toBe(a);
  });
});
