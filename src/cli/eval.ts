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

/**
 * One labelled draft. `audience` + `expected` (a list) is the synthetic corpus's form; real mail
 * (../shared/real-mail/enron) labels every email for both audiences at once: `expected` is then
 * `{ ja: [...], us: [...] }` and the email is measured once per audience. `kind` (personal/bulk)
 * lets a run keep only the mail a person wrote for a defined group.
 */
export interface ManifestEntry {
  file: string;
  audience?: 'ja' | 'us';
  kind?: 'personal' | 'bulk';
  region?: 'east' | 'west';
  sector?: 'traditional' | 'modern';
  firstContact?: boolean;
  expected: string[] | { ja?: string[]; us?: string[] };
  why?: string;
}

/** One (draft, audience) pair to measure. */
interface EvalCase {
  entry: ManifestEntry;
  audience: 'ja' | 'us';
  expected: string[];
}

export interface EvalOptions {
  /** Keep only entries of this kind (entries without a kind are kept). Default: all. */
  kind?: 'personal' | 'bulk' | 'all';
}

export interface AudienceScore {
  audience: 'ja' | 'us';
  cases: number;
  perRule: RuleScore[];
  micro: { tp: number; fp: number; fn: number; precision: number; recall: number };
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
  audience: 'ja' | 'us';
  ruleId: string;
  kind: 'FP' | 'FN';
  /** What fired (FP) or why the manifest expects it (FN). */
  excerpt: string;
}

export interface EvalResult {
  drafts: number;
  perRule: RuleScore[];
  micro: { tp: number; fp: number; fn: number; precision: number; recall: number };
  /** The same counts for each audience measured (real mail is labelled for both). */
  byAudience: AudienceScore[];
  /** True when the manifest labels each draft for both audiences (real mail). */
  perAudience: boolean;
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
    if (!o || typeof o !== 'object' || typeof o.file !== 'string') throw new Error(`${manifestPath}: entry ${i} needs "file"`);
    const single = (o.audience === 'ja' || o.audience === 'us') && Array.isArray(o.expected);
    const exp = o.expected as Record<string, unknown> | undefined;
    const perAudience =
      !!exp && typeof exp === 'object' && !Array.isArray(exp) &&
      (Array.isArray(exp.ja) || Array.isArray(exp.us)) &&
      (exp.ja === undefined || Array.isArray(exp.ja)) && (exp.us === undefined || Array.isArray(exp.us));
    if (!single && !perAudience) {
      throw new Error(`${manifestPath}: entry ${i} needs "audience" (ja|us) with "expected" (array), or "expected" as { "ja": [...], "us": [...] }`);
    }
    if (o.kind !== undefined && o.kind !== 'personal' && o.kind !== 'bulk') throw new Error(`${manifestPath}: entry ${i}: "kind" is personal or bulk`);
    return o as unknown as ManifestEntry;
  });
}

/** The manifest's explanation for one expected rule: its "ruleId: ..." line in `why`. */
function whyFor(entry: ManifestEntry, ruleId: string): string {
  const why = entry.why ?? '';
  const line = why.split('\n').find((l) => l.startsWith(`${ruleId}:`));
  if (line) return line.slice(ruleId.length + 1).trim();
  // Real mail keeps the reasons on one line: "rule/a: '...'; NOT rule/b: ...".
  const at = why.indexOf(`${ruleId}:`);
  if (at === -1 || why.slice(Math.max(0, at - 4), at).includes('NOT')) return '';
  const rest = why.slice(at + ruleId.length + 1);
  const stop = rest.search(/;\s|\.\s+(?:NOT|[a-z]+\/)/);
  return (stop === -1 ? rest : rest.slice(0, stop)).trim();
}

function casesOf(entry: ManifestEntry): EvalCase[] {
  if (Array.isArray(entry.expected)) return [{ entry, audience: entry.audience ?? 'ja', expected: entry.expected }];
  const out: EvalCase[] = [];
  for (const audience of ['ja', 'us'] as const) {
    const expected = entry.expected[audience];
    if (expected) out.push({ entry, audience, expected });
  }
  return out;
}

function scoreTable(rulesOf: (s: Map<string, RuleScore>) => void): Map<string, RuleScore> {
  const m = new Map<string, RuleScore>();
  rulesOf(m);
  return m;
}

function finish(scores: Map<string, RuleScore>): { perRule: RuleScore[]; micro: EvalResult['micro'] } {
  const perRule = [...scores.values()].sort((a, b) => (a.ruleId < b.ruleId ? -1 : 1));
  for (const s of perRule) {
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.tp, s.tp + s.fn);
  }
  const tp = perRule.reduce((n, s) => n + s.tp, 0);
  const fp = perRule.reduce((n, s) => n + s.fp, 0);
  const fn = perRule.reduce((n, s) => n + s.fn, 0);
  return { perRule, micro: { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) } };
}

function findingExcerpt(f: Finding): string {
  const where = f.target === 'body' ? '' : `[${f.target}] `;
  return `${where}${f.excerpt.replace(/\s+/g, ' ').trim()}`;
}

export async function evaluate(dir: string, opts: EvalOptions = {}): Promise<EvalResult> {
  const t0 = performance.now();
  const manifestPath = join(dir, 'manifest.json');
  const kind = opts.kind ?? 'all';
  const manifest = validateManifest(JSON.parse(await readFile(manifestPath, 'utf8')), manifestPath).filter(
    (e) => kind === 'all' || e.kind === undefined || e.kind === kind,
  );
  const known = new Set(catalogue.map((r) => r.id));
  const newScore = (ruleId: string): RuleScore => ({ ruleId, tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, implemented: known.has(ruleId) });
  const tables = new Map<'all' | 'ja' | 'us', Map<string, RuleScore>>();
  const table = (key: 'all' | 'ja' | 'us'): Map<string, RuleScore> => {
    let t = tables.get(key);
    if (!t) {
      t = scoreTable((m) => {
        for (const r of catalogue) if (key === 'all' || r.pack === 'common' || r.pack === key) m.set(r.id, newScore(r.id));
      });
      tables.set(key, t);
    }
    return t;
  };
  const count = (audience: 'ja' | 'us', ruleId: string, field: 'tp' | 'fp' | 'fn'): void => {
    for (const key of ['all', audience] as const) {
      const t = table(key);
      let s = t.get(ruleId);
      if (!s) t.set(ruleId, (s = newScore(ruleId)));
      s[field]++;
    }
  };
  table('all');
  const casesPer = { ja: 0, us: 0 };

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
    let fcChecked = false;
    for (const c of casesOf(entry)) {
      casesPer[c.audience]++;
      const packs: Pack[] = ['common', c.audience];
      const ctx: AnalysisContext = {
        ...DEFAULT_CONTEXT,
        packs,
        region: entry.region ?? DEFAULT_CONTEXT.region,
        sector: entry.sector ?? DEFAULT_CONTEXT.sector,
        firstContact: 'auto',
      };
      const findings = analyze(draft, ctx);
      if (typeof entry.firstContact === 'boolean' && !fcChecked) {
        fcChecked = true;
        const detected = buildDoc(draft, ctx).firstContact;
        fc.total++;
        if (detected === entry.firstContact) fc.agree++;
        else fc.disagreements.push({ file: entry.file, expected: entry.firstContact, detected });
      }
      const fired = new Map<string, Finding>();
      for (const f of findings) if (!fired.has(f.ruleId)) fired.set(f.ruleId, f);
      const expected = new Set(c.expected);
      for (const [ruleId, f] of fired) {
        if (expected.has(ruleId)) count(c.audience, ruleId, 'tp');
        else {
          count(c.audience, ruleId, 'fp');
          misses.push({ file: entry.file, audience: c.audience, ruleId, kind: 'FP', excerpt: findingExcerpt(f) });
        }
      }
      for (const ruleId of expected) {
        if (fired.has(ruleId)) continue;
        count(c.audience, ruleId, 'fn');
        misses.push({ file: entry.file, audience: c.audience, ruleId, kind: 'FN', excerpt: whyFor(entry, ruleId) });
      }
    }
  }

  const all = finish(table('all'));
  const byAudience: AudienceScore[] = [];
  for (const audience of ['ja', 'us'] as const) {
    if (casesPer[audience] === 0) continue;
    byAudience.push({ audience, cases: casesPer[audience], ...finish(table(audience)) });
  }
  return {
    drafts,
    perRule: all.perRule,
    micro: all.micro,
    byAudience,
    perAudience: manifest.some((e) => !Array.isArray(e.expected)),
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
  if (r.perAudience) {
    for (const a of r.byAudience) {
      const weak = a.perRule.filter((s) => s.tp + s.fp >= 5 && s.precision < 0.8).map((s) => `${s.ruleId} ${pct(s.precision)}`);
      lines.push(
        `  audience ${a.audience} (${a.cases} drafts): precision ${pct(a.micro.precision)}  recall ${pct(a.micro.recall)}  ` +
          `(TP ${a.micro.tp} FP ${a.micro.fp} FN ${a.micro.fn})${weak.length ? `; rules with 5+ findings under 0.80: ${weak.join(', ')}` : ''}`,
      );
    }
  }
  const fc = r.firstContact;
  lines.push(`first contact agreement: ${fc.agree}/${fc.total} (${pct(ratio(fc.agree, fc.total))})`);
  for (const d of fc.disagreements) lines.push(`  ${d.file}: manifest ${d.expected}, detected ${d.detected}`);
  if (r.misses.length > 0) {
    lines.push('');
    lines.push(`misses (${r.misses.length}):`);
    for (const x of r.misses) {
      const ex = x.excerpt.length > 140 ? `${x.excerpt.slice(0, 137)}...` : x.excerpt;
      const aud = r.perAudience ? `${x.audience} ` : '';
      lines.push(`  ${x.kind}  ${aud}${pad(x.ruleId, w)}${x.file}${ex ? `  | ${ex}` : ''}`);
    }
  }
  if (r.errors.length > 0) {
    lines.push('');
    for (const e of r.errors) lines.push(`error: ${e.file}: ${e.message}`);
  }
  lines.push(`(${r.ms.toFixed(0)} ms)`);
  return lines.join('\n') + '\n';
}
