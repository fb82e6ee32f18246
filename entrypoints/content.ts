import { runContentScript } from '../src/content';

export default defineContentScript({
  // Host access only where people write email with Nemawashi out of the box (DESIGN.md:
  // smallest permissions that work): Gmail and the three Outlook on the web hosts. Any other site
  // is added by the user at runtime (optional host permission + registerGenericSites in
  // src/content). The demo build (NEMAWASHI_DEMO=1: `npm start`, the e2e tests) adds the local
  // demo page's origins in wxt.config.ts; the production build never reaches localhost.
  matches: [
    'https://mail.google.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    const startedAt = performance.now();
    void runContentScript(ctx, startedAt);
  },
});
