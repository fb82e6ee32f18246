/**
 * Every rule's examples run as tests (textlint's tester: fire / pass), and the catalogue's
 * conventions hold (Refined GitHub's feature registry test).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules, packs } from '../rules';
import { compilePendingTables, createEngine, DEFAULT_CONTEXT, PhraseTable, phraseKeys, type Rule, type RuleExample } from '../src/engine';

/** The catalogue of RULES.md: the public contract of rule ids. */
const CATALOGUE = [
  'common/shouting',
  'common/exclamation-overuse',
  'ja/contract-on-first-contact',
  'ja/signature-pressure',
  'ja/missing-apology',
  'ja/deflecting-blame',
  'ja/non-apology',
  'ja/blunt-imperative',
  'ja/pressure',
  'ja/harsh-negative',
  'ja/self-centered',
  'ja/humor',
  'ja/punctuality',
  'ja/offer-in-person',
  'ja/casual-register',
  'ja/opening-formula',
  'ja/closing-formula',
  'ja/plain-form',
  'ja/keigo-misuse',
  'ja/sasete-itadaku',
  'ja/addressee-honorific',
  'us/vague-commitment',
  'us/over-apology',
  'us/buried-ask',
  'us/no-clear-ask',
  'us/hedging',
  'us/overly-formal',
  'us/self-deprecation',
  'us/too-long',
];

const modules = import.meta.glob<Record<string, unknown>>('../rules/*/*.ts', { eager: true });
const ruleFiles = Object.entries(modules).filter(([path]) => !path.endsWith('/index.ts') && !path.endsWith('.test.ts'));

function runExample(rule: Rule, ex: RuleExample) {
  const engine = createEngine([rule]);
  const draft = { body: ex.text ?? '', ...ex.draft };
  const ctx = { ...DEFAULT_CONTEXT, packs: [rule.pack], ...ex.context };
  return { draft, findings: engine.analyze(draft, ctx) };
}

describe('catalogue conventions', () => {
  it('has every rule of RULES.md', () => {
    expect(allRules.map((r) => r.id).sort()).toEqual(expect.arrayContaining(CATALOGUE));
  });
  it('matches the ids in ../shared/RULES.md when it is there', () => {
    const path = new URL('../../shared/RULES.md', import.meta.url);
    if (!existsSync(path)) return;
    // A row marked "planned:" is a rule RULES.md announces before its file exists; once the file
    // lands the id is in the catalogue, whether or not RULES.md has dropped the marker yet.
    const ids = [...readFileSync(path, 'utf8').matchAll(/^\| (?:planned: )?`((?:common|ja|us)\/[a-z-]+)`/gm)].map((m) => m[1]);
    expect(ids.sort()).toEqual([...CATALOGUE].sort());
  });
  it('registers every rule file, with id = path', () => {
    expect(ruleFiles.length).toBe(allRules.length);
    for (const [path, mod] of ruleFiles) {
      const rule = mod.default as Rule;
      const id = path.replace('../rules/', '').replace(/\.ts$/, '');
      expect(rule?.id, path).toBe(id);
      expect(rule.pack, path).toBe(id.split('/')[0]);
      expect(allRules, path).toContain(rule);
    }
  });
  it('gives every rule 3+ fire and 3+ pass examples, and texts in English and Japanese', () => {
    for (const rule of allRules) {
      expect(rule.examples.fire.length, rule.id).toBeGreaterThanOrEqual(3);
      expect(rule.examples.pass.length, rule.id).toBeGreaterThanOrEqual(3);
      for (const l of [rule.description, rule.advice, ...Object.values(rule.messages), ...Object.values(rule.rationales)]) {
        expect(l.en.trim(), rule.id).not.toBe('');
        expect(l.ja.trim(), rule.id).not.toBe('');
        expect(/[\u3040-\u30ff\u4e00-\u9fff]/.test(l.ja), `${rule.id}: Japanese text is Japanese`).toBe(true);
      }
    }
  });
  it('compiles every phrase table (tables compile lazily, so a bad pattern would only show at first use)', () => {
    expect(() => compilePendingTables(Number.POSITIVE_INFINITY)).not.toThrow();
    expect(compilePendingTables(0)).toBe(true);
  });
  it('has no phrase twice within a pack', () => {
    for (const pack of Object.keys(packs)) {
      const seen = new Map<string, string>();
      for (const [path, mod] of ruleFiles) {
        if (!path.startsWith(`../rules/${pack}/`)) continue;
        for (const [name, value] of Object.entries(mod)) {
          if (!(value instanceof PhraseTable)) continue;
          for (const entry of value.entries) {
            for (const key of phraseKeys(entry.pattern)) {
              const where = `${path}#${name}`;
              const before = seen.get(key);
              expect(before === undefined || before === where ? undefined : `"${key}" in ${before} and ${where}`).toBeUndefined();
              seen.set(key, where);
            }
          }
        }
      }
    }
  });
});

for (const rule of allRules) {
  describe(rule.id, () => {
    rule.examples.fire.forEach((ex, i) => {
      it(`fires: ${ex.text?.slice(0, 60) ?? `draft example ${i}`}`, () => {
        const { draft, findings } = runExample(rule, ex);
        expect(findings.length, JSON.stringify(ex)).toBeGreaterThan(0);
        const f = findings[0]!;
        if (ex.excerpt !== undefined) expect(findings.map((x) => x.excerpt)).toContain(ex.excerpt);
        if (ex.severity) expect(f.severity).toBe(ex.severity);
        if (ex.output !== undefined) {
          const fix = findings.find((x) => x.suggestion?.replacement !== undefined && x.start !== undefined)!;
          expect(fix, 'a finding with a replacement').toBeTruthy();
          const out = draft.body.slice(0, fix.start) + fix.suggestion!.replacement + draft.body.slice(fix.end);
          expect(out).toBe(ex.output);
        }
        for (const x of findings) {
          if (x.start !== undefined) expect(draft.body.slice(x.start, x.end)).toBe(x.excerpt);
        }
      });
    });
    rule.examples.pass.forEach((ex, i) => {
      it(`passes: ${ex.text?.slice(0, 60) ?? `draft example ${i}`}`, () => {
        const { findings } = runExample(rule, ex);
        expect(findings.map((f) => `${f.ruleId}: ${f.excerpt}`)).toEqual([]);
      });
    });
  });
}
