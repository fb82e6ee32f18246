/**
 * scripts/ascii-output.mjs: the built scripts in ASCII, each character outside it as a \uXXXX
 * escape (issue 12). The escaped source must do exactly what the original did.
 */
import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../scripts/ascii-output.mjs';

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
