/**
 * `nemawashi check`: drafts → findings, printed like a linter or as one JSON array.
 */
import {
  analyzeDraft,
  DEFAULT_CONTEXT,
  resolveAudience,
  SEVERITY_RANK,
  type AnalysisContext,
  type Draft,
  type Finding,
  type Lang,
  type Pack,
  type Region,
  type Sector,
  type Severity,
} from '../nemawashi';
import { lastAtOrBefore } from '../engine/scan';
import type { Audience } from '../engine/audience';
import { PACKS } from '../engine/types';

export interface CheckOptions {
  /** 'auto' or the packs chosen on the command line (common is always added). */
  audience: 'auto' | Pack[];
  region?: Region;
  sector?: Sector;
  firstContact: 'auto' | 'yes' | 'no';
  disable: string[];
  lang: Lang;
}

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  rationale: string;
  suggestion: { text: string; replacement?: string } | null;
  target: Finding['target'];
  start: number | null;
  end: number | null;
  line: number | null;
  column: number | null;
  excerpt: string;
}

export interface FileReport {
  file: string;
  audience: {
    packs: Pack[];
    region: Region;
    sector: Sector;
    /** 'auto' when resolved from the recipients, 'option' when given with --audience. */
    from: 'auto' | 'option';
    /** Recipients that switched an audience pack on (auto only). */
    sources: Audience['sources'];
  };
  firstContact: boolean;
  /** The language of the writer's words ('ja': a draft written in Japanese). */
  language: 'en' | 'ja';
  findings: JsonFinding[];
}

/** 1-based line and column (UTF-16 units, as editors and ESLint count) of a body offset. */
export function lineIndex(body: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const lo = lastAtOrBefore(starts, offset);
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

export function checkDraft(file: string, draft: Draft, opts: CheckOptions): FileReport {
  let packs: Pack[];
  let region: Region;
  let sector: Sector;
  let sources: FileReport['audience']['sources'] = [];
  if (opts.audience === 'auto') {
    const a = resolveAudience(draft.recipients ?? []);
    packs = a.packs;
    region = opts.region ?? a.region;
    sector = opts.sector ?? a.sector;
    sources = a.sources;
  } else {
    const chosen = new Set<Pack>(['common', ...opts.audience]);
    packs = PACKS.filter((p) => chosen.has(p));
    region = opts.region ?? DEFAULT_CONTEXT.region;
    sector = opts.sector ?? DEFAULT_CONTEXT.sector;
  }
  const ctx: AnalysisContext = {
    ...DEFAULT_CONTEXT,
    packs,
    region,
    sector,
    firstContact: opts.firstContact,
    disabledRules: opts.disable,
    lang: opts.lang,
  };
  const { findings, facts } = analyzeDraft(draft, ctx);
  const firstContact = facts.firstContact;
  const at = lineIndex(draft.body);
  return {
    file,
    audience: { packs, region, sector, from: opts.audience === 'auto' ? 'auto' : 'option', sources },
    firstContact,
    language: facts.language,
    findings: findings.map((f) => {
      const pos = typeof f.start === 'number' ? at(f.start) : undefined;
      return {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        rationale: f.rationale,
        suggestion: f.suggestion
          ? { text: f.suggestion.text, ...(f.suggestion.replacement !== undefined ? { replacement: f.suggestion.replacement } : {}) }
          : null,
        target: f.target,
        start: f.start ?? null,
        end: f.end ?? null,
        line: pos?.line ?? null,
        column: pos?.column ?? null,
        excerpt: f.excerpt,
      };
    }),
  };
}

export function reaches(severity: Severity, failOn: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}

const COLORS: Record<Severity | 'dim' | 'bold', [string, string]> = {
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  info: ['\u001b[36m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  bold: ['\u001b[1m', '\u001b[22m'],
};

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * Linter-style text: `file:line:col  severity  message  ruleId`, one finding a line. Findings
 * without a body span (subject, attachment, whole draft) are at 0:0, as ESLint reports
 * file-level problems, with the target named before the message.
 */
export function formatText(reports: FileReport[], opts: { color: boolean; failedFiles: number }): string {
  const paint = (k: keyof typeof COLORS, s: string): string => (opts.color ? COLORS[k][0] + s + COLORS[k][1] : s);
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let filesWithFindings = 0;
  for (const r of reports) {
    if (r.findings.length > 0) filesWithFindings++;
    const sevWidth = Math.max(...r.findings.map((f) => f.severity.length), 0);
    for (const f of r.findings) {
      counts[f.severity]++;
      const loc = f.line !== null ? `${f.line}:${f.column}` : '0:0';
      const where = f.target === 'body' ? '' : `[${f.target}${f.excerpt ? `: ${oneLine(f.excerpt, 60)}` : ''}] `;
      const sev = paint(f.severity, f.severity.padEnd(sevWidth));
      lines.push(`${r.file}:${loc}  ${sev}  ${where}${oneLine(f.message, 400)}  ${paint('dim', f.ruleId)}`);
    }
  }
  const total = counts.error + counts.warning + counts.info;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.info} info`];
  const files = plural(reports.length, 'file');
  let summary =
    total === 0
      ? `no problems in ${files} checked`
      : `${plural(total, 'problem')} (${parts.join(', ')}) in ${filesWithFindings} of ${files} checked`;
  if (opts.failedFiles > 0) summary += `; ${plural(opts.failedFiles, 'file')} could not be read`;
  const worst: Severity | undefined = counts.error ? 'error' : counts.warning ? 'warning' : counts.info ? 'info' : undefined;
  // A .txt has no recipients: say so, or a clean result reads as "fine for Japan" when only the
  // common pack ran.
  for (const r of reports) {
    if (r.audience.from === 'auto' && r.audience.packs.length === 1 && r.audience.sources.length === 0 && r.audience.packs[0] === 'common') {
      lines.push(paint('dim', `${r.file}: no Japanese or American recipient found, only the common rules ran (use --audience ja, us or ja,us)`));
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(worst ? paint('bold', paint(worst, summary)) : summary);
  return lines.join('\n') + '\n';
}

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
