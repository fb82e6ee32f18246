#!/usr/bin/env node
// `npm start`: builds the extension, serves the demo compose page (demo/) on 127.0.0.1 and opens
// Debian's Chromium with the extension on it. Without a display ($DISPLAY and $WAYLAND_DISPLAY
// unset) it runs headless, writes screenshots of the underlines, the open card and the badge's
// list (and of the Japanese sample draft) to demo-screenshots/ (named on stdout) and exits 0. With a display it stays open until the
// browser window is closed.
//
// Options (environment): NEMAWASHI_OUT_DIR (build folder, default .output), CHROMIUM_PATH,
// DEMO_SCREENSHOTS (folder), DEMO_SKIP_BUILD=1, DEMO_HEADLESS=1 (force headless with a display).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = resolve(ROOT, process.env.NEMAWASHI_OUT_DIR ?? '.output');
const EXTENSION_DIR = join(OUT_DIR, 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = resolve(ROOT, process.env.DEMO_SCREENSHOTS ?? 'demo-screenshots');
const DEMO_DIR = join(ROOT, 'demo');
const headless = process.env.DEMO_HEADLESS === '1' || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

function log(msg) {
  process.stdout.write(`${msg}\n`);
}

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
  process.exit(1);
}

if (process.env.DEMO_SKIP_BUILD !== '1' || !existsSync(EXTENSION_DIR)) {
  log('Building the extension (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEMAWASHI_OUT_DIR: OUT_DIR, NEMAWASHI_DEMO: '1' } });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
  const file = join(DEMO_DIR, path || 'index.html');
  if (!file.startsWith(DEMO_DIR) || !existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/index.html`;
log(`Demo page: ${url}`);

const profile = mkdtempSync(join(tmpdir(), 'nemawashi-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless,
  viewport: headless ? { width: 1280, height: 900 } : null,
  args: [
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
  ],
});
// Local only: the demo never needs the network.
await context.route('**/*', (route) =>
  /^(?:https?:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\/|chrome|about:|data:|blob:)/.test(route.request().url()) ? route.fallback() : route.abort(),
);

async function cleanup() {
  await context.close().catch(() => undefined);
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

if (!headless) {
  log('Chromium is open with Nemawashi on the demo page. Close the browser window to stop.');
  await new Promise((r) => context.on('close', r));
  server.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(0);
}

/** Waits until the content script has analyzed the compose and painted underlines. */
async function waitForUnderlines() {
  await page.waitForFunction(
    () => {
      const names = ['nemawashi-error', 'nemawashi-warning', 'nemawashi-info'];
      return names.some((n) => (CSS.highlights.get(n)?.size ?? 0) > 0);
    },
    undefined,
    { timeout: 15_000 },
  );
}

/** The centre of the first underlined range of the worst severity present. */
async function firstUnderline() {
  return page.evaluate(() => {
    for (const n of ['nemawashi-error', 'nemawashi-warning', 'nemawashi-info']) {
      const h = CSS.highlights.get(n);
      if (!h || h.size === 0) continue;
      const ranges = [...h].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      const r = ranges[0].getClientRects()[0];
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: ranges[0].toString() };
    }
    return null;
  });
}

try {
  mkdirSync(SHOTS, { recursive: true });
  await waitForUnderlines();
  await page.waitForTimeout(300);
  const shots = [];
  const shot = async (name) => {
    const path = join(SHOTS, `${name}.png`);
    await page.screenshot({ path });
    shots.push(path);
  };
  await shot('1-underlines');

  // The overlay's shadow roots are closed to page scripts; DevTools reaches into them
  // (tests/e2e/shadow.ts does the same for the tests).
  const cdp = await page.context().newCDPSession(page);
  const inShadow = async (host, fn, arg) => {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: host });
    if (!nodeId) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const res = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: `function (a) { return (${fn})(this, a); }`, arguments: [{ value: arg }], returnByValue: true });
    return res.result.value;
  };
  const waitShadow = async (host, selector) => {
    for (const until = Date.now() + 5_000; Date.now() < until; await page.waitForTimeout(50)) {
      if (await inShadow(host, String((r, sel) => !!r.querySelector(sel)), selector)) return;
    }
    throw new Error(`timed out waiting for ${host} ${selector}`);
  };  // The badge's root is closed: find its pill through the DevTools protocol and click it as a user would.
  const openBadgeList = async () => {
    const pill = await inShadow('nemawashi-badge', String((r) => {
      const b = r.querySelector('.pill').getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }));
    await page.mouse.click(pill.x, pill.y);
    await waitShadow('nemawashi-badge', '.panel:not([hidden])');
  };


  const target = await firstUnderline();
  if (target) {
    await page.mouse.move(target.x, target.y);
    await waitShadow('nemawashi-overlay', '.card:not([hidden])');
    await page.waitForTimeout(150);
    await shot('2-card');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  }

  await page.mouse.click(5, 5);
  await openBadgeList();
  await page.waitForTimeout(150);
  await shot('3-badge-list');

  await page.mouse.click(5, 5);
  await page.emulateMedia({ colorScheme: 'dark' });
  if (target) {
    await page.mouse.move(target.x, target.y);
    await waitShadow('nemawashi-overlay', '.card:not([hidden])');
    await page.waitForTimeout(150);
  }
  await shot('4-card-dark');

  const count = await page.locator('nemawashi-badge').first().getAttribute('data-count');
  log(`Nemawashi found ${count} things to look at in the sample draft.`);

  // The Japanese sample: a foreign sales manager writing in Japanese to a Tokyo client.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${url}?open=japanese`);
  await waitForUnderlines();
  await page.waitForTimeout(300);
  await shot('5-japanese-draft');
  await openBadgeList();
  await page.waitForTimeout(150);
  await shot('6-japanese-badge-list');
  const jaCount = await page.locator('nemawashi-badge').first().getAttribute('data-count');
  log(`… and ${jaCount} in the Japanese sample draft.`);
  log(`Screenshots written to ${SHOTS}/`);
  for (const s of shots) log(`  ${s}`);
  await cleanup();
  process.exit(0);
} catch (err) {
  console.error('The demo could not finish:', err);
  await page.screenshot({ path: join(SHOTS, 'failure.png') }).catch(() => undefined);
  await cleanup();
  process.exit(1);
}
