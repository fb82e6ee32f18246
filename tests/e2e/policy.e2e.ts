/**
 * Chromium started with an organisation policy for Nemawashi (docs/admin.md): the options page
 * shows what the policy sets, marked and locked, in English and Japanese, with the invalid value
 * it ignored; a compose on the demo page uses the policy.
 *
 * Chromium on Linux reads enterprise policy from /etc/chromium/policies/managed/*.json at start.
 * The file written here names only this build's extension id (an unpacked extension's id is
 * derived from its folder), so browsers other tests run at the same time on this machine are
 * not affected; it has a name of its own and is removed after the file's tests, and a file left
 * by an interrupted run of this test for the same id is removed first.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, screenshot, type ExtensionBrowser } from './harness';
import { underlineRect } from './page-helpers';
import { axeScan, openDemo, startDemoServer, storedSettings } from './popup-helpers';
import { shadowCount, shadowText, waitShadow } from './shadow';

const POLICY_DIR = '/etc/chromium/policies/managed';
const FILE_PREFIX = 'nemawashi-e2e-policy-';

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, hex digits as a-p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

const POLICY = {
  recipients: [
    { match: 'osaka-bank.co.jp', audience: 'ja', region: 'west', sector: 'traditional' },
    // Invalid: ignored with a notice, the rest of the policy applies.
    { match: 'not a domain', audience: 'ja' },
  ],
  rules: {
    'common/shouting': { enabled: false },
    'ja/pressure': { severity: 'info' },
  },
  phrases: [{ id: 'last-email', phrase: 'per my last email', pack: 'common', message: 'Company style: say what you need again, kindly.', replacement: 'as I mentioned on Monday', severity: 'error' }],
  sendThreshold: 'warning',
  locked: ['recipients', 'rules', 'phrases', 'sendThreshold'],
};

const id = unpackedExtensionId(EXTENSION_DIR);
const policyFile = join(POLICY_DIR, `${FILE_PREFIX}${randomUUID()}.json`);
let b: ExtensionBrowser;
let server: Awaited<ReturnType<typeof startDemoServer>>;
let options: Page;

/** Files an interrupted run of this test left for the same extension id. */
function leftovers(): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(POLICY_DIR).filter((n) => n.startsWith(FILE_PREFIX));
  } catch {
    return [];
  }
  return names
    .map((n) => join(POLICY_DIR, n))
    .filter((path) => {
      try {
        return Object.keys((JSON.parse(readFileSync(path, 'utf8')) as { '3rdparty'?: { extensions?: object } })['3rdparty']?.extensions ?? {}).includes(id);
      } catch {
        return false;
      }
    });
}

beforeAll(async () => {
  for (const path of leftovers()) rmSync(path, { force: true });
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: POLICY } } }, null, 2));
  // The file stays while the browser runs: Chromium watches the folder and would drop the
  // policy (live, as an administrator's change) if it went away.
  b = await launchWithExtension();
  server = await startDemoServer();
  options = await b.context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(`chrome-extension://${b.extensionId}/options.html`);
  await options.waitForSelector('#recipients');
});

afterAll(async () => {
  try {
    await b?.close();
    await server?.close();
  } finally {
    rmSync(policyFile, { force: true });
  }
});

describe('Chromium with a managed policy', () => {
  it('loads the extension with its managed schema, under the id the policy names', async () => {
    expect(b.extensionId).toBe(id);
    const managed = await b.serviceWorker.evaluate(() => chrome.storage.managed.get(null));
    // Chrome validates the policy against public/managed-schema.json and passes it on.
    expect(managed).toMatchObject({ rules: POLICY.rules, sendThreshold: 'warning', locked: POLICY.locked });
    // Only this run's file names this build's extension.
    expect(leftovers()).toEqual([policyFile]);
  });

  it('the options page marks what the organisation set, locks what it locked, and lists the ignored value', async () => {
    const notice = options.locator('#policy');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('Findings that hold a send for review: warnings and errors');
    // The send-time check's own control shows the organisation's level, locked.
    expect(await options.locator('#send-threshold').inputValue()).toBe('warning');
    expect(await options.locator('#send-threshold').isDisabled()).toBe(true);
    expect(await options.locator('[data-problems="policy"]').textContent()).toContain('recipients[1].match');

    const row = options.locator('tr[data-org-match="osaka-bank.co.jp"]');
    expect(await row.textContent()).toContain('Osaka / Western Japan');
    expect(await row.locator('[data-org="locked"]').textContent()).toBe('Locked by your organisation');
    // The organisation's row has no controls to change it.
    expect(await row.locator('input, select, button').count()).toBe(0);

    const shouting = options.locator('#rule-common-shouting');
    expect(await shouting.isChecked()).toBe(false);
    expect(await shouting.isDisabled()).toBe(true);
    expect(await options.locator('#sev-ja-pressure').isDisabled()).toBe(true);
    expect(await options.locator('#sev-ja-pressure').inputValue()).toBe('info');
    // A rule the policy does not name stays the user's.
    expect(await options.locator('#rule-common-exclamation-overuse').isDisabled()).toBe(false);

    const phrase = options.locator('tr[data-org-phrase="last-email"]');
    expect(await phrase.textContent()).toContain('as I mentioned on Monday');
    expect(await phrase.locator('input[role="switch"]').isDisabled()).toBe(true);
    expect(await phrase.locator('input[role="switch"]').isChecked()).toBe(true);
    await screenshot(options, 'policy-options-en');
    expect(await axeScan(options)).toEqual([]);
  });

  it("the user's own additions stay theirs; a row the locked policy sets is shown as not used", async () => {
    await options.fill('#new-match', 'osaka-bank.co.jp');
    await options.selectOption('#new-audience', 'us');
    await options.click('button[data-key="add-recipient"]');
    await options.waitForSelector('tr[data-match="osaka-bank.co.jp"]');
    expect(await options.locator('tr[data-match="osaka-bank.co.jp"] .overridden').textContent()).toContain('your organisation sets osaka-bank.co.jp');
    await options.fill('#new-match', 'acme-corp.com');
    await options.selectOption('#new-audience', 'us');
    await options.click('button[data-key="add-recipient"]');
    await options.waitForSelector('tr[data-match="acme-corp.com"]');
    // Only the user's rows are stored; the policy's never are.
    expect((await storedSettings(b))?.audienceMap).toEqual([
      { match: 'osaka-bank.co.jp', audience: 'us' },
      { match: 'acme-corp.com', audience: 'us' },
    ]);
  });

  it('a compose uses the policy: its recipients, rules and phrases', async () => {
    const { page, tabId } = await openDemo(b, server.url, 'blank');
    await page.fill('[data-field="to"] input.add', 'ken@osaka-bank.co.jp');
    await page.press('[data-field="to"] input.add', 'Enter');
    await page.fill('input[name="subject"]', 'Delivery');
    await page.click('.editor');
    await page.keyboard.type('Dear Tanaka-san, THIS IS URGENT. Per my last email, please send the signed order.');
    type Summary = { audience: { packs: string[]; region: string }; findings: Array<{ ruleId: string; severity: string }>; wordCount: number } | null;
    const summary = () => b.serviceWorker.evaluate(([t, m]) => chrome.tabs.sendMessage(t, m) as Promise<Summary>, [tabId, { type: 'summary:get' }] as const);
    await vi.waitFor(async () => expect((await summary())?.wordCount).toBeGreaterThan(12), { timeout: 15_000, interval: 200 });
    await expect.poll(async () => (await summary())?.findings.some((f) => f.ruleId === 'user/org-last-email')).toBe(true);
    const s = (await summary())!;
    // The locked organisation row wins over the user's own row for the same domain.
    expect(s.audience.packs).toContain('ja');
    expect(s.audience.region).toBe('west');
    expect(s.findings.find((f) => f.ruleId === 'user/org-last-email')?.severity).toBe('error');
    expect(s.findings.some((f) => f.ruleId === 'common/shouting')).toBe(false);

    // The card of a locked company phrase offers Ignore but no Turn off; a rule of the user's does.
    const CARD = '.card:not([hidden])';
    const count = (sel: string) => shadowCount(page, 'nemawashi-overlay', `${CARD} ${sel}`);
    const hover = async (text: string) => {
      const rect = await underlineRect(page, text);
      expect(rect, `underline of "${text}"`).toBeTruthy();
      await page.mouse.move(rect!.left + rect!.width / 2, rect!.top + rect!.height / 2);
      await waitShadow(page, 'nemawashi-overlay', CARD);
    };
    await hover('Per my last email');
    expect(await shadowText(page, 'nemawashi-overlay', CARD)).toContain('Company style: say what you need again, kindly.');
    expect(await count('button[data-action="ignore"]')).toBe(1);
    expect(await count('button[data-action="turn-off"]')).toBe(0);
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await waitShadow(page, 'nemawashi-overlay', CARD, { state: 'hidden' }).catch(() => undefined);
    // Any other underlined finding: the policy names none of them as forced on.
    const own = (s.findings as Array<{ ruleId: string; excerpt?: string; start?: number }>).find((f) => f.ruleId !== 'user/org-last-email' && f.start !== undefined);
    expect(own, JSON.stringify(s.findings.map((f) => f.ruleId))).toBeDefined();
    await hover(own!.excerpt!);
    expect(await count('button[data-action="turn-off"]')).toBe(1);
    await page.close();
  });

  it('a policy read late: the compose is checked at once with the user\'s settings, then again with the policy', async () => {
    // The first read of managed storage in a new browser can take seconds (Chromium loading the
    // policy): made to take 2.5 s here, in this tab's isolated world, before any compose opens.
    const { page, tabId } = await openDemo(b, server.url, 'none');
    await page.waitForFunction(() => document.querySelector('nemawashi-overlay')?.hasAttribute('data-startup-ms'), undefined, { timeout: 15_000 });
    await b.serviceWorker.evaluate(
      (t) =>
        chrome.scripting.executeScript({
          target: { tabId: t },
          func: () => {
            const g = globalThis as unknown as Record<string, { storage?: { managed?: { get: (k: unknown) => Promise<unknown> } } } | undefined>;
            for (const ns of [g.browser, g.chrome]) {
              const area = ns?.storage?.managed;
              if (!area) continue;
              const get = area.get.bind(area);
              area.get = (k: unknown) => new Promise((resolve) => setTimeout(resolve, 2500)).then(() => get(k));
            }
          },
        }),
      tabId,
    );
    await page.locator('[data-open="blank"]').click();
    await page.click('.editor');
    await page.keyboard.type('THIS IS URGENT. Please send the signed order.');
    type Summary = { findings: Array<{ ruleId: string }> } | null;
    const summary = () => b.serviceWorker.evaluate(([t, m]) => chrome.tabs.sendMessage(t, m) as Promise<Summary>, [tabId, { type: 'summary:get' }] as const);
    const host = page.locator('nemawashi-overlay');
    // Checked before the policy came, with the user's settings: the shouting rule is on there.
    await expect.poll(async () => (await summary())?.findings.some((f) => f.ruleId === 'common/shouting'), { timeout: 15_000 }).toBe(true);
    expect(await host.getAttribute('data-engine-policy')).toBe('late');
    // Then the policy, which turns the rule off: checked again.
    await expect.poll(() => host.getAttribute('data-engine-policy'), { timeout: 15_000 }).toBe('read');
    await expect.poll(async () => (await summary())?.findings.some((f) => f.ruleId === 'common/shouting'), { timeout: 15_000 }).toBe(false);
    await page.close();
  });

  it('in Japanese too', async () => {
    await options.selectOption('#language', 'ja');
    await expect.poll(() => options.locator('#policy-title').textContent()).toBe('組織による設定');
    expect(await options.locator('tr[data-org-match="osaka-bank.co.jp"] [data-org="locked"]').textContent()).toBe('組織によりロック');
    expect(await options.locator('#policy').textContent()).toContain('送信前に確認を求める指摘：警告とエラー');
    await screenshot(options, 'policy-options-ja');
    expect(await axeScan(options)).toEqual([]);
  });
});
