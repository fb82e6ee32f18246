import { runContentScript } from '../src/content';

export default defineContentScript({
  // Host access only where people write email with Nemawashi out of the box (DESIGN.md:
  // smallest permissions that work): Gmail, the three Outlook on the web hosts, and the bundled
  // demo page on this machine (`npm start` serves it on 127.0.0.1). Any other site is added by
  // the user at runtime (optional host permission + registerGenericSites in src/content).
  matches: [
    'https://mail.google.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'http://127.0.0.1/*',
    'http://localhost/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    const startedAt = performance.now();
    void runContentScript(ctx, startedAt);
  },
});
