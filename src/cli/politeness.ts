/**
 * Politeness check against people's judgement: the Stanford Politeness Corpus' Stack Exchange
 * requests (../shared/real-mail/politeness-stack-exchange.csv), each with a normalized score from
 * five annotators (negative = impolite). A tone rule that reads politeness the way people do
 * flags mostly requests from the less polite half, and flags a good share of the least polite.
 */
import { readFile } from 'node:fs/promises';
import { analyze, DEFAULT_CONTEXT, type AnalysisContext } from '../nemawashi';

/** The ja tone rules measured here (RULES.md): the ones a rude request would trip. */
export const TONE_RULES = ['ja/blunt-imperative', 'ja/harsh-negative', 'ja/pressure'] as const;

export interface PolitenessResult {
  requests: number;
  flagged: number;
  /** Share of the flagged requests that come from the less polite half (score below the median). */
  flaggedFromLessPoliteHalf: number;
  /** Share of the least polite quarter (score at or below the first quartile) that is flagged. */
  leastPoliteQuarterFlagged: number;
  /** Share of the most polite quarter that is flagged (false alarms on polite requests). */
  mostPoliteQuarterFlagged: number;
  perRule: Array<{ ruleId: string; flagged: number; fromLessPoliteHalf: number }>;
  /** Flagged requests from the most polite quarter, for reading one by one. */
  politeFlagged: Array<{ score: number; ruleId: string; text: string }>;
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. One pass over the
 * characters, so linear in the file's size.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export async function evaluatePoliteness(csvPath: string): Promise<PolitenessResult> {
  const rows = parseCsv(await readFile(csvPath, 'utf8'));
  const header = rows.shift() ?? [];
  const textCol = header.indexOf('Request');
  const scoreCol = header.indexOf('Normalized Score');
  if (textCol === -1 || scoreCol === -1) throw new Error(`${csvPath}: expected the columns "Request" and "Normalized Score"`);
  const ctx: AnalysisContext = { ...DEFAULT_CONTEXT, packs: ['common', 'ja'], firstContact: 'no' };
  const items = rows
    .map((r) => ({ text: r[textCol] ?? '', score: Number(r[scoreCol]) }))
    .filter((r) => r.text.trim() !== '' && Number.isFinite(r.score));
  const scores = items.map((r) => r.score).sort((a, b) => a - b);
  const median = quantile(scores, 0.5);
  const q1 = quantile(scores, 0.25);
  const q3 = quantile(scores, 0.75);
  const tone = new Set<string>(TONE_RULES);
  const perRule = new Map<string, { flagged: number; fromLessPoliteHalf: number }>(TONE_RULES.map((id) => [id, { flagged: 0, fromLessPoliteHalf: 0 }]));
  let flagged = 0;
  let flaggedLess = 0;
  let leastQuarter = 0;
  let leastQuarterFlagged = 0;
  let mostQuarter = 0;
  let mostQuarterFlagged = 0;
  const politeFlagged: PolitenessResult['politeFlagged'] = [];
  for (const item of items) {
    // A request is a short message of its own: read as a body with no subject or recipients.
    const hits = analyze({ body: item.text }, ctx).filter((f) => tone.has(f.ruleId));
    const ruleIds = new Set(hits.map((f) => f.ruleId));
    const less = item.score < median;
    if (item.score <= q1) leastQuarter++;
    if (item.score >= q3) mostQuarter++;
    if (ruleIds.size === 0) continue;
    flagged++;
    if (less) flaggedLess++;
    if (item.score <= q1) leastQuarterFlagged++;
    if (item.score >= q3) {
      mostQuarterFlagged++;
      politeFlagged.push({ score: item.score, ruleId: [...ruleIds].join(','), text: hits[0]!.excerpt });
    }
    for (const id of ruleIds) {
      const s = perRule.get(id)!;
      s.flagged++;
      if (less) s.fromLessPoliteHalf++;
    }
  }
  const share = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return {
    requests: items.length,
    flagged,
    flaggedFromLessPoliteHalf: share(flaggedLess, flagged),
    leastPoliteQuarterFlagged: share(leastQuarterFlagged, leastQuarter),
    mostPoliteQuarterFlagged: share(mostQuarterFlagged, mostQuarter),
    perRule: [...perRule].map(([ruleId, s]) => ({ ruleId, ...s })),
    politeFlagged: politeFlagged.sort((a, b) => b.score - a.score),
  };
}

export function formatPoliteness(r: PolitenessResult, opts: { examples?: number } = {}): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `politeness (Stack Exchange requests scored by people): ${r.requests} requests, ${r.flagged} flagged by ${TONE_RULES.join(', ')}`,
    `  flagged requests from the less polite half: ${pct(r.flaggedFromLessPoliteHalf)}   (target >= 85%)`,
    `  least polite quarter flagged:               ${pct(r.leastPoliteQuarterFlagged)}   (target >= 30%)`,
    `  most polite quarter flagged:                ${pct(r.mostPoliteQuarterFlagged)}`,
  ];
  for (const s of r.perRule) lines.push(`  ${s.ruleId}: ${s.flagged} flagged, ${pct(s.flagged ? s.fromLessPoliteHalf / s.flagged : 0)} from the less polite half`);
  const n = opts.examples ?? 0;
  if (n > 0 && r.politeFlagged.length > 0) {
    lines.push(`  flagged in the most polite quarter (first ${Math.min(n, r.politeFlagged.length)}):`);
    for (const x of r.politeFlagged.slice(0, n)) lines.push(`    ${x.score.toFixed(2)} ${x.ruleId} | ${x.text.replace(/\s+/g, ' ').slice(0, 120)}`);
  }
  return lines.join('\n') + '\n';
}
