/**
 * scripts/polyfill-esm.mjs: the browser-API polyfill bundled as an ES module (issue 12). Where the
 * browser has a native `browser` namespace, the polyfill's export is that object; the bundler's
 * CommonJS interop used to read the descriptor of each of its properties, which makes Chromium
 * create every API's bindings at page load. The transformed file exports the object itself and
 * touches none of its properties.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { polyfillEsm, polyfillEsmVite } from '../scripts/polyfill-esm.mjs';

const require = createRequire(import.meta.url);
const POLYFILL = require.resolve('webextension-polyfill');

const g = globalThis as { browser?: unknown; chrome?: unknown };
const saved = { browser: g.browser, chrome: g.chrome };
afterEach(() => {
  g.browser = saved.browser;
  g.chrome = saved.chrome;
});

/** A native-like namespace whose APIs count how often they are created (read). */
function nativeNamespace(): { ns: Record<string, unknown>; reads: string[] } {
  const reads: string[] = [];
  const ns: Record<string, unknown> = {};
  for (const api of ['app', 'runtime', 'storage', 'i18n', 'dom']) {
    Object.defineProperty(ns, api, {
      enumerable: true,
      configurable: true,
      get() {
        reads.push(api);
        return api === 'runtime' ? { id: 'abc' } : {};
      },
    });
  }
  return { ns, reads };
}

async function importTransformed(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'polyfill-esm-'));
  try {
    const file = join(dir, 'browser-polyfill.mjs');
    writeFileSync(file, polyfillEsm(readFileSync(POLYFILL, 'utf8')));
    return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the polyfill as an ES module', () => {
  it('exports the native namespace itself, reading only runtime.id as the polyfill does', async () => {
    const { ns, reads } = nativeNamespace();
    g.chrome = { runtime: { id: 'abc' } };
    g.browser = ns;
    const exported = await importTransformed();
    expect(exported).toBe(ns);
    // The polyfill's own check (browser.runtime.id); no other API is created.
    expect([...new Set(reads)]).toEqual(['runtime']);
  });

  it('without a native namespace, exports the polyfill wrapped around chrome, as before', async () => {
    const sendMessage = (...args: unknown[]) => args;
    g.chrome = { runtime: { id: 'abc', sendMessage, lastError: undefined } };
    g.browser = undefined;
    const exported = (await importTransformed()) as { runtime: { id: string } };
    expect(exported.runtime.id).toBe('abc');
    expect(exported).not.toBe(g.chrome);
  });

  it('the build plugin transforms the polyfill file and nothing else', () => {
    const plugin = polyfillEsmVite();
    expect(plugin.transform('x', POLYFILL)?.code).toContain('export default module.exports');
    expect(plugin.transform('x', POLYFILL + '?v=1')?.code).toContain('export default module.exports');
    expect(plugin.transform('x', '/app/node_modules/other/dist/browser-polyfill.js')).toBeNull();
    expect(plugin.transform('x', '/app/src/content/index.ts')).toBeNull();
  });
});
