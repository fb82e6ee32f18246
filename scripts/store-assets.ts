/**
 * `npm run store-assets`: the store listing, made from the product rather than by hand.
 *
 * Builds the demo variant, opens it in Debian's Chromium (playwright-core) once in English and
 * once in Japanese, and writes to store/:
 *   screenshots/<lang>-<n>-<what>.png   1280×800, what the Chrome Web Store, Edge Add-ons and
 *                                       addons.mozilla.org accept
 *   promo-440x280.png                   the Chrome Web Store's small promo tile
 *   listing.<lang>.md                   name, summary, description (the rule catalogue's own
 *                                       descriptions), permissions and why, privacy statement
 * Options (environment): NEMAWASHI_OUT_DIR (build folder, default .output-store), CHROMIUM_PATH,
 * STORE_SKIP_BUILD=1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Lang } from '../src/engine/types';
import { rules } from '../src/nemawashi';
import { hostsOf } from '../src/webmail/hosts';
import { shadowClick, waitShadow } from '../tests/e2e/shadow';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = resolve(ROOT, process.env.NEMAWASHI_OUT_DIR ?? '.output-store');
const EXTENSION_DIR = join(OUT_DIR, 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STORE = join(ROOT, 'store');
const SHOTS = join(STORE, 'screenshots');
const DEMO_DIR = join(ROOT, 'demo');
// The stores' screenshot size (Chrome Web Store: 1280×800 or 640×400).
const SIZE = { width: 1280, height: 800 };
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function log(msg: string): void {
  process.stdout.write(`${msg}\n`);
}

// ── listing text ────────────────────────────────────────────────────────────────────────────

const locales = (lang: Lang) =>
  JSON.parse(readFileSync(join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;

const TEXT = {
  en: {
    intro:
      'Nemawashi reads the email you are writing in Gmail or Outlook on the web and underlines what may hurt trust with the person you are writing to: an American writing to a bank in Tokyo, or a manager in Nagoya writing to Chicago. For each warning it explains why for that culture and offers a better wording; Apply puts it in your draft, and Ctrl+Z takes it back.',
    features: [
      'Underlines while you write, coloured by severity, with a card that says why and suggests a wording.',
      'The audience comes from the recipients: .jp addresses, or your own list of partner domains (Tokyo or Osaka, traditional or modern sector), or American.',
      'The toolbar popup lists the draft’s findings by rule and lets you change the audience, first contact, or pause the checker.',
      'Your own phrases to warn about, with what to write instead.',
      'For organisations: IT can set partner recipients, rules, company phrases and locks for everyone through the browser’s enterprise policy.',
      'English and Japanese throughout.',
    ],
    rulesTitle: 'What it checks',
    packs: { common: 'For every email', ja: 'Writing to Japanese partners', us: 'Writing to American partners' },
    permissionsTitle: 'Permissions, and why',
    permissions: [
      ['storage', 'your settings, and the first-contact history (salted hashes of addresses, never the addresses)'],
      ['scripting', 'to run the checker on a site you add yourself in the options page'],
      ['activeTab', 'the popup reads the address of the tab it was opened on, for “Turn off on this site”'],
      [hostsOf().join(', '), 'to read the compose window'],
      ['optional: other sites', 'asked for one site at a time, only when you add that site'],
    ],
    privacyTitle: 'Privacy',
    screenshotsTitle: 'Screenshots (1280×800)',
    privacy:
      'Nemawashi runs entirely in your browser. It has no server, makes no network requests and loads no remote code. Your drafts, subjects, recipients, attachments and findings are never stored and never leave the browser; there is no analytics, telemetry or crash reporting. Your settings are kept in the browser’s own storage (copied to your other devices only if you use the browser’s sync), and the first-contact history keeps only salted hashes of addresses. Nemawashi collects no data.',
    single: 'Single purpose: checking the tone of the email you are writing, for the culture of the people you are writing to.',
  },
  ja: {
    intro:
      'Nemawashi（根回し）は、Gmail や Outlook on the web で書いているメールを読み、相手との信頼を損ないかねない箇所に下線を引きます。東京の銀行に初めて連絡するアメリカ人にも、シカゴの取引先に書く名古屋のマネージャーにも役立ちます。指摘ごとに、その文化でなぜ問題になりうるかを説明し、より良い言い回しを提案します。「適用」で下書きに反映し、Ctrl+Z で元に戻せます。',
    features: [
      '書いている間に、重要度で色分けした下線を表示。理由と言い換え案をカードで示します。',
      '宛先から相手を判断します：.jp のアドレス、あなたが登録した取引先ドメイン（東京・大阪、伝統的・現代的な業種）、またはアメリカ。',
      'ツールバーのポップアップで、下書きの指摘をルールごとに一覧し、相手や初めての連絡かどうかを変えたり、一時停止したりできます。',
      '注意したいフレーズと、その代わりの言い回しを自分で登録できます。',
      '組織向け：IT 部門はブラウザーのエンタープライズポリシーで、取引先の宛先、ルール、会社のフレーズ、ロックを全員に設定できます。',
      '画面もメッセージも英語と日本語に対応。',
    ],
    rulesTitle: 'チェックする内容',
    packs: { common: 'すべてのメール', ja: '日本の取引先に書くとき', us: 'アメリカの取引先に書くとき' },
    permissionsTitle: '権限とその理由',
    permissions: [
      ['storage', '設定と、初めての連絡の履歴（アドレスそのものではなく、ソルト付きハッシュ）'],
      ['scripting', 'オプションページであなたが追加したサイトでチェッカーを動かすため'],
      ['activeTab', 'ポップアップを開いたタブのアドレスを読み、「このサイトではオフ」に使うため'],
      [hostsOf().join('、'), '作成中のメールを読むため'],
      ['任意：その他のサイト', 'あなたがサイトを追加したときに、そのサイトだけを一つずつ求めます'],
    ],
    privacyTitle: 'プライバシー',
    screenshotsTitle: 'スクリーンショット（1280×800）',
    privacy:
      'Nemawashi はすべてブラウザー内で動作します。サーバーはなく、ネットワーク通信も、外部のコードの読み込みも行いません。下書き、件名、宛先、添付ファイル、指摘は保存されず、ブラウザーの外に出ることはありません。アクセス解析、テレメトリー、クラッシュレポートもありません。設定はブラウザー自身のストレージに保存され（ブラウザーの同期を使う場合に限り、ほかの端末にコピーされます）、初めての連絡の履歴はアドレスのソルト付きハッシュだけを保存します。Nemawashi はデータを一切収集しません。',
    single: '単一の目的：書いているメールのトーンを、送る相手の文化に照らしてチェックすること。',
  },
} as const;

function listing(lang: Lang): string {
  const tx = TEXT[lang];
  const loc = locales(lang);
  const lines: string[] = [];
  lines.push(`# ${loc.extName!.message} ${version}`, '');
  lines.push(`<!-- Written by scripts/store-assets.ts (npm run store-assets); edit the script, not this file. -->`, '');
  lines.push(`**${loc.extDescription!.message}**`, '');
  lines.push(tx.intro, '');
  for (const f of tx.features) lines.push(`- ${f}`);
  lines.push('', tx.single, '', `## ${tx.rulesTitle}`, '');
  for (const pack of ['common', 'ja', 'us'] as const) {
    lines.push(`### ${tx.packs[pack]}`, '');
    for (const r of rules.filter((x) => x.pack === pack)) lines.push(`- ${r.description[lang]}`);
    lines.push('');
  }
  lines.push(`## ${tx.permissionsTitle}`, '');
  for (const [what, why] of tx.permissions) lines.push(`- **${what}**: ${why}`);
  lines.push('', `## ${tx.privacyTitle}`, '', tx.privacy, '');
  lines.push(`## ${tx.screenshotsTitle}`, '');
  return lines.join('\n') + '\n';
}

// ── screenshots ─────────────────────────────────────────────────────────────────────────────

async function serveDemo(): Promise<{ url: string; close(): void }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(DEMO_DIR, path || 'index.html');
    if (!file.startsWith(DEMO_DIR) || !existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return { url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, close: () => server.close() };
}

async function launch(lang: Lang): Promise<{ context: BrowserContext; extensionId: string; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'nemawashi-store-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: SIZE,
    locale: lang === 'ja' ? 'ja-JP' : 'en-US',
    args: [
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang === 'ja' ? 'ja' : 'en-US'}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  // Local only, as in use.
  await context.route('**/*', (route) =>
    /^(?:https?:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\/|chrome|about:|data:|blob:)/.test(route.request().url()) ? route.fallback() : route.abort(),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function tabIds(context: BrowserContext): Promise<number[]> {
  const worker = context.serviceWorkers()[0]!;
  return worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
}

async function waitForUnderlines(page: Page): Promise<void> {
  await page.waitForFunction(() => ['nemawashi-error', 'nemawashi-warning', 'nemawashi-info'].some((n) => (CSS.highlights.get(n)?.size ?? 0) > 0), undefined, {
    timeout: 20_000,
  });
}

/** The centre of the underline on `text` (or the first underline of the worst severity). */
async function underlineAt(page: Page, text?: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((want) => {
    for (const n of ['nemawashi-error', 'nemawashi-warning', 'nemawashi-info']) {
      const h = CSS.highlights.get(n);
      if (!h) continue;
      const ranges = [...(h as unknown as Iterable<Range>)].filter((r) => !want || r.toString() === want).sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      const rect = ranges[0]?.getClientRects()[0];
      if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
}

/** A product screenshot set in a 1280×800 frame with a caption (for pages smaller than that). */
async function framed(context: BrowserContext, image: Buffer, caption: string, path: string): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize(SIZE);
  const icon = readFileSync(join(ROOT, 'public/icon/128.png')).toString('base64');
  await page.setContent(`<!doctype html><meta charset="utf-8"><style>
    body{margin:0;width:1280px;height:800px;display:flex;gap:56px;align-items:center;justify-content:center;
      background:linear-gradient(135deg,#e6f4f1,#f7faf9);font:28px/1.35 system-ui,'Noto Sans CJK JP','IPAGothic',sans-serif;color:#12332f}
    .text{max-width:440px} .text img{width:72px;height:72px;display:block;margin-bottom:20px}
    .shot{box-shadow:0 12px 40px rgba(0,0,0,.18);border-radius:10px;max-height:740px;border:1px solid #c8d6d3}
  </style><div class="text"><img alt="" src="data:image/png;base64,${icon}"><p></p></div><img class="shot" alt="" src="data:image/png;base64,${image.toString('base64')}">`);
  // The caption goes in as text, never as markup.
  await page.locator('.text p').evaluate((p, text) => (p.textContent = text), caption);
  await page.screenshot({ path });
  await page.close();
}

const CAPTIONS = {
  en: { popup: 'The toolbar popup: the draft’s findings by rule, who it is for, and a quick way to pause.' },
  ja: { popup: 'ツールバーのポップアップ：下書きの指摘をルールごとに、相手の設定、一時停止もすぐに。' },
} as const;

async function screenshots(lang: Lang, demoUrl: string): Promise<string[]> {
  const written: string[] = [];
  const { context, extensionId, close } = await launch(lang);
  const out = (n: number, what: string) => {
    const path = join(SHOTS, `${lang}-${n}-${what}.png`);
    written.push(path);
    return path;
  };
  try {
    // The language the product is shown in, set where a user sets it.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector('#language');
    await options.selectOption('#language', lang);
    await options.waitForFunction((l) => document.documentElement.lang === l, lang);

    // 1. The sample draft: an American's first email to a Tokyo bank, a card open.
    const before = new Set(await tabIds(options.context()));
    const page = await context.newPage();
    await page.goto(`${demoUrl}/index.html?open=sample`);
    const tabId = (await tabIds(context)).find((id) => !before.has(id))!;
    await waitForUnderlines(page);
    await page.waitForTimeout(400);
    const target = await underlineAt(page);
    if (target) {
      await page.mouse.move(target.x, target.y);
      await waitShadow(page, 'nemawashi-overlay', '.card:not([hidden])');
      await page.waitForTimeout(200);
    }
    await page.screenshot({ path: out(1, 'compose-card') });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');

    // 2. The badge's list: what has no place in the text (the contract attached, the audience).
    await page.mouse.click(5, 5);
    // The overlay's shadow roots are closed to page scripts; DevTools reaches them (tests/e2e/shadow.ts).
    await shadowClick(page, 'nemawashi-badge', '.pill');
    await waitShadow(page, 'nemawashi-badge', '.panel:not([hidden])');
    await page.waitForTimeout(200);
    await page.screenshot({ path: out(2, 'findings-list') });
    await page.mouse.click(5, 5);

    // 3. The popup for that draft, framed.
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 720 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('main h1');
    await popup.waitForTimeout(800);
    await framed(context, await popup.screenshot(), CAPTIONS[lang].popup, out(3, 'popup'));
    await popup.close();

    // 4. A reply to Osaka: the quoted thread and the signature are not checked, the new words are.
    await page.goto(`${demoUrl}/index.html?open=reply`);
    await page.waitForFunction(() => Number(document.querySelector('nemawashi-overlay')?.getAttribute('data-runs') ?? 0) > 0);
    // The caret after the body's last sentence, as a click there would put it.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.editor')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf('by Thursday.');
        if (i === -1) continue;
        n.parentElement!.closest<HTMLElement>('[contenteditable="true"]')!.focus();
        document.getSelection()!.collapse(n, i + 'by Thursday.'.length);
        return;
      }
    });
    await page.keyboard.type(' The delay was caused by our carrier, not by us. Please confirm the new dates ASAP!!', { delay: 5 });
    await waitForUnderlines(page);
    await page.waitForTimeout(600);
    await page.mouse.move(5, 5);
    await page.screenshot({ path: out(4, 'reply-osaka') });

    // 5. The options page: the rule catalogue with its examples.
    await options.setViewportSize(SIZE);
    await options.reload();
    await options.waitForSelector('#rules');
    await options.locator('#rules details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await options.locator('#rules').evaluate((el) => el.scrollIntoView());
    await options.waitForTimeout(200);
    await options.screenshot({ path: out(5, 'options-rules') });
  } finally {
    await close();
  }
  return written;
}

async function promoTile(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  const page = await browser.newPage({ viewport: { width: 440, height: 280 } });
  const icon = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
  await page.setContent(`<!doctype html><meta charset="utf-8"><style>
    body{margin:0;width:440px;height:280px;display:flex;align-items:center;gap:22px;padding:0 30px;box-sizing:border-box;
      background:linear-gradient(135deg,#0f766e,#115e59);color:#fff;font:17px/1.35 system-ui,'Noto Sans CJK JP','IPAGothic',sans-serif}
    svg{width:104px;height:104px;flex:none} h1{margin:0 0 8px;font-size:32px} p{margin:0}
  </style>${icon}<div><h1>Nemawashi</h1><p></p></div>`);
  await page.locator('p').evaluate((p, text) => (p.textContent = text), 'Tone checks for email to Japanese and American partners, as you write.');
  const path = join(STORE, 'promo-440x280.png');
  await page.screenshot({ path });
  await browser.close();
  return path;
}

// ── main ───────────────────────────────────────────────────────────────────────────────────

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  process.exit(1);
}
if (process.env.STORE_SKIP_BUILD !== '1' || !existsSync(EXTENSION_DIR)) {
  log('Building the demo variant (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEMAWASHI_OUT_DIR: OUT_DIR, NEMAWASHI_DEMO: '1' } });
}
mkdirSync(SHOTS, { recursive: true });
const demo = await serveDemo();
try {
  for (const lang of ['en', 'ja'] as const) {
    const shots = await screenshots(lang, demo.url);
    const text = listing(lang) + shots.map((p) => `- [${p.slice(STORE.length + 1)}](${p.slice(STORE.length + 1)})`).join('\n') + '\n';
    writeFileSync(join(STORE, `listing.${lang}.md`), text);
    log(`store/listing.${lang}.md`);
    for (const s of shots) log(`  ${s.slice(ROOT.length + 1)}`);
  }
  log(`  ${(await promoTile()).slice(ROOT.length + 1)}`);
} finally {
  demo.close();
}
