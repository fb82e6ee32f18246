/**
 * The store packages `npm run zip` makes (production build): named with the version from
 * package.json (the one place it is kept), the Chrome package's permissions exactly those
 * SECURITY.md lists and explains, the icons the stores ask for at their real sizes, the managed
 * schema shipped, and a Firefox sources zip a reviewer can rebuild from.
 *
 * Set NEMAWASHI_PACKAGE_OUT to a folder where `npm run zip` already ran to skip the builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, process.env.NEMAWASHI_PACKAGE_OUT ?? '.output-package');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

type Manifest = {
  version: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string>; theme_icons?: Array<{ light: string; dark: string; size: number }> };
  storage?: { managed_schema?: string };
};

const zips: Record<'chrome' | 'firefox' | 'sources', JSZip> = {} as never;

beforeAll(async () => {
  if (!process.env.NEMAWASHI_PACKAGE_OUT) {
    for (const args of [['zip'], ['zip', '-b', 'firefox']]) {
      // The production build: never the demo variant, whatever the caller's environment says.
      execFileSync('npx', ['wxt', ...args], { cwd: ROOT, env: { ...process.env, NEMAWASHI_OUT_DIR: OUT, NEMAWASHI_DEMO: '' }, stdio: 'pipe' });
    }
  }
  for (const kind of ['chrome', 'firefox', 'sources'] as const) {
    const file = join(OUT, `nemawashi-${version}-${kind}.zip`);
    expect(existsSync(file), file).toBe(true);
    zips[kind] = await JSZip.loadAsync(readFileSync(file));
  }
}, 240_000);

async function manifestOf(kind: 'chrome' | 'firefox'): Promise<Manifest> {
  return JSON.parse(await zips[kind].file('manifest.json')!.async('string')) as Manifest;
}

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(zip: JSZip, path: string): Promise<[number, number]> {
  const file = zip.file(path);
  if (!file) throw new Error(`${path} is not in the package`);
  const bytes = await file.async('uint8array');
  expect([...bytes.slice(1, 4)].map((c) => String.fromCharCode(c)).join(''), path).toBe('PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
}

/** What SECURITY.md's "Permissions, and why" table says the production package asks for. */
function permissionsInSecurityMd(): { api: string[]; hosts: string[]; optional: string[] } {
  const text = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');
  const table = text.slice(text.indexOf('## Permissions, and why'));
  const rows = [...table.matchAll(/^\| ([^|\n]+) \|/gm)].map((m) => m[1]!.trim()).filter((c) => c !== 'permission' && !/^-+$/.test(c));
  const ticks = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const api: string[] = [];
  const hosts: string[] = [];
  const optional: string[] = [];
  for (const cell of rows) {
    // The demo page's origins are only in the demo build, which is not a package.
    if (/localhost|127\.0\.0\.1/.test(cell)) continue;
    if (cell.startsWith('optional')) optional.push(...ticks(cell));
    else if (cell.startsWith('host access')) hosts.push(...ticks(cell).map((host) => `https://${host}/*`));
    else api.push(...ticks(cell));
  }
  return { api: api.sort(), hosts: hosts.sort(), optional: optional.sort() };
}

describe('npm run zip', () => {
  it('names every package with the version kept in package.json, which the manifests carry', async () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await manifestOf('chrome')).version).toBe(version);
    expect((await manifestOf('firefox')).version).toBe(version);
    // CHANGELOG.md has a section for the version being packaged.
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm'));
  });

  it('the Chrome package asks for exactly the permissions SECURITY.md lists, and no more', async () => {
    const m = await manifestOf('chrome');
    const documented = permissionsInSecurityMd();
    expect(documented.api.length).toBeGreaterThan(0);
    expect([...(m.permissions ?? [])].sort()).toEqual(documented.api);
    // The content script's sites, also as host_permissions: the background injects the engine
    // script there when a compose opens (scripting.executeScript needs host access).
    expect([...(m.host_permissions ?? [])].sort()).toEqual(documented.hosts);
    expect([...new Set((m.content_scripts ?? []).flatMap((c) => c.matches))].sort()).toEqual(documented.hosts);
    expect([...(m.optional_host_permissions ?? [])].sort()).toEqual(documented.optional);
  });

  it('carries the icons the stores ask for, at their real sizes, on the toolbar too', async () => {
    for (const kind of ['chrome', 'firefox'] as const) {
      const m = await manifestOf(kind);
      // Chrome Web Store and Edge: 16, 32, 48, 128; addons.mozilla.org: 48 and 96.
      for (const size of [16, 32, 48, 96, 128]) {
        const path = m.icons?.[String(size)];
        expect(path, `${kind} icons.${size}`).toBeDefined();
        expect(await pngSize(zips[kind], path!)).toEqual([size, size]);
      }
      const toolbar = kind === 'chrome' ? m.action?.default_icon : m.browser_action?.default_icon;
      expect(toolbar).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png' });
    }
    // Firefox switches the toolbar icon with the theme: a light one on dark toolbars and back.
    const themeIcons = (await manifestOf('firefox')).browser_action?.theme_icons ?? [];
    expect(themeIcons.map((t) => t.size)).toEqual([16, 32]);
    for (const t of themeIcons) {
      expect(await pngSize(zips.firefox, t.light)).toEqual([t.size, t.size]);
      expect(await pngSize(zips.firefox, t.dark)).toEqual([t.size, t.size]);
    }
  });

  it('the Chrome package declares and ships the managed-policy schema', async () => {
    const m = await manifestOf('chrome');
    expect(m.storage?.managed_schema).toBe('managed-schema.json');
    const shipped = await zips.chrome.file('managed-schema.json')!.async('string');
    expect(JSON.parse(shipped)).toEqual(JSON.parse(readFileSync(join(ROOT, 'public/managed-schema.json'), 'utf8')));
    // Firefox has no managed_schema key (web-ext lint would warn); it reads policies.json as it is.
    expect((await manifestOf('firefox')).storage).toBeUndefined();
  });

  it('the sources zip holds what a reviewer needs to rebuild the Firefox package, and no build output', () => {
    const names = Object.keys(zips.sources.files);
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'entrypoints/content.ts', 'src/engine/analyze.ts', 'public/managed-schema.json']) {
      expect(names, needed).toContain(needed);
    }
    expect(names.filter((n) => /^(?:node_modules|\.output|\.wxt|store\/screenshots|demo-screenshots)\//.test(n))).toEqual([]);
  });
});
