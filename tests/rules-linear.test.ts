/**
 * Every rule costs linear time, whatever the sentence (issue 10): for each rule, each of its
 * triggers (the excerpts and texts of its firing examples, one phrase of each entry of its
 * phrase tables) and runs of punctuation are repeated into ONE sentence of 100,000 characters,
 * and the CPU cost per character must stay flat against the same sentence at 25,000 characters.
 * A rule that looks a trigger's sentence up from each match (a scan per match) is quadratic
 * there: 100,000 characters of "ASAP " once took 24 s in ja/pressure, on the page's main thread.
 */
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules';
import { createEngine, DEFAULT_CONTEXT, PhraseTable, phraseKeys, type AnalysisContext, type Draft, type Rule } from '../src/engine';

const BIG = 100_000;
const SMALL = 25_000;
/** Below this, 100,000 characters cost under 1 µs each: flat enough, whatever the ratio says. */
const FLOOR_MS = 100;
/** Linear keeps the per-character ratio near 1; quadratic makes it 4 (100k vs 25k). */
const MAX_RATIO = 2.8;

const modules = import.meta.glob<Record<string, unknown>>('../rules/*/*.ts', { eager: true });
const PUNCTUATION = ['.', '。', '!', '！', '?', '？', ',', '、', '…', '-', '"', "'", '(', ')'];

interface Trigger {
  text: string;
  /** How repeats are joined: a space between phrases, nothing between punctuation or CJK. */
  joiner: string;
  draft?: Partial<Draft>;
  context?: Partial<AnalysisContext>;
}

/** One sentence: no sentence end inside (trailing . ! ? 。 are cut from phrases). */
function triggersOf(rule: Rule): Trigger[] {
  const out = new Map<string, Trigger>();
  const add = (text: string | undefined, t: Omit<Trigger, 'text' | 'joiner'> = {}): void => {
    const s = (text ?? '').trim().replace(/[.!?。！？]+$/u, '').trim();
    if (s === '' || out.has(s)) return;
    out.set(s, { text: s, joiner: /^[\p{P}\p{S}]+$/u.test(s) || /[\u3040-\u9fff]$/u.test(s) ? '' : ' ', ...t });
  };
  for (const ex of rule.examples.fire) {
    const ctx = { draft: ex.draft ? { ...ex.draft, body: undefined } : undefined, context: ex.context };
    add(ex.excerpt, ctx);
    add(ex.text ?? ex.draft?.body, ctx);
  }
  const mod = Object.entries(modules).find(([path]) => path === `../rules/${rule.id}.ts`)?.[1] ?? {};
  for (const value of Object.values(mod)) {
    if (!(value instanceof PhraseTable)) continue;
    for (const entry of value.entries) add(phraseKeys(entry.pattern)[0]);
  }
  for (const p of PUNCTUATION) out.set(`punct ${p}`, { text: p, joiner: '' });
  return [...out.values()];
}

function sentenceOf(t: Trigger, size: number): string {
  const unit = t.text + t.joiner;
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const cpuMs = (f: () => void): number => {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
};

// Opt-in (npm run test:linear): every rule × every trigger at 100,000 characters takes many
// minutes of CPU, and a rule that is still quadratic takes far longer; too much for each run of
// the unit project on a 2-core CI machine. The engine-wide linear checks stay in properties.test.ts.
describe.runIf(process.env.NEMAWASHI_LINEAR === '1')('each rule is linear within one long sentence', () => {
  for (const rule of allRules) {
    it(rule.id, () => {
      const failures: string[] = [];
      for (const t of triggersOf(rule)) {
        const ctx: AnalysisContext = { ...DEFAULT_CONTEXT, packs: ['common', rule.pack], firstContact: 'yes', ...t.context };
        const run = (size: number, salt: number): number => {
          // A fresh engine each time: no cache from an earlier run serves this one.
          const engine = createEngine([rule]);
          const draft: Draft = { ...t.draft, body: `Hello ${salt} ${sentenceOf(t, size)}` } as Draft;
          return cpuMs(() => engine.analyze(draft, ctx));
        };
        const big = run(BIG, 1);
        if (big < FLOOR_MS) continue;
        const small = Math.min(run(SMALL, 2), run(SMALL, 3));
        const bigAgain = Math.min(big, run(BIG, 4));
        const ratio = bigAgain / BIG / (Math.max(small, 1) / SMALL);
        if (ratio > MAX_RATIO) {
          failures.push(`"${t.text.slice(0, 40)}": ${Math.round(small)} ms at 25k, ${Math.round(bigAgain)} ms at 100k (×${ratio.toFixed(1)} per character)`);
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
    }, 300_000);
  }
});
