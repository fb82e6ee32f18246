/**
 * The content script's logic (entrypoints/content.ts only declares and calls this).
 *
 * Which compose finders run depends on where we are: the webmail adapters (which fall back to
 * the generic editor adapter when a webmail UI changes) on Gmail, Outlook and on sites the user
 * turned on; the demo adapter on the bundled demo page (localhost).
 *
 * The script runs in every frame of a webmail page (Outlook renders its pop-out compose into a
 * frame it creates). A frame starts its controller, with its own overlay inside the frame, only
 * once it holds an editor: webmail pages keep several hidden frames that never will.
 */
import { ContentController, type ComposeFinder } from './controller';
import { findComposeSessions } from '../webmail';
import { findDemoComposes } from './demo-adapter';
import { pageHostname } from './frame';

export { registerGenericSites, GENERIC_SCRIPT_ID } from './registration';
export { pageHostname } from './frame';

export function findersFor(location: Pick<Location, 'hostname'>): ComposeFinder[] {
  const local = location.hostname === '127.0.0.1' || location.hostname === 'localhost';
  const webmail: ComposeFinder = (doc, known) => findComposeSessions(doc, known, location);
  // The demo's compose windows first (they carry recipients and attachments); then any other
  // editor on the page (the demo's plain textarea, local fixture pages) through the adapters.
  return local ? [findDemoComposes, webmail] : [webmail];
}

const EDITABLE = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea';

/** Resolves once `doc` holds an editor (at once if it does), or never when `signal` aborts. */
function whenEditable(doc: Document, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (doc.querySelector(EDITABLE)) return resolve(true);
    let timer = 0;
    const mo = new MutationObserver(() => {
      // Coalesce bursts: a frame being filled by its page mutates hundreds of times.
      if (timer) return;
      timer = window.setTimeout(() => {
        timer = 0;
        if (!doc.querySelector(EDITABLE)) return;
        mo.disconnect();
        resolve(true);
      }, 100);
    });
    mo.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
    signal.addEventListener('abort', () => {
      mo.disconnect();
      clearTimeout(timer);
      resolve(false);
    });
  });
}

function isTopFrame(): boolean {
  try {
    return window.top === window;
  } catch {
    return false;
  }
}

/**
 * Starts Nemawashi in this page; everything stops when `signal` aborts (the extension was
 * updated or reloaded: src/content/lifetime.ts, never on the page's word).
 */
export async function runContentScript(signal: AbortSignal, startedAt = performance.now()): Promise<ContentController | null> {
  // Frames without a document body (about:blank placeholders) have nothing to check.
  if (!document.documentElement) return null;
  const top = isTopFrame();
  if (!top && !(await whenEditable(document, signal))) return null;
  const hostname = pageHostname();
  const where = { hostname };
  const controller = new ContentController(document, { finders: findersFor(where), signal, startedAt, hostname });
  await controller.start();
  return controller;
}
