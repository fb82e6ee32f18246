/**
 * scripts/ascii-output.mjs: the built scripts in ASCII, each character outside it as a \uXXXX
 * escape, and their templates without substitutions as string literals (issue 12). The rewritten
 * source must do exactly what the original did.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiOnly, quotedStrings } from '../scripts/ascii-output.mjs';

const SOURCE = [
  '// 了解しました: a comment',
  'const re = /(?:了解|承知)しました[。！]/u;',
  "const plain = /[’‘]/g;",
  "const s = 'ご確認ください — “quoted” 😀';",
  'const tpl = `件名: ${s.length}`;',
  'const 名前 = 1;',
  'return [re.test("承知しました。"), re.test("了解です"), "it’s".replace(plain, "\'"), s, s.length, tpl, 名前];',
].join('\n');

describe('asciiOnly', () => {
  it('gives ASCII source that computes the same values', () => {
    const escaped = asciiOnly(SOURCE);
    expect(/[^\t\n\r\x20-\x7e]/.test(escaped)).toBe(false);
    const run = (src: string) => new Function(src)() as unknown[];
    expect(run(escaped)).toEqual(run(SOURCE));
    expect(run(escaped)[0]).toBe(true);
    expect(run(escaped)[3]).toBe('ご確認ください — “quoted” 😀');
  });

  it('leaves ASCII source as it is, and refuses String.raw, whose raw text an escape would change', () => {
    expect(asciiOnly('const a = "plain";')).toBe('const a = "plain";');
    expect(() => asciiOnly('String.raw`é`')).toThrow(/String\.raw/);
  });
});

describe('quotedStrings', () => {
  const run = (src: string) => new Function(src)() as unknown;

  it('writes each template without substitutions as a string literal of the same value', () => {
    const source = [
      'const a = `plain`, b = `it\'s "quoted"`, c = `back\\\\slash \\\\` + `\\n`;',
      'const d = `line one',
      'line two`;',
      'const e = `${a} and ${`nested`}`;',
      'const f = { k: `value`, [`computed`]: 1 };',
      'const g = `\\${not a substitution}` + `\u2028\u{1F600}é`;',
      'return [a, b, c, d, e, f, g, typeof`x`];',
    ].join('\n');
    const quoted = quotedStrings(source);
    expect(run(quoted)).toEqual(run(source));
    // Only the template with substitutions is left (its inner `nested` becomes a string too).
    expect(quoted.match(/`/g)).toHaveLength(2);
    expect(quoted).toContain("'plain'");
  });

  it('leaves tagged templates (the tag sees the raw text) and a template that is a statement of its own', () => {
    const source = 'function f(){`use strict`; return [String.raw`a\\nb`, ((s) => s.raw[0])`c\\d`, this === undefined];}\nreturn f();';
    const quoted = quotedStrings(source);
    expect(quoted).toBe(source);
    expect(run(quoted)).toEqual(['a\\nb', 'c\\d', false]);
  });

  it('keeps the value of any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), fc.string({ unit: 'binary' }), (s, t) => {
        for (const value of [s, t]) {
          const template = 'return `' + value.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r') + '`;';
          const quoted = quotedStrings(template);
          // A string literal now (the value itself may hold a backtick).
          expect(quoted).toMatch(/^return ['"]/);
          expect(run(quoted)).toBe(value);
          expect(run(asciiOnly(quoted))).toBe(value);
        }
      }),
      // A value holding a backtick, always (found by a CI run's seed).
      { examples: [['`', '']] },
    );
  });
});
