import { SEVERITY_RANK, type Finding, type Severity } from './types';

/** The worst severity among `findings` (null for none): the toolbar badge, the in-page badge, a popup group. */
export function worstSeverity(findings: readonly Pick<Finding, 'severity'>[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}
