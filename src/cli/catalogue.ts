/**
 * `nemawashi rules`: the catalogue with each rule's examples, as text or JSON.
 */
import type { Lang, Rule, RuleExample } from '../nemawashi';

export interface CatalogueEntry {
  id: string;
  pack: Rule['pack'];
  severity: Rule['severity'];
  description: Rule['description'];
  advice: Rule['advice'];
  examples: Rule['examples'];
}

export function catalogue(rules: readonly Rule[]): CatalogueEntry[] {
  return rules.map((r) => ({
    id: r.id,
    pack: r.pack,
    severity: r.severity,
    description: r.description,
    advice: r.advice,
    examples: r.examples,
  }));
}

function describeExample(e: RuleExample): string {
  const parts: string[] = [];
  if (e.text !== undefined) parts.push(JSON.stringify(e.text));
  if (e.draft) {
    const d = e.draft;
    const bits: string[] = [];
    if (d.subject !== undefined) bits.push(`subject ${JSON.stringify(d.subject)}`);
    if (d.body !== undefined) bits.push(`body ${JSON.stringify(d.body.length > 160 ? `${d.body.slice(0, 157)}...` : d.body)}`);
    if (d.attachments?.length) bits.push(`attachments ${d.attachments.map((a) => a.name).join(', ')}`);
    if (d.isReply) bits.push('reply');
    if (d.quoted) bits.push('with quoted text');
    parts.push(`[draft: ${bits.join('; ')}]`);
  }
  if (e.context) {
    const c = Object.entries(e.context)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'boolean')
      .map(([k, v]) => `${k} ${String(v)}`);
    if (c.length) parts.push(`(${c.join(', ')})`);
  }
  if (e.excerpt !== undefined) parts.push(`→ ${JSON.stringify(e.excerpt)}`);
  if (e.severity) parts.push(`as ${e.severity}`);
  if (e.output !== undefined) parts.push(`fixed: ${JSON.stringify(e.output)}`);
  return parts.join(' ');
}

export function formatCatalogue(rules: readonly Rule[], lang: Lang): string {
  const out: string[] = [];
  for (const r of rules) {
    out.push(`${r.id}  ${r.severity}`);
    out.push(`  ${r.description[lang] || r.description.en}`);
    out.push(`  ${lang === 'ja' ? '助言' : 'advice'}: ${r.advice[lang] || r.advice.en}`);
    for (const e of r.examples.fire) out.push(`  fires:  ${describeExample(e)}`);
    for (const e of r.examples.pass) out.push(`  passes: ${describeExample(e)}`);
    out.push('');
  }
  out.push(`${rules.length} rules`);
  return out.join('\n') + '\n';
}
