/**
 * The compose UI, loaded with the engine (entrypoints/engine.ts) when the first compose appears:
 * the overlay (underlines, card, badge), the per-compose controller and the check-at-Send
 * dialog. None of it is needed on a webmail page with no draft open, so the page-load script
 * (entrypoints/content.ts) holds only the compose watcher, the adapters, the settings and the
 * overlay's empty host element, and reaches this through the engine's interface (engine-api.ts).
 */
import { SendCheckDialog, type SendCheckChoice, type SendCheckView } from '../overlay/send-check';
import { OverlayRoot } from '../overlay/overlay';
import { ComposeController, DEBOUNCE_MS, type ComposeHost, type DraftState } from './compose-controller';
import type { ComposeSession } from '../webmail/types';

export interface ComposeUi {
  /** The analysis debounce (ms), for the benchmark's latency figure. */
  readonly debounceMs: number;
  /** The page's overlay, built inside the host element the content script made at page load. */
  overlayRoot(doc: Document, signal: AbortSignal, host: HTMLElement): OverlayRoot;
  compose(session: ComposeSession, host: ComposeHost, state?: DraftState): ComposeController;
  sendCheckDialog(doc: Document, view: SendCheckView, done: (choice: SendCheckChoice, dontAsk: boolean, event: Event) => void): SendCheckDialog;
}

export function createComposeUi(): ComposeUi {
  return {
    debounceMs: DEBOUNCE_MS,
    overlayRoot: (doc, signal, host) => new OverlayRoot(doc, signal, { host }),
    compose: (session, host, state) => new ComposeController(session, host, state),
    sendCheckDialog: (doc, view, done) => new SendCheckDialog(doc, view, done),
  };
}
