/**
 * Entry point of the webmail adapters for the content script: which adapters apply to this
 * page, and the compose sessions found in it. A site adapter that no longer recognizes the
 * page degrades to the generic one (body only) instead of breaking it, and says so once.
 */
import { createGenericSession, findGenericEditors, genericAdapter } from './generic';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import type { SiteAdapter, SiteScan } from './site';
import type { ComposeSession, WebmailAdapter } from './types';

export type { AdapterName, ComposeSession, DraftSnapshot, WebmailAdapter } from './types';
export { gmailAdapter, GMAIL } from './gmail';
export { outlookAdapter, OUTLOOK } from './outlook';
export { genericAdapter, createGenericSession, GENERIC } from './generic';
export { buildTextModel, type TextModel, type TextModelOptions } from './text-model';

const SITE_ADAPTERS: readonly SiteAdapter[] = [gmailAdapter, outlookAdapter];

/** The adapters for this page, most specific first; the generic adapter is always last. */
export function detectAdapters(location: Pick<Location, 'hostname'>): WebmailAdapter[] {
  return [...SITE_ADAPTERS.filter((a) => a.matches(location as Location)), genericAdapter];
}

let warned = false;

/** One warning per page: the UI changed, and a warning per mutation would flood the console. */
function warnOnce(site: string, reasons: string[]): void {
  if (warned) return;
  warned = true;
  const what = [...new Set(reasons)].join(', ');
  console.warn(`[Nemawashi] The ${site} compose window does not look as expected (${what}); checking the body with the generic editor adapter.`);
}

/**
 * The compose sessions in `doc` whose editors are not in `known`. Never throws: whatever goes
 * wrong in a site adapter, the page gets the generic adapter and one console warning.
 */
export function findComposeSessions(doc: Document, known: ReadonlySet<HTMLElement>, location: Pick<Location, 'hostname'> = doc.location): ComposeSession[] {
  const site = SITE_ADAPTERS.find((a) => a.matches(location as Location));
  if (!site) return genericAdapter.findComposes(doc, known, { textareas: true });

  let scan: SiteScan | null = null;
  const reasons: string[] = [];
  try {
    scan = site.scan(doc, known);
  } catch (err) {
    reasons.push(`error: ${err instanceof Error ? err.message : String(err)}`);
  }
  const sessions: ComposeSession[] = scan?.sessions ?? [];
  const degraded: ComposeSession[] = [];
  try {
    for (const u of scan?.unrecognized ?? []) {
      if (!u.editor || known.has(u.editor)) continue;
      degraded.push(createGenericSession(u.editor, u.container));
      reasons.push(...u.missing.map((m) => `no ${m}`));
    }
    // Not a single editor matched the site's selectors: if the page still has an editor, the
    // webmail changed its markup. Textareas there are address or hidden plain-text fields.
    if (!scan || scan.editorsSeen === 0) {
      const taken = new Set<HTMLElement>([...known, ...sessions.map((s) => s.editor), ...degraded.map((s) => s.editor)]);
      const editors = findGenericEditors(doc, taken, { textareas: false });
      if (editors.length) {
        reasons.push('no body editor matched');
        for (const editor of editors) degraded.push(createGenericSession(editor));
      }
    }
  } catch (err) {
    reasons.push(`error: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (degraded.length || reasons.some((r) => r.startsWith('error'))) warnOnce(site.name === 'gmail' ? 'Gmail' : 'Outlook', reasons);
  return [...sessions, ...degraded];
}
