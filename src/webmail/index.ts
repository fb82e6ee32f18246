/**
 * Entry point of the webmail adapters for the content script: which adapters apply to this
 * page, and the compose sessions found in it. A site adapter that no longer recognizes the
 * page degrades to the generic one (body only) instead of breaking it, and says so once; a
 * compose that was only half rendered is upgraded to the site adapter when the rest appears.
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
function warnOnce(site: string, reasons: readonly string[]): void {
  if (warned) return;
  warned = true;
  const what = [...new Set(reasons)].join(', ');
  console.warn(`[Nemawashi] The ${site} compose window does not look as expected (${what}); checking the body with the generic editor adapter.`);
}

/**
 * A compose the site adapter does not recognize goes to the generic adapter, and is offered
 * to the site adapter again on every later scan: Gmail renders its dialog progressively (the
 * editor first; To, subject and Send a moment later), so a missing landmark at first sight
 * usually means "not finished yet" (its parts follow within a second). One still not recognized
 * this long after it appeared means the webmail's markup changed: only then does the page warn.
 * The upgrade itself has no deadline: rescans are cheap, and a late one is still right.
 */
export const DEGRADED_WARNING_MS = 3000;

interface Degraded {
  site: string;
  reasons: string[];
}

/** Editors on the generic adapter that the site adapter may still take (cleared on upgrade). */
const degradedEditors = new WeakMap<HTMLElement, Degraded>();

function siteLabel(site: SiteAdapter): string {
  return site.name === 'gmail' ? 'Gmail' : 'Outlook';
}

function degrade(editor: HTMLElement, entry: Degraded): void {
  degradedEditors.set(editor, entry);
  setTimeout(() => {
    // Upgraded (entry gone) or closed meanwhile: the page was only rendering.
    if (degradedEditors.get(editor) === entry && editor.isConnected) warnOnce(entry.site, entry.reasons);
  }, DEGRADED_WARNING_MS);
}

/**
 * The compose sessions in `doc` whose editors are not in `known`, plus upgrades: a site
 * session for a known editor that was degraded to the generic adapter and that the site
 * adapter now recognizes (the caller swaps the sessions; the id, keyed by editor, stays).
 * Never throws: whatever goes wrong in a site adapter, the page gets the generic adapter and
 * one console warning.
 */
export function findComposeSessions(doc: Document, known: ReadonlySet<HTMLElement>, location: Pick<Location, 'hostname'> = doc.location): ComposeSession[] {
  const site = SITE_ADAPTERS.find((a) => a.matches(location as Location));
  if (!site) return genericAdapter.findComposes(doc, known, { textareas: true });

  // Degraded editors are scanned again, as if new: the site adapter may recognize them now.
  const settled = new Set([...known].filter((e) => !degradedEditors.has(e)));
  let scan: SiteScan | null = null;
  const errors: string[] = [];
  try {
    scan = site.scan(doc, settled);
  } catch (err) {
    errors.push(`error: ${err instanceof Error ? err.message : String(err)}`);
  }
  const sessions: ComposeSession[] = scan?.sessions ?? [];
  for (const s of sessions) degradedEditors.delete(s.editor);
  const degraded: ComposeSession[] = [];
  const add = (editor: HTMLElement, container: HTMLElement | null, reasons: string[]): void => {
    degraded.push(createGenericSession(editor, container));
    degrade(editor, { site: siteLabel(site), reasons });
  };
  try {
    for (const u of scan?.unrecognized ?? []) {
      // Degraded earlier and still incomplete: it keeps its generic session.
      if (!u.editor || known.has(u.editor)) continue;
      add(u.editor, u.container, u.missing.map((m) => `no ${m}`));
    }
    // Not a single editor matched the site's selectors: if the page still has an editor, the
    // webmail changed its markup. Textareas there are address or hidden plain-text fields.
    if (!scan || scan.editorsSeen === 0) {
      const taken = new Set<HTMLElement>([...known, ...sessions.map((s) => s.editor), ...degraded.map((s) => s.editor)]);
      for (const editor of findGenericEditors(doc, taken, { textareas: false })) add(editor, null, ['no body editor matched']);
    }
  } catch (err) {
    errors.push(`error: ${err instanceof Error ? err.message : String(err)}`);
  }
  // A failing adapter is no rendering delay: say so at once.
  if (errors.length) warnOnce(siteLabel(site), errors);
  return [...sessions, ...degraded];
}
