/**
 * Findings as the popup lists them: grouped by rule, the most severe group first.
 */
import { SEVERITY_RANK, type Finding, type Severity } from '../engine/types';

export interface FindingGroup {
  ruleId: string;
  severity: Severity;
  /** The first finding's message: a rule's findings usually share it. */
  message: string;
  items: Array<{ finding: Finding; index: number }>;
}

export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  findings.forEach((finding, index) => {
    let g = groups.get(finding.ruleId);
    if (!g) {
      g = { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, items: [] };
      groups.set(finding.ruleId, g);
    }
    if (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[g.severity]) g.severity = finding.severity;
    g.items.push({ finding, index });
  });
  const firstPos = (g: FindingGroup) => Math.min(...g.items.map((i) => i.finding.start ?? -1));
  return [...groups.values()].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.items.length - a.items.length || firstPos(a) - firstPos(b),
  );
}

/** Long excerpts are cut in the middle of nowhere: keep the start, which the user recognises. */
export function shortExcerpt(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}
