/**
 * Corpus evaluation: any folder of .eml files plus manifest.json (file, audience, region, sector,
 * firstContact, expected rule ids). Counts over (draft, rule) pairs for the rules of the packs
 * each draft is checked with, so a rule that stays silent on a draft it should skip counts as a
 * true negative, not as nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze, buildDoc, rules as catalogue, DEFAULT_CONTEXT, type AnalysisContext, type Draft, type Finding, type Pack } from '../nemawashi';
import { parseEml } from './eml';

export interface ManifestEntry {
  file: string;
  audience: 'ja' | 'us';
  region?: 'east' | 'west';
  sector?: 'traditional' | 'modern';
  firstContact?: boolean;
  expected: string[];
  why?: string;
}

export interface RuleScore {
  ruleId: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** False when the manifest expects a rule the catalogue does not have. */
  implemented: boolean;
}

export interface Miss {
  file: string;
  ruleId: string;
  kind: 'FP' | 'FN';
  /** What fired (FP) or why the manifest expects it (FN). */
  excerpt: string;
}

export interface EvalResult {
  drafts: number;
  perRule: RuleScore[];
  micro: { tp: number; fp: number; fn: number; precision: number; recall: number };
  firstContact: { agree: number; total: number; disagreements: Array<{ file: string; expected: boolean; detected: boolean }> };
  misses: Miss[];
  errors: Array<{ file: string; message: string }>;
  ms: number;
}

const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);

function validateManifest(data: unknown, manifestPath: string): ManifestEntry[] {
  if (!Array.isArray(data)) throw new Error(`${manifestPath}: expected a JSON array of entries`);
  return data.map((e: unknown, i) => {
    const o = e as Record<string, unknown>;
    if (!o || typeof o !== 'object' || typeof o.file !== 'string' || (o.audience !== 'ja' && o.audience !== 'us') || !Array.isArray(o.expected)) {
      throw new Error(`${manifestPath}: entry ${i} needs "file", "audience" (ja|us) and "expected" (array)`);
    }
    return o as unknown as ManifestEntry;
  });
}

/** The manifest's explanation for one expected rule: its "ruleId: ..." line in `why`. */
function whyFor(entry: ManifestEntry, ruleId: string): string {
  const line = (entry.why ?? '').split('\n').find((l) => l.startsWith(`${ruleId}:`));
  return line ? line.slice(ruleId.length + 1).trim() : '';
}

function findingExcerpt(f: Finding): string {
  const where = f.target === 'body' ? '' : `[${f.target}] `;
  return `${where}${f.excerpt.replace(/\s+/g, ' ').trim()}`;
}

export async function evaluate(dir: string): Promise<EvalResult> {
  const t0 = performance.now();
  const manifestPath = join(dir, 'manifest.json');
  const manifest = validateManifest(JSON.parse(await readFile(manifestPath, 'utf8')), manifestPath);
  const known = new Set(catalogue.map((r) => r.id));
  const scores = new Map<string, RuleScore>();
  const score = (ruleId: string): RuleScore => {
    let s = scores.get(ruleId);
    if (!s) {
      s = { ruleId, tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, implemented: known.has(ruleId) };
      scores.set(ruleId, s);
    }
    return s;
  };
  for (const r of catalogue) score(r.id);

  const misses: Miss[] = [];
  const errors: EvalResult['errors'] = [];
  const fc: EvalResult['firstContact'] = { agree: 0, total: 0, disagreements: [] };
  let drafts = 0;

  for (const entry of manifest) {
    let draft: Draft;
    try {
      draft = await parseEml(await readFile(join(dir, entry.file)));
    } catch (err) {
      errors.push({ file: entry.file, message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    drafts++;
    const packs: Pack[] = ['common', entry.audience];
    const ctx: AnalysisContext = {
      ...DEFAULT_CONTEXT,
      packs,
      region: entry.region ?? DEFAULT_CONTEXT.region,
      sector: entry.sector ?? DEFAULT_CONTEXT.sector,
      firstContact: 'auto',
    };
    const findings = analyze(draft, ctx);
    if (typeof entry.firstContact === 'boolean') {
      const detected = buildDoc(draft, ctx).firstContact;
      fc.total++;
      if (detected === entry.firstContact) fc.agree++;
      else fc.disagreements.push({ file: entry.file, expected: entry.firstContact, detected });
    }
    const fired = new Map<string, Finding>();
    for (const f of findings) if (!fired.has(f.ruleId)) fired.set(f.ruleId, f);
    const expected = new Set(entry.expected);
    for (const [ruleId, f] of fired) {
      if (expected.has(ruleId)) score(ruleId).tp++;
      else {
        score(ruleId).fp++;
        misses.push({ file: entry.file, ruleId, kind: 'FP', excerpt: findingExcerpt(f) });
      }
    }
    for (const ruleId of expected) {
      if (fired.has(ruleId)) continue;
      score(ruleId).fn++;
      misses.push({ file: entry.file, ruleId, kind: 'FN', excerpt: whyFor(entry, ruleId) });
    }
  }

  const perRule = [...scores.values()].sort((a, b) => (a.ruleId < b.ruleId ? -1 : 1));
  for (const s of perRule) {
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.tp, s.tp + s.fn);
  }
  const tp = perRule.reduce((n, s) => n + s.tp, 0);
  const fp = perRule.reduce((n, s) => n + s.fp, 0);
  const fn = perRule.reduce((n, s) => n + s.fn, 0);
  return {
    drafts,
    perRule,
    micro: { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) },
    firstContact: fc,
    misses,
    errors,
    ms: performance.now() - t0,
  };
}

const pct = (x: number): string => x.toFixed(3);
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function formatEval(r: EvalResult): string {
  const w = Math.max(28, ...r.perRule.map((s) => s.ruleId.length + 2));
  const lines: string[] = [];
  lines.push(`${pad('rule', w)}${lpad('TP', 4)}${lpad('FP', 4)}${lpad('FN', 4)}${lpad('precision', 11)}${lpad('recall', 8)}`);
  for (const s of r.perRule) {
    const note = s.implemented ? '' : '  (not in the catalogue)';
    const quiet = s.tp + s.fp + s.fn === 0 ? '  (never expected, never fired)' : '';
    lines.push(
      `${pad(s.ruleId, w)}${lpad(String(s.tp), 4)}${lpad(String(s.fp), 4)}${lpad(String(s.fn), 4)}${lpad(pct(s.precision), 11)}${lpad(pct(s.recall), 8)}${note}${quiet}`,
    );
  }
  const m = r.micro;
  lines.push('');
  lines.push(`drafts: ${r.drafts}   (draft, rule) pairs: TP ${m.tp}  FP ${m.fp}  FN ${m.fn}`);
  lines.push(`micro precision: ${pct(m.precision)}   micro recall: ${pct(m.recall)}`);
  const fc = r.firstContact;
  lines.push(`first contact agreement: ${fc.agree}/${fc.total} (${pct(ratio(fc.agree, fc.total))})`);
  for (const d of fc.disagreements) lines.push(`  ${d.file}: manifest ${d.expected}, detected ${d.detected}`);
  if (r.misses.length > 0) {
    lines.push('');
    lines.push(`misses (${r.misses.length}):`);
    for (const x of r.misses) {
      const ex = x.excerpt.length > 140 ? `${x.excerpt.slice(0, 137)}...` : x.excerpt;
      lines.push(`  ${x.kind}  ${pad(x.ruleId, w)}${x.file}${ex ? `  | ${ex}` : ''}`);
    }
  }
  if (r.errors.length > 0) {
    lines.push('');
    for (const e of r.errors) lines.push(`error: ${e.file}: ${e.message}`);
  }
  lines.push(`(${r.ms.toFixed(0)} ms)`);
  return lines.join('\n') + '\n';
}
