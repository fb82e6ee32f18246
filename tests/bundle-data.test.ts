/**
 * The CLI bundle's large data literals, moved to a file beside it (scripts/bundle-data.mjs): the
 * code reads the same values, leaves the rest alone, and stops with a clear message when the file
 * is missing or from another build.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moveLargeLiterals } from '../scripts/bundle-data.mjs';

const dir = mkdtempSync(join(tmpdir(), 'nemawashi-bundle-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LONG = 'a "quoted" \'word\' ü 日本語 🙂 '.repeat(4);
const SOURCE = [
  '// a banner',
  '"use strict";',
  `const big = ${JSON.stringify(LONG)};`,
  `const list = () => ${JSON.stringify(['one', LONG, 'three', `it's "both"`])};`,
  `const tpl = \`${LONG.replace(/`/g, '\\`')}\`;`,
  `const tagged = String.raw\`${'x\\n'.repeat(60)}\`;`,
  `const lines = ${JSON.stringify(['has\na line break', LONG])};`,
  'const small = "short";',
  'module.exports = { big, list: list(), tpl, tagged, lines, small, same: list() !== list() };',
].join('\n');

/** Runs `source` as the launcher runs the bundle (CommonJS, __dirname = the folder). */
function run(source: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('exports', 'require', 'module', '__filename', '__dirname', source)(module.exports, createRequire(join(dir, 'x.cjs')), module, join(dir, 'x.cjs'), dir);
  return module.exports;
}

describe('moveLargeLiterals', () => {
  const file = join(dir, 'data.txt');
  const moved = moveLargeLiterals(SOURCE, file, 100);

  it('reads each large string and string array from the file, with the same values', () => {
    expect(moved.data).toBeDefined();
    writeFileSync(file, moved.data!);
    expect(moved.source.startsWith('// a banner\n"use strict";function __nemawashiData(')).toBe(true);
    expect(moved.source).not.toContain('quoted');
    expect(run(moved.source)).toEqual(run(SOURCE));
    // An array literal makes a new array each time, as before.
    expect(run(moved.source).same).toBe(true);
  });

  it('leaves small literals, a tagged template and an array with a line break in the code', () => {
    expect(moved.source).toContain('"short"');
    expect(moved.source).toContain('String.raw`x\\n');
    expect(moved.source).toContain('has\\na line break');
    expect(moveLargeLiterals('const a = "short";', file).data).toBeUndefined();
  });

  it("stops with a message naming the file when it is missing or another build's", () => {
    writeFileSync(file, moved.data!.replace(/^[0-9a-f]+/, '0123456789abcdef'));
    expect(() => run(moved.source)).toThrow(/data\.txt is missing or from another build/);
    rmSync(file);
    expect(() => run(moved.source)).toThrow(/data\.txt is missing or from another build/);
  });
});
