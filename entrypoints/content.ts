import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { runContentScript } from '../src/content';
import { webmailMatchPatterns } from '../src/webmail/hosts';
import { contentLifetime } from '../src/content/lifetime';

export default defineContentScript({
  // Host access only where people write email with Nemawashi out of the box (DESIGN.md:
  // smallest permissions that work): Gmail and the Outlook on the web hosts, listed once in
  // src/webmail/hosts.ts. Any other site is added by the user at runtime (optional host
  // permission + registerGenericSites in src/content). The demo build (NEMAWASHI_DEMO=1:
  // `npm start`, most e2e tests) adds the local demo page's origins in wxt.config.ts; the
  // production build never reaches localhost.
  matches: webmailMatchPatterns(),
  // Outlook's pop-out compose ("Open in new window") and full-screen drafts are rendered by the
  // page into a frame it creates itself (about:blank, no URL of its own): all_frames lets the
  // script run in frames, match_about_blank in such a frame of a matched page. Chromium's
  // match_origin_as_fallback also covers blob:/data: frames; Firefox's MV2 build keeps
  // match_about_blank only (web-ext lint, tests/manifest.test.ts). A frame without a compose
  // costs one idle MutationObserver (src/content/index.ts).
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: { chrome: true, edge: true },
  runAt: 'document_idle',
  // WXT would post "a content script started" with the extension's id to the page: it tells the
  // page the extension is installed, and names the event that stops it (src/content/lifetime.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    const startedAt = performance.now();
    // The page can abort WXT's context with a forged event: run on a lifetime only the extension ends.
    const signal = contentLifetime({
      contextSignal: ctx.signal,
      runtimeAlive: () => browser.runtime?.id != null,
      doc: document,
      // A runtime static WXT's types mark private: the exact name its context listens for.
      startedEventName: (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE,
    });
    void runContentScript(signal, startedAt);
  },
});
