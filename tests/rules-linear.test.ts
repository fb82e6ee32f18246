/**
 * Every rule costs linear time, whatever the sentence (issue 10). A rule that looks a trigger's
 * sentence up from each match (a scan per match) is quadratic there: 100,000 characters of
 * "ASAP " once took 24 s in ja/pressure, on the page's main thread.
 *
 * How, cheaply enough for every `npm test` (about a minute of CPU on 2 cores):
 * - The triggers are every rule's own: the excerpts and texts of its firing examples (Japanese
 *   wording included) and one phrase of each entry of the phrase tables its files export
 *   (rules/<pack>/<name>.ts and rules/ja/japanese/<name>.ts).
 * - Triggers are packed into units of about UNIT characters (Latin and Japanese apart, and apart
 *   by the example's context), sentence ends inside them turned into commas, and a unit is
 *   repeated into ONE sentence of 25,000 and of 100,000 characters. Each trigger then occurs
 *   hundreds of times in one sentence, so a scan per match costs (matches × sentence length):
 *   16 times more at 100,000 than at 25,000, where linear work costs 4 times more.
 * - Runs of punctuation, spaces and newlines are cases of their own.
 * - Each document is built once per size (the engine's own steps: split, paragraphs, tokens,
 *   sentences, timed as "engine") and every rule's check is timed on it alone, in CPU time
 *   (process.cpuUsage: another process's load does not count). The cost per character at
 *   100,000 must stay within MAX_RATIO of the cost at 25,000; a pair over it is measured twice
 *   more and judged on the medians, so one garbage collection does not fail the test.
 * tests/rules-linear.test.ts was shown to catch a rule made quadratic on purpose (one scan of the
 * sentence per match in ja/pressure): that rule failed at ×4 to ×16 per character.
 */
import { appendFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules';
import {
  buildDoc,
  compilePendingTables,
  DEFAULT_CONTEXT,
  PhraseTable,
  phraseKeys,
  warmUp,
  type AnalysisContext,
  type Draft,
  type Rule,
  type RuleDoc,
} from '../src/engine';

const SMALL = 25_000;
const BIG = 100_000;
/** Linear keeps the per-character ratio near 1; quadratic makes it 4 or more (100k vs 25k). */
const MAX_RATIO = 2.5;
/**
 * Below this at 100,000 characters (2 µs a character for one rule) a check is cheap enough,
 * whatever the ratio says: under it, first-touch and garbage-collection costs of a fresh
 * 100,000-character document move the ratio as much as the check does (up to ×15 on 60–160 ms
 * on this loaded machine). Every quadratic check found so far cost seconds there (1 s to 80 s).
 */
const FLOOR_MS = 200;
/**
 * The same for the engine's own steps (split, paragraphs, tokens, sentences), which allocate the
 * whole document: its garbage collections alone move the ratio to ×3 at 100–300 ms. A quadratic
 * step there costs seconds (a paragraph of many sentences once did).
 */
const ENGINE_FLOOR_MS = 1000;
/** Characters of triggers per repeated unit: each trigger occurs at least 100,000 / UNIT times. */
const UNIT = 1000;
/** Entries taken from one phrase table, spread over it. */
const PER_TABLE = 60;
/** Triggers per rule repeated alone. */
const PER_RULE = 2;

const modules = import.meta.glob<Record<string, unknown>>(['../rules/*/*.ts', '../rules/ja/japanese/*.ts'], { eager: true });
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

interface Case {
  name: string;
  /** The repeated unit. */
  unit: string;
  draft?: Partial<Draft>;
  context?: Partial<AnalysisContext>;
  /** Only these rules are timed (a trigger repeated alone, for its own rule); default every rule. */
  rules?: string[];
  /** Closes the long sentence ("?": one long question, where question-only paths run). */
  end?: string;
}

/** The files of a rule: its own and its Japanese wording. */
function tablesOf(rule: Rule): PhraseTable[] {
  const name = rule.id.split('/')[1];
  const out: PhraseTable[] = [];
  for (const [path, mod] of Object.entries(modules)) {
    if (path !== `../rules/${rule.id}.ts` && path !== `../rules/ja/japanese/${name}.ts`) continue;
    for (const value of Object.values(mod)) if (value instanceof PhraseTable) out.push(value);
  }
  return out;
}

/** One sentence's worth of a trigger: trailing end marks cut, inner ones made commas. */
function clean(text: string | undefined): string {
  return (text ?? '')
    .trim()
    .replace(/[.!?。！？]+$/u, '')
    .replace(/\n+/gu, JAPANESE.test(text ?? '') ? '、' : ', ')
    .replace(/[。！？]/gu, '、')
    .replace(/[.!?]+(?=\s|$)/gu, ',')
    .trim();
}

function cases(): Case[] {
  // Triggers grouped by language and by the context their example needs (attachments, region…).
  const groups = new Map<string, { triggers: Set<string>; draft?: Partial<Draft>; context?: Partial<AnalysisContext> }>();
  const add = (raw: string | undefined, draft?: Partial<Draft>, context?: Partial<AnalysisContext>): void => {
    const text = clean(raw);
    if (text === '') return;
    const key = `${JAPANESE.test(text) ? 'ja' : 'en'}|${JSON.stringify(draft ?? {})}|${JSON.stringify(context ?? {})}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { triggers: new Set(), ...(draft ? { draft } : {}), ...(context ? { context } : {}) }));
    g.triggers.add(text);
  };
  for (const rule of allRules) {
    for (const ex of rule.examples.fire) {
      const { body: _body, ...meta } = ex.draft ?? {};
      const draft = Object.keys(meta).length ? meta : undefined;
      add(ex.excerpt, draft, ex.context);
      add(ex.text ?? ex.draft?.body, draft, ex.context);
    }
    for (const table of tablesOf(rule)) {
      // A table of thousands of entries is a few families combined (phraseCombinations): every
      // k-th entry, and the first of each tag (a tag picks its own path through the check).
      const step = Math.max(1, Math.ceil(table.entries.length / PER_TABLE));
      const tags = new Set<string | undefined>();
      table.entries.forEach((entry, i) => {
        if (i % step !== 0 && tags.has(entry.tag)) return;
        tags.add(entry.tag);
        add(phraseKeys(entry.pattern)[0]);
      });
    }
  }
  const out: Case[] = [];
  for (const [key, g] of groups) {
    const ja = key.startsWith('ja');
    let unit = '';
    let n = 0;
    const flush = (): void => {
      if (unit) out.push({ name: `${key.slice(0, 60)} #${n++}: ${unit.slice(0, 50)}`, unit, ...(g.draft ? { draft: g.draft } : {}), ...(g.context ? { context: g.context } : {}) });
      unit = '';
    };
    for (const t of g.triggers) {
      unit += ja ? `${t}、` : `${t} `;
      if (unit.length >= UNIT) flush();
    }
    flush();
  }
  // Each rule's own triggers (the excerpts of its firing examples) also alone, one trigger
  // repeated: thousands of matches in one sentence, where a per-match scan costs seconds. Only
  // that rule is timed on them.
  for (const rule of allRules) {
    const excerpts = new Set<string>();
    for (const ex of rule.examples.fire) {
      const text = clean(ex.excerpt);
      if (text === '' || text.length > 40 || excerpts.size >= PER_RULE) continue;
      excerpts.add(text);
      const { body: _body, ...meta } = ex.draft ?? {};
      const alone: Case = {
        name: `${rule.id} alone: ${text}`,
        unit: JAPANESE.test(text) ? `${text}、` : `${text} `,
        rules: [rule.id],
        ...(Object.keys(meta).length ? { draft: meta } : {}),
        ...(ex.context ? { context: ex.context } : {}),
      };
      out.push(alone);
      // A trigger that fires in a question is also repeated as one long question: checks that
      // run only when the sentence asks ("Why would you…?") were quadratic there and nowhere else.
      if (/[?？]\s*$/u.test(ex.text ?? ex.draft?.body ?? '')) out.push({ ...alone, name: `${alone.name} (asked)`, end: JAPANESE.test(text) ? '？' : '?' });
    }
  }
  for (const p of ['.', '。', '!', '?', '、', '！', '？', ',', '…', '"', '(', '-', ' ', '\n', 'a.', 'A. ', 'x\n', '。\n', '\n\n', ' \n']) {
    out.push({ name: `run of ${JSON.stringify(p)}`, unit: p });
  }
  return out;
}

const cpuMs = (f: () => void): number => {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
};

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;

// A collection after each document is built, so that the garbage of the previous one is not
// collected inside (and charged to) the first rule timed on this one.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let salt = 0;

function docOf(c: Case, size: number, ctx: AnalysisContext): { doc: RuleDoc; ms: number } {
  // A fresh salt each time: no paragraph cache from an earlier run serves this one.
  const sentence = c.unit.repeat(Math.ceil(size / c.unit.length)).slice(0, size) + (c.end ?? '');
  const draft: Draft = { ...c.draft, body: `Hello ${++salt} ${sentence}` } as Draft;
  let doc: RuleDoc | undefined;
  collectGarbage();
  const ms = cpuMs(() => (doc = buildDoc(draft, ctx)));
  collectGarbage();
  return { doc: doc!, ms };
}

const ENGINE = 'engine (buildDoc)';

const ratio = (small: number, big: number): number => big / BIG / (Math.max(small, 0.1) / SMALL);

describe('each rule is linear within one long sentence', () => {
  it('every rule, every trigger and run of punctuation, 25,000 vs 100,000 characters', () => {
    // Compiled tables and a warm tagger: first-call costs are not the rule's.
    compilePendingTables(Number.POSITIVE_INFINITY);
    warmUp();
    const failures: string[] = [];
    // NEMAWASHI_LINEAR_ONLY=text: only the cases whose name or text contains it (while fixing a rule).
    const only = process.env.NEMAWASHI_LINEAR_ONLY;
    const all = cases().filter((c) => !only || c.name.includes(only) || c.unit.includes(only));
    const verbose = !!process.env.NEMAWASHI_LINEAR_VERBOSE;
    for (const c of all) {
      const caseStart = performance.now();
      const ctx: AnalysisContext = { ...DEFAULT_CONTEXT, packs: ['common', 'ja', 'us'], firstContact: 'yes', ...c.context };
      // Round one times the engine's own steps and every rule; later rounds (two at most) time
      // again, on fresh documents, only what looked super-linear, and judge on the medians.
      const small: Record<string, number[]> = {};
      const big: Record<string, number[]> = {};
      const timed = allRules.filter((r) => !c.rules || c.rules.includes(r.id));
      let suspects: string[] = [ENGINE, ...timed.map((r) => r.id)];
      for (let round = 0; round < 3 && suspects.length > 0; round++) {
        for (const [size, into] of [[SMALL, small], [BIG, big]] as const) {
          const { doc, ms } = docOf(c, size, ctx);
          (into[ENGINE] ??= []).push(ms);
          for (const rule of allRules) if (suspects.includes(rule.id)) (into[rule.id] ??= []).push(cpuMs(() => rule.check(doc, ctx)));
        }
        suspects = suspects.filter((name) => {
          const [sm, bm] = [median(small[name]!), median(big[name]!)];
          return bm >= (name === ENGINE ? ENGINE_FLOOR_MS : FLOOR_MS) && ratio(sm, bm) > MAX_RATIO;
        });
      }
      for (const name of suspects) {
        const [sm, bm] = [median(small[name]!), median(big[name]!)];
        failures.push(`${name} on ${c.name}: ${sm.toFixed(1)} ms at 25k, ${bm.toFixed(1)} ms at 100k (×${ratio(sm, bm).toFixed(1)} per character)`);
      }
      if (verbose) {
        const worst = timed.map((r) => [r.id, big[r.id]![0]!] as const).sort((a, b) => b[1] - a[1])[0]!;
        appendFileSync(process.env.NEMAWASHI_LINEAR_VERBOSE!, `${(performance.now() - caseStart).toFixed(0)} ms ${c.name} | build ${small[ENGINE]![0]!.toFixed(0)}/${big[ENGINE]![0]!.toFixed(0)} | slowest ${worst[0]} ${worst[1].toFixed(0)} | ${suspects.join(' ')}\n`);
      }
    }
    if (!only) expect(all.length).toBeGreaterThan(50);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 600_000);
});
