/**
 * The options page of the built extension: a domain mapping and a phrase added here take effect
 * in the demo compose page; validation messages; a broken import is refused and nothing changes;
 * export; the repair notice; the first-contact history; English and Japanese screenshots,
 * axe-core and a keyboard walk.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness';
import { useExtensionBrowser } from './page-helpers';
import { axeScan, openDemo, setStoredSettings, storedSettings, tabWalk } from './popup-helpers';

const env = useExtensionBrowser({ demo: true });
let options: Page;

beforeAll(async () => {
  options = await env.b.context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(`chrome-extension://${env.b.extensionId}/options.html`);
  await options.waitForSelector('#recipients');
});

/** The content script's summary of the compose in `tabId`, asked from the options page. */
async function summaryOf(tabId: number): Promise<{ packs: string[]; rules: string[]; count: number; words: number } | null> {
  return options.evaluate(async (id) => {
    const s = (await chrome.tabs.sendMessage(id, { type: 'summary:get' })) as {
      audience: { packs: string[] };
      findings: Array<{ ruleId: string }>;
      wordCount: number;
    } | null;
    return s ? { packs: s.audience.packs, rules: [...new Set(s.findings.map((f) => f.ruleId))], count: s.findings.length, words: s.wordCount } : null;
  }, tabId);
}

/** A blank demo compose to an American address, with a vague answer and a user phrase in it. */
async function composeToAcme(): Promise<{ page: Page; tabId: number }> {
  const demo = await openDemo(env.b, env.demoUrl, 'blank');
  const { page } = demo;
  await page.fill('[data-field="to"] input.add', 'amy@acme-corp.com');
  await page.press('[data-field="to"] input.add', 'Enter');
  await page.fill('input[name="subject"]', 'Your proposal');
  await page.click('.editor');
  await page.keyboard.type('Hi Amy, thank you for the proposal. We will consider it positively and circle back at some point.');
  await vi.waitFor(async () => expect((await summaryOf(demo.tabId))?.words).toBeGreaterThan(15), { timeout: 15_000, interval: 200 });
  return demo;
}

describe('options take effect in the compose page', () => {
  let tabId: number;

  beforeAll(async () => {
    ({ tabId } = await composeToAcme());
  });

  it('a domain mapped to American recipients turns the US rules on in the open draft', async () => {
    const before = await summaryOf(tabId);
    expect(before?.packs).toEqual(['common']);
    expect(before?.rules.some((r) => r.startsWith('us/'))).toBe(false);
    await options.fill('#new-match', '@Acme-Corp.com');
    await options.selectOption('#new-audience', 'us');
    await options.click('button[data-key="add-recipient"]');
    await options.waitForSelector('tr[data-match="acme-corp.com"]');
    expect((await storedSettings(env.b))?.audienceMap).toEqual([{ match: 'acme-corp.com', audience: 'us' }]);
    await expect.poll(() => summaryOf(tabId).then((s) => s?.packs)).toEqual(['common', 'us']);
    expect((await summaryOf(tabId))?.rules).toContain('us/vague-commitment');
    // The new row is focusable and editable: switch it to Japanese, Osaka.
    await options.selectOption('#map-0-audience', 'ja');
    await options.waitForSelector('#map-0-region');
    await options.selectOption('#map-0-region', 'west');
    await expect.poll(async () => (await storedSettings(env.b))?.audienceMap).toEqual([{ match: 'acme-corp.com', audience: 'ja', region: 'west' }]);
    await expect.poll(() => summaryOf(tabId).then((s) => s?.packs)).toEqual(['common', 'ja']);
    await options.selectOption('#map-0-audience', 'us');
    await expect.poll(() => summaryOf(tabId).then((s) => s?.packs)).toEqual(['common', 'us']);
  });

  it('refuses an invalid recipient with a message, and stores nothing', async () => {
    const before = await storedSettings(env.b);
    await options.fill('#new-match', 'not a domain');
    await options.click('button[data-key="add-recipient"]');
    const alert = options.locator('[data-problems="recipients"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('not a domain or an email address: "not a domain"');
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-problems'))).toBe('recipients');
    expect(await storedSettings(env.b)).toEqual(before);
    // A duplicate is refused too.
    await options.fill('#new-match', 'acme-corp.com');
    await options.click('button[data-key="add-recipient"]');
    await expect.poll(() => alert.textContent()).toContain('already in the list');
    expect(await storedSettings(env.b)).toEqual(before);
  });

  it('takes a name for recipients shown without an address, marked as a name', async () => {
    const before = ((await storedSettings(env.b))?.audienceMap ?? []) as unknown[];
    await options.fill('#new-match', '  Hiroki   Endo ');
    await options.selectOption('#new-kind', 'name');
    await options.selectOption('#new-audience', 'ja');
    await options.click('button[data-key="add-recipient"]');
    await options.waitForSelector('tr[data-match="Hiroki Endo"] [data-kind="name"]');
    expect(await options.textContent('tr[data-match="Hiroki Endo"] [data-kind="name"]')).toBe(' (name)');
    expect((await storedSettings(env.b))?.audienceMap).toEqual([...before, { match: 'Hiroki Endo', kind: 'name', audience: 'ja' }]);
    // Remove it again: the tests below start from the domain row alone.
    await options.click('tr[data-match="Hiroki Endo"] button');
    await expect.poll(async () => (await storedSettings(env.b))?.audienceMap).toEqual(before);
    await options.selectOption('#new-kind', 'address');
  });

  it('a phrase added here warns in the open draft, with its replacement', async () => {
    await options.fill('#new-phrase', 'circle back');
    await options.selectOption('#new-phrase-pack', 'us');
    await options.fill('#new-phrase-message', 'Say when you will follow up.');
    await options.fill('#new-phrase-replacement', 'follow up on Friday');
    await options.click('button[data-key="add-phrase"]');
    await options.waitForSelector('tr[data-phrase="phrase-1"]');
    // The add form is empty again, ready for the next phrase.
    expect(await options.inputValue('#new-phrase')).toBe('');
    expect(await options.inputValue('#new-phrase-message')).toBe('');
    await expect.poll(() => summaryOf(tabId).then((s) => s?.rules ?? [])).toContain('user/phrase-1');
    // Moving the phrase to the Japanese pack takes it out of this American draft.
    await options.selectOption('tr[data-phrase="phrase-1"] select >> nth=0', 'ja');
    await expect.poll(() => summaryOf(tabId).then((s) => s?.rules ?? [])).not.toContain('user/phrase-1');
    await options.selectOption('tr[data-phrase="phrase-1"] select >> nth=0', 'us');
    await expect.poll(() => summaryOf(tabId).then((s) => s?.rules ?? [])).toContain('user/phrase-1');
  });

  it('a phrase switched off here disappears from the draft, and comes back when switched on', async () => {
    const toggle = options.getByRole('switch', { name: 'Warn about “circle back”' });
    expect(await toggle.isChecked()).toBe(true);
    // By keyboard: Space on the focused switch, as for any checkbox.
    await toggle.focus();
    await options.keyboard.press('Space');
    await expect.poll(() => summaryOf(tabId).then((s) => s?.rules ?? [])).not.toContain('user/phrase-1');
    expect((await storedSettings(env.b))?.disabledRules).toEqual(['user/phrase-1']);
    expect(await toggle.isChecked()).toBe(false);
    // The render that followed the save kept the focus on the switch.
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('phrase-0-on');
    // The rest of the draft is still checked: only the phrase went.
    expect((await summaryOf(tabId))?.rules).toContain('us/vague-commitment');
    await options.evaluate(() => document.getElementById('phrases')?.scrollIntoView());
    await screenshot(options, 'options-phrases-off');
    await toggle.click();
    await expect.poll(() => summaryOf(tabId).then((s) => s?.rules ?? [])).toContain('user/phrase-1');
    expect((await storedSettings(env.b))?.disabledRules).toEqual([]);
    expect(await toggle.isChecked()).toBe(true);
  });

  it('a rule switched off disappears from the draft; its severity can change', async () => {
    await options.click('#rule-us-vague-commitment');
    await expect.poll(() => summaryOf(tabId).then((s) => s?.rules ?? [])).not.toContain('us/vague-commitment');
    expect((await storedSettings(env.b))?.disabledRules).toEqual(['us/vague-commitment']);
    await options.click('#rule-us-vague-commitment');
    await expect.poll(() => summaryOf(tabId).then((s) => s?.rules ?? [])).toContain('us/vague-commitment');
    await options.selectOption('#sev-us-vague-commitment', 'error');
    await expect.poll(async () => (await storedSettings(env.b))?.severityOverrides).toEqual({ 'us/vague-commitment': 'error' });
    await options.selectOption('#sev-us-vague-commitment', '');
    await expect.poll(async () => (await storedSettings(env.b))?.severityOverrides).toEqual({});
  });

  it('sends recorded in the history are counted, and can be forgotten', async () => {
    const { page } = await openDemo(env.b, env.demoUrl, 'sample');
    await page.click('button[data-action="send"]');
    await expect.poll(() => options.textContent('#history-count')).toBe('Addresses remembered: 1');
    await options.click('button[data-key="clear-history"]');
    await expect.poll(() => options.textContent('#history-count')).toBe('Addresses remembered: 0');
    expect(await env.b.serviceWorker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)))).not.toContain('sentHashes');
    await page.close();
  });
});

describe('import and export', () => {
  it('exports all settings as a JSON file', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('button[data-key="export"]')]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(await storedSettings(env.b));
    expect(download.suggestedFilename()).toMatch(/^nemawashi-settings-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('refuses a broken JSON file, says what is wrong, and changes nothing', async () => {
    const before = await storedSettings(env.b);
    await options.setInputFiles('#import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 3, "language": "en",') });
    const alert = options.locator('[data-problems="import"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The file was not imported; your settings are unchanged.');
    expect(await alert.textContent()).toContain('not valid JSON');
    expect(await storedSettings(env.b)).toEqual(before);

    const wrong = { ...before, language: 'fr', audienceMap: [{ match: 'acme-corp.com', audience: 'american' }] };
    await options.setInputFiles('#import-file', { name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(wrong)) });
    await expect.poll(() => alert.textContent()).toContain('audienceMap[0].audience: must be one of ja | us (found "american")');
    expect(await alert.textContent()).toContain('language: must be one of auto | en | ja (found "fr")');
    expect(await storedSettings(env.b)).toEqual(before);
    await screenshot(options, 'options-import-refused-en');
  });

  it('refuses a file nested 200,000 deep, and lists 10 of 30,000 problems with a count of the rest', async () => {
    const before = await storedSettings(env.b);
    const errors: string[] = [];
    options.on('pageerror', (e) => errors.push(String(e)));
    const alert = options.locator('[data-problems="import"]');
    const deep = `{"version":3,"packs":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    await options.setInputFiles('#import-file', { name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
    await expect.poll(() => alert.textContent()).toContain('nested too deeply');
    const keys = Array.from({ length: 30_000 }, (_, i) => `"k${i}":0`).join(',');
    const many = `${JSON.stringify(before).slice(0, -1)},${keys}}`;
    await options.setInputFiles('#import-file', { name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(many) });
    await expect.poll(() => alert.textContent()).toContain('and 29,990 more');
    expect(await alert.locator('li').count()).toBe(11);
    expect(await storedSettings(env.b)).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('imports a valid file', async () => {
    const before = (await storedSettings(env.b))!;
    const next = { ...before, disabledRules: ['common/shouting'] };
    await options.setInputFiles('#import-file', { name: 'ok.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)) });
    await expect.poll(async () => (await storedSettings(env.b))?.disabledRules).toEqual(['common/shouting']);
    expect(await options.locator('[data-problems="import"]').count()).toBe(0);
    expect(await options.isChecked('#rule-common-shouting')).toBe(false);
  });
});

describe('the page itself', () => {
  it('says when a corrupted setting fell back to its default', async () => {
    await setStoredSettings(env.b, { language: 42, defaultRegion: 'mars' });
    await options.reload();
    const notice = options.locator('.notice.warning');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Some settings were damaged and were reset to their defaults: language, defaultRegion.');
    const s = await storedSettings(env.b);
    expect(s?.language).toBe('auto');
    expect(s?.disabledRules).toEqual(['common/shouting']);
    await options.click('button[data-key="dismiss-recovery"]');
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('validates a site before asking the browser for access', async () => {
    await options.fill('#new-site', 'has space');
    await options.click('button[data-key="add-site"]');
    await expect.poll(() => options.locator('[data-problems="sites"]').textContent()).toContain('not a host name');
    expect((await storedSettings(env.b))?.genericSites).toEqual([]);
  });

  it('is accessible: no serious axe violations, every control reachable by Tab', async () => {
    await options.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const violations = await axeScan(options);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    const walk = await tabWalk(options, 600);
    expect(walk.missed).toEqual([]);
    expect(walk.reached.length).toBeGreaterThan(60);
    await options.evaluate(() => window.scrollTo(0, 0));
    await screenshot(options, 'options-en');
  });

  it('switches to Japanese from its own language setting', async () => {
    await options.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
    await options.focus('#language');
    await options.selectOption('#language', 'ja');
    await options.waitForFunction(() => document.documentElement.lang === 'ja');
    expect(await options.textContent('h1')).toBe('Nemawashi の設定');
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('language');
    await options.evaluate(() => window.scrollTo(0, 0));
    await screenshot(options, 'options-ja');
    await options.fill('#new-match', 'bad domain');
    await options.click('button[data-key="add-recipient"]');
    await expect.poll(() => options.locator('[data-problems="recipients"]').textContent()).toContain('ドメインでもメールアドレスでもありません');
    const violations = await axeScan(options);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
