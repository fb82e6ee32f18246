/**
 * A settings file made to hurt (issue 10): nested 200,000 deep, megabytes big, or with 100,000
 * unknown keys. Each is refused with a problem a person can read, nothing throws (the options
 * page's import used to die on an uncaught RangeError), and nothing is stored. The options page
 * lists at most PROBLEMS_SHOWN problems and counts the rest (tests/e2e/options.e2e.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, IMPORT_LIMITS, getSettings, importSettings, jsonDepth, parseSettingsFile } from '../src/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

const valid = JSON.stringify(DEFAULT_SETTINGS);

describe('settings import limits', () => {
  it.each([
    ['arrays 200,000 deep in a field', `{"version":3,"packs":${'['.repeat(200_000)}${']'.repeat(200_000)}}`],
    ['objects 60,000 deep in an unknown field', `{"version":3,"x":${'{"a":'.repeat(60_000)}1${'}'.repeat(60_000)}}`],
    ['an unclosed 200,000-deep array', `{"version":3,"packs":${'['.repeat(200_000)}`],
    ['arrays 17 deep in a list', `{"version":3,"userPhrases":${'['.repeat(17)}${']'.repeat(17)}}`],
  ])('refuses %s as too deep, without throwing', async (_, json) => {
    const r = parseSettingsFile(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: '', code: 'too-deep', expected: String(IMPORT_LIMITS.depth) }]);
    expect((await importSettings(json)).ok).toBe(false);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a file above the size limit before parsing it', () => {
    const big = valid.slice(0, -1) + `,"x":"${'a'.repeat(IMPORT_LIMITS.bytes)}"}`;
    const r = parseSettingsFile(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: '', code: 'too-long', expected: '512 KB' });
  });

  it('still reads brackets and quotes inside strings as text', () => {
    expect(jsonDepth('{"a":"[[[[{{{{\\"[[["}', 3)).toBe(1);
    expect(jsonDepth('[[1],[[2]]]', 10)).toBe(3);
    const phrases = { ...DEFAULT_SETTINGS, userPhrases: [{ id: 'p1', phrase: '[[[[[[[[[[[[[[[[[[[[ {{{{', pack: 'common', message: '"]]]]"' }] };
    expect(parseSettingsFile(JSON.stringify(phrases)).ok).toBe(true);
  });

  it('reports every one of 30,000 unknown keys without throwing (the page shows the first few)', () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `"k${i}":0`).join(',');
    const r = parseSettingsFile(`${valid.slice(0, -1)},${keys}}`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(30_000);
      expect(r.problems[0]).toEqual({ path: 'k0', code: 'unknown-field' });
    }
  });

  it('a real export still imports', async () => {
    expect((await importSettings(valid)).ok).toBe(true);
  });
});
