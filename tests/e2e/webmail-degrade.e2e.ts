/**
 * When Gmail or Outlook change their markup (issue 5): each element the site adapter expects is
 * removed from the fixture in turn, with the built extension loaded. The page must keep working
 * (no page error, typing lands in the editor unchanged), the extension must say so once (exactly
 * one console warning) and the generic adapter must take over (the body is still checked).
 *
 * The element is removed by a script at the end of the fixture, which runs before the content
 * script (document_idle), so the extension only ever sees the changed page.
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../src/messages';
import { fixture, launchWithExtension, serveAt, type ExtensionBrowser } from './harness';

declare const chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> } };

interface Case {
  name: string;
  /** Runs in the page before the content script: breaks one thing the adapter relies on. */
  change: string;
}

interface Site {
  site: 'gmail' | 'outlook';
  url: string;
  file: string;
  /** Where to type: a phrase of the fixture's body after which new words go. */
  after: string;
  cases: Case[];
}

const remove = (selector: string) => `document.querySelectorAll(${JSON.stringify(selector)}).forEach((e) => e.remove());`;
const strip = (selector: string, attrs: string[], classes: string[] = []) =>
  `document.querySelectorAll(${JSON.stringify(selector)}).forEach((e) => { ${JSON.stringify(attrs)}.forEach((a) => e.removeAttribute(a)); e.classList.remove(...${JSON.stringify(classes)}); });`;

const SITES: Site[] = [
  {
    site: 'gmail',
    url: 'https://mail.google.com/mail/u/0/',
    file: 'gmail-new-message.html',
    after: 'nothing to discuss.',
    cases: [
      { name: 'the subject field', change: remove('input[name="subjectbox"]') },
      { name: 'the To field', change: remove('[name="to"]') },
      { name: 'the Send button', change: remove('.aoO') + remove('tr.btC') },
      // The editor keeps contenteditable (it is still an editor) but loses what marks it as Gmail's body.
      { name: "the body editor's markers", change: strip('[contenteditable="true"]', ['role', 'g_editable']) },
      // No dialog, no known wrapper class, and no subject to climb to: no compose window at all.
      {
        name: 'the compose window',
        change: strip('*', ['role'], ['M9', 'aoI', 'ip', 'adB', 'nH', 'Hd']) + remove('input[name="subjectbox"]'),
      },
    ],
  },
  {
    site: 'outlook',
    url: 'https://outlook.office.com/mail/deeplink/compose',
    file: 'outlook-new-message.html',
    after: 'start in January.',
    cases: [
      { name: 'the subject field', change: remove('input[aria-label="Add a subject"]') },
      { name: 'the Send button', change: remove('button[name="Send"]') },
      { name: 'the compose form', change: strip('[data-app-section]', ['data-app-section']) + remove('button[name="Send"]') },
      { name: "the body's label", change: strip('[aria-label^="Message body"]', ['aria-label']) },
    ],
  },
];

let b: ExtensionBrowser;

beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
});

async function tabIds(): Promise<number[]> {
  return b.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
}

async function summary(tabId: number): Promise<DraftSummary | null> {
  return b.serviceWorker.evaluate(([id, m]) => chrome.tabs.sendMessage(id, m) as Promise<DraftSummary | null>, [tabId, { type: 'summary:get' }] as const);
}

async function caretAfter(p: Page, text: string): Promise<void> {
  await p.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(t);
      if (i === -1) continue;
      const host = (n.parentElement as HTMLElement).closest<HTMLElement>('[contenteditable="true"]')!;
      host.focus();
      return void document.getSelection()!.collapse(n, i + t.length);
    }
    throw new Error(`no "${t}" in the page`);
  }, text);
}

/** Opens the fixture with `change` applied; returns the page, its tab, and what it logged. */
async function open(site: Site, change: string) {
  const html = fixture(site.file).replace(/<\/body>/i, `<script>${change}</script></body>`);
  // Routes added later take precedence: each case serves its own page at the same address.
  await serveAt(b.context, `${site.url}**`, html);
  const before = new Set(await tabIds());
  const page = await b.context.newPage();
  const warnings: string[] = [];
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'warning' && /nemawashi/i.test(m.text())) warnings.push(m.text());
    if (m.type() === 'error' && /nemawashi/i.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(site.url);
  const tabId = (await tabIds()).find((id) => !before.has(id))!;
  return { page, tabId, warnings, errors };
}

for (const site of SITES) {
  describe(`${site.site} fixture`, () => {
    it('unchanged: the site adapter reads it, with no warning', async () => {
      const { page, tabId, warnings, errors } = await open(site, '');
      await page.waitForSelector('nemawashi-badge', { state: 'attached', timeout: 20_000 });
      await expect.poll(async () => (await summary(tabId))?.adapter, { timeout: 10_000 }).toBe(site.site);
      expect(warnings).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });

    for (const c of site.cases) {
      it(`without ${c.name}: the page keeps working, one warning, the generic adapter checks the body`, async () => {
        const { page, tabId, warnings, errors } = await open(site, c.change);
        // The page's own scripts ran (the change is applied) and nothing broke.
        await page.waitForSelector('nemawashi-badge', { state: 'attached', timeout: 20_000 });
        // Generic mode knows no recipients, so a common rule (shouting) is what shows the body is checked.
        const typed = ' PLEASE SEND IT NOW.';
        const editorText = () =>
          page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[contenteditable="true"]')].map((e) => e.innerText).join('\n'));
        const textBefore = await editorText();
        await caretAfter(page, site.after);
        await page.keyboard.type(typed, { delay: 10 });
        await expect.poll(editorText).toContain(site.after + typed);
        expect((await editorText()).length).toBe(textBefore.length + typed.length);

        await expect.poll(async () => (await summary(tabId))?.adapter, { timeout: 10_000 }).toBe('generic');
        await expect
          .poll(async () => (await summary(tabId))?.findings.some((f) => f.ruleId === 'common/shouting' && f.excerpt === 'PLEASE SEND IT NOW'), { timeout: 10_000 })
          .toBe(true);
        // More typing and rescans (mutations, focus) must not repeat the warning.
        await page.keyboard.type(' Thanks.', { delay: 10 });
        await page.waitForTimeout(800);
        expect(warnings, warnings.join('\n')).toHaveLength(1);
        expect(warnings[0]).toMatch(site.site === 'gmail' ? /Gmail/ : /Outlook/);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  });
}
