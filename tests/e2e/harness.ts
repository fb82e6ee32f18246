/**
 * End-to-end harness: Debian's Chromium (never Playwright's download) with the built extension
 * loaded, fixture pages served from localhost or at the real webmail address through
 * `context.route`, and every other request aborted (and recorded, for the no-network test).
 */
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUT_DIR = resolve(ROOT, process.env.NEMAWASHI_OUT_DIR ?? '.output');
export const EXTENSION_DIR = join(OUT_DIR, 'chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');
export const SCREENSHOTS_DIR = join(ROOT, 'tests/e2e/screenshots');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Requests that tried to leave the machine (aborted). */
  blockedRequests: string[];
  /** The service worker of another loaded extension (`alsoLoad`), by its manifest name. */
  otherWorker(name: string): Promise<Worker>;
  close(): Promise<void>;
}

const LOCAL = /^(?:https?:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\/|chrome-extension:|chrome:|about:|data:|blob:)/;

/**
 * `extensionDir`: another build than the one global-setup made (e.g. the production build).
 * `alsoLoad`: other unpacked extensions loaded beside it (a probe that messages ours).
 */
export async function launchWithExtension(opts: { extension?: boolean; locale?: string; extensionDir?: string; alsoLoad?: string[] } = {}): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  const loaded = [extensionDir, ...(opts.alsoLoad ?? [])].join(',');
  const userDataDir = mkdtempSync(join(tmpdir(), 'nemawashi-e2e-'));
  const withExtension = opts.extension !== false;
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(opts.locale ? [`--lang=${opts.locale}`] : []),
    ...(withExtension ? [`--disable-extensions-except=${loaded}`, `--load-extension=${loaded}`] : []),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    locale: opts.locale ?? 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  const blockedRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOCAL.test(url)) return route.fallback();
    blockedRequests.push(url);
    return route.abort();
  });
  // With other extensions loaded (alsoLoad), ours is the worker whose manifest is not theirs.
  const nameOf = (w: Worker): Promise<string> => w.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }).chrome.runtime.getManifest().name);
  const workerNamed = async (match: (name: string) => boolean): Promise<Worker> => {
    for (const until = Date.now() + 30_000; Date.now() < until; ) {
      for (const w of context.serviceWorkers()) if (match(await nameOf(w).catch(() => ''))) return w;
      await context.waitForEvent('serviceworker', { timeout: 1_000 }).catch(() => undefined);
    }
    throw new Error('no such extension service worker');
  };
  let serviceWorker: Worker | undefined;
  if (withExtension) {
    if (opts.alsoLoad?.length) serviceWorker = await workerNamed((n) => n !== '' && n !== 'probe' && !n.startsWith('probe'));
    else {
      serviceWorker = context.serviceWorkers()[0];
      if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
    }
  }
  const extensionId = serviceWorker ? new URL(serviceWorker.url()).host : '';
  return {
    context,
    extensionId,
    serviceWorker: serviceWorker as Worker,
    blockedRequests,
    otherWorker: (name) => workerNamed((n) => n === name),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves `html` at a real webmail address (e.g. https://mail.google.com/mail/u/0/) so the
 * content script injects as on the real site. Routes added later take precedence in Playwright.
 */
export async function serveAt(context: BrowserContext, urlGlob: string, html: string | (() => string)): Promise<void> {
  await context.route(urlGlob, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: typeof html === 'string' ? html : html() }),
  );
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** A static file server on 127.0.0.1 (random port) for fixture and demo pages. */
export async function startStaticServer(dir: string): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(dir, path || 'index.html');
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, server, close: () => new Promise((r) => server.close(() => r())) };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
