/**
 * The content script's logic (entrypoints/content.ts only declares and calls this).
 *
 * Which compose finders run depends on where we are: the webmail adapters (which fall back to
 * the generic editor adapter when a webmail UI changes) on Gmail, Outlook and on sites the user
 * turned on; the demo adapter on the bundled demo page (localhost).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ContentController, type ComposeFinder } from './controller';
import { findComposeSessions } from '../webmail';
import { findDemoComposes } from './demo-adapter';

export { registerGenericSites, GENERIC_SCRIPT_ID } from './registration';

export function findersFor(location: Location): ComposeFinder[] {
  const local = location.hostname === '127.0.0.1' || location.hostname === 'localhost';
  const webmail: ComposeFinder = (doc, known) => findComposeSessions(doc, known, location);
  // The demo's compose windows first (they carry recipients and attachments); then any other
  // editor on the page (the demo's plain textarea, local fixture pages) through the adapters.
  return local ? [findDemoComposes, webmail] : [webmail];
}

/** Starts Nemawashi in this page; everything stops when `ctx` is invalidated (update, reload). */
export async function runContentScript(ctx: ContentScriptContext, startedAt = performance.now()): Promise<ContentController | null> {
  // Frames without a document body (about:blank placeholders) have nothing to check.
  if (!document.documentElement) return null;
  const controller = new ContentController(document, { finders: findersFor(location), signal: ctx.signal, startedAt });
  await controller.start();
  return controller;
}
