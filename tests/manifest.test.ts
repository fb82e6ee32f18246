/**
 * The built manifests ask for the smallest permissions that work and allow no remote code
 * (DESIGN.md: local only; issue 5). Both builds are made here, into their own output folder,
 * so the test reads what would ship rather than what wxt.config.ts seems to say.
 *
 * Set NEMAWASHI_MANIFEST_OUT to an existing output folder to skip the builds (it must hold
 * chrome-mv3/ and firefox-mv2/).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { webmailMatchPatterns } from '../src/webmail/hosts';
import { ENGINE_PART_GLOBALS, ENGINE_SCRIPT_FILES, ENGINE_SCRIPT_STEPS } from '../src/content/engine-api';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, process.env.NEMAWASHI_MANIFEST_OUT ?? '.output-manifest');

/**
 * Where people write email with Nemawashi out of the box: Gmail and Outlook on the web
 * (outlook.cloud.microsoft is where outlook.office.com redirects work accounts today). Spelled
 * out here, not read from src/webmail/hosts.ts, so a host dropped there fails this test.
 */
const WEBMAIL_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.cloud.microsoft/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
];
/** Any other site is asked for at runtime, one at a time, from the options page. */
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];
/**
 * storage: settings and the first-contact history. scripting: registerContentScripts for the
 * sites the user adds. activeTab: the popup reads the current tab's address ("turn off on this
 * site") with no install warning and no standing host access.
 */
const PERMISSIONS = ['activeTab', 'scripting', 'storage'];

type Manifest = Record<string, unknown> & {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; js?: string[]; all_frames?: boolean; match_about_blank?: boolean; match_origin_as_fallback?: boolean }>;
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: Array<string | { resources: string[]; matches?: string[]; extension_ids?: string[] }>;
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
};

const manifests: Record<'chrome' | 'firefox', { dir: string; manifest: Manifest }> = {} as never;

function build(browser: 'chrome' | 'firefox') {
  execFileSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], {
    cwd: ROOT,
    // The production build: never the demo variant, whatever the caller's environment says.
    env: { ...process.env, NEMAWASHI_OUT_DIR: OUT, NEMAWASHI_DEMO: '' },
    stdio: 'pipe',
  });
}

beforeAll(() => {
  for (const [browser, folder] of [['chrome', 'chrome-mv3'], ['firefox', 'firefox-mv2']] as const) {
    if (!process.env.NEMAWASHI_MANIFEST_OUT) build(browser);
    const dir = join(OUT, folder);
    expect(existsSync(join(dir, 'manifest.json')), `${dir}/manifest.json`).toBe(true);
    manifests[browser] = { dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest };
  }
}, 240_000);

const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort();
const isHostPattern = (p: string) => p === '<all_urls>' || p.includes('://');

/** Every host the extension can read without asking: host permissions and content script matches. */
function standingHosts(m: Manifest): string[] {
  const fromPermissions = [...(m.host_permissions ?? []), ...(m.permissions ?? []).filter(isHostPattern)];
  const fromScripts = (m.content_scripts ?? []).flatMap((c) => c.matches);
  return sorted([...new Set([...fromPermissions, ...fromScripts])]);
}

/** Directives of a CSP string: "script-src 'self'; object-src 'self'" → { 'script-src': ["'self'"], ... }. */
function parseCsp(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}

function expectNoRemoteCode(csp: string | undefined, where: string) {
  // No CSP key means the platform default, which allows only the extension's own scripts.
  if (csp === undefined) return;
  const d = parseCsp(csp);
  const script = d['script-src'] ?? d['default-src'];
  expect(script, `${where}: script-src`).toBeDefined();
  for (const source of script!) {
    // 'wasm-unsafe-eval' is the MV3 default and runs no text as code; everything else is local only.
    expect(["'self'", "'wasm-unsafe-eval'", "'none'"], `${where}: script-src ${source}`).toContain(source);
  }
  expect(csp, where).not.toMatch(/'unsafe-eval'|'unsafe-inline'|https?:|\*/);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

describe.each(['chrome', 'firefox'] as const)('%s manifest', (browser) => {
  it('asks for exactly the minimal permissions', () => {
    const m = manifests[browser].manifest;
    expect(sorted((m.permissions ?? []).filter((p) => !isHostPattern(p)))).toEqual(PERMISSIONS);
  });

  it('reads only the webmail hosts without asking; other sites are optional', () => {
    const m = manifests[browser].manifest;
    expect(standingHosts(m)).toEqual(WEBMAIL_HOSTS);
    const optional =
      m.manifest_version === 3 ? m.optional_host_permissions : (m.optional_permissions ?? []).filter(isHostPattern);
    // Without the optional hosts, "add this site" in the options cannot ask for them.
    expect(sorted(optional)).toEqual(OPTIONAL_HOSTS);
    expect(sorted((m.optional_permissions ?? []).filter((p) => !isHostPattern(p)))).toEqual([]);
  });

  it('can inject the engine wherever the content script runs, and exposes it to no page', () => {
    const { dir, manifest: m } = manifests[browser];
    // The engine script is injected with scripting.executeScript, which needs host access to
    // the page: exactly the content script's matches (standingHosts above bounds them).
    const hosts = m.manifest_version === 3 ? (m.host_permissions ?? []) : (m.permissions ?? []).filter(isHostPattern);
    expect(sorted(hosts)).toEqual(sorted((m.content_scripts ?? []).flatMap((c) => c.matches)));
    for (const file of ENGINE_SCRIPT_FILES) expect(existsSync(join(dir, file)), file).toBe(true);
    // Injected by the background, never loaded by URL from the page's side.
    for (const w of m.web_accessible_resources ?? []) {
      const resources = typeof w === 'string' ? [w] : w.resources;
      expect(resources.join(' ')).not.toMatch(/engine|\*/);
    }
  });

  it('loads only the compose watcher, the adapters, the settings and the overlay host at page load (no engine, no compose UI, <= 40 kB gzip)', () => {
    const { dir, manifest: m } = manifests[browser];
    for (const file of (m.content_scripts ?? []).flatMap((c) => c.js ?? [])) {
      const code = readFileSync(join(dir, file));
      // Issue 12's budget for what every webmail tab loads whether or not a draft is ever open.
      expect(gzipSync(code, { level: 9 }).length, `${file} gzip bytes`).toBeLessThanOrEqual(40 * 1024);
      // A rule id and the tagger's lexicon are in the engine's scripts only; so are the badge, the
      // card's highlights and the check-at-Send dialog (src/content/compose-ui.ts, engine-ui.js).
      const text = code.toString('utf8');
      expect(text, file).not.toContain('ja/contract-on-first-contact');
      expect(text, file).not.toContain('Imperative');
      expect(text, file).not.toContain('nemawashi-badge');
      expect(text, file).not.toContain('nemawashi-send-check');
    }
    const engine = readFileSync(join(dir, 'engine.js'), 'utf8');
    expect(engine).toContain('ja/contract-on-first-contact');
    const ui = readFileSync(join(dir, 'engine-ui.js'), 'utf8');
    expect(ui).toContain('nemawashi-badge');
    expect(ui).toContain('nemawashi-send-check');
    expect(engine).not.toContain('nemawashi-badge');
    expect(ui).not.toContain('ja/contract-on-first-contact');
  });

  it('writes every script in ASCII (scripts/ascii-output.mjs: V8 keeps it as one-byte text)', () => {
    const { dir, manifest: m } = manifests[browser];
    const files = [...(m.content_scripts ?? []).flatMap((c) => c.js ?? []), ...ENGINE_SCRIPT_FILES];
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(/[\u0080-\uffff]/.exec(text)?.[0], file).toBeUndefined();
    }
  });

  it('splits the engine into seven scripts, each compiled in its own task: the data and code of compromise, the tagger, the tables and the compose UI, then the engine', () => {
    const { dir } = manifests[browser];
    // compromise's data and code first, then the tagger: its preparation starts while the rest is injected (engine-loader.ts).
    expect(ENGINE_SCRIPT_STEPS.map((step) => [...step])).toEqual([['/engine-tagger-lexicon.js', '/engine-tagger-one.js', '/engine-tagger-data.js'], ['/engine-tagger.js'], ['/engine-tables.js', '/engine-ui.js'], ['/engine.js']]);
    expect([...ENGINE_SCRIPT_FILES]).toEqual(ENGINE_SCRIPT_STEPS.flat());
    const [lexicon, one, data, tagger, tables, ui, engine] = ENGINE_SCRIPT_FILES.map((f) => readFileSync(join(dir, f), 'utf8'));
    // The engine script bundles neither the tagger, the tables nor the compose UI: it reads the
    // globals the scripts before it leave (src/content/engine-api.ts; scripts/engine-split.mjs spells them too).
    for (const name of [ENGINE_PART_GLOBALS.nlp, ENGINE_PART_GLOBALS.tables, ENGINE_PART_GLOBALS.ui]) expect(engine!.includes(`globalThis.${name}`), name).toBe(true);
    expect(ui!.includes(ENGINE_PART_GLOBALS.ui)).toBe(true);
    // The tagger script reads compromise's data and compromise/one from the first step's globals, and holds none of them.
    for (const name of [ENGINE_PART_GLOBALS.taggerData, ENGINE_PART_GLOBALS.taggerLexicon, ENGINE_PART_GLOBALS.taggerOne]) expect(tagger!.includes(`globalThis.${name}`), name).toBe(true);
    expect(data!.includes(ENGINE_PART_GLOBALS.taggerData)).toBe(true);
    expect(lexicon!.includes(ENGINE_PART_GLOBALS.taggerLexicon)).toBe(true);
    expect(one!.includes(ENGINE_PART_GLOBALS.taggerOne)).toBe(true);
    // compromise/two's tagger steps by name: in the tagger script only.
    for (const [name, text] of Object.entries({ engine, tables, data, lexicon, one, ui })) expect(text!.includes('postTagger'), name).toBe(false);
    expect(tagger!.includes('postTagger')).toBe(true);
    // compromise/one's code (here a method name of its tokenizer) only in its script.
    expect(one!.includes('killUnicode')).toBe(true);
    for (const [name, text] of Object.entries({ engine, tables, data, lexicon, tagger, ui })) expect(text!.includes('killUnicode'), name).toBe(false);
    // The tag set computed at build time (a tag's JSON) only in the data script, the lexicon (a
    // word of one of its packed buckets) only in the lexicon's.
    expect(data!.includes('"Singular":{"is":"Noun"')).toBe(true);
    for (const [name, text] of Object.entries({ lexicon, tagger, one })) expect(text!.includes('"Singular":{"is":"Noun"'), name).toBe(false);
    expect(lexicon!.includes(' acted acts acting ')).toBe(true);
    for (const [name, text] of Object.entries({ data, tagger, one })) expect(text!.includes(' acted acts acting '), name).toBe(false);
    // The packed tables (a rule's phrase as a token of a trie) only in the tables script.
    expect(tables!.includes('"reaching"')).toBe(true);
    expect(engine!.includes('"reaching"')).toBe(false);
    expect([lexicon, one, data, tagger, tables, ui, engine].reduce((n, t) => n + t!.length, 0)).toBeGreaterThan(1_000_000);
    // No script holds most of the engine's code (each compiles in its own task; the tables and
    // the tagger's data are data, which compiles several times faster per byte than code).
    expect(engine!.length, 'engine.js').toBeLessThan(400_000);
    for (const [name, text] of Object.entries({ one, tagger, ui })) expect(text!.length, name).toBeLessThan(150_000);
    expect(data!.length, 'engine-tagger-data.js').toBeLessThan(400_000);
    expect(lexicon!.length, 'engine-tagger-lexicon.js').toBeLessThan(800_000);
    expect(tables!.length, 'engine-tables.js').toBeLessThan(1_200_000);
  });

  it('runs in every frame of the webmail pages, pop-out composes the page renders into a frame of its own included', () => {
    const m = manifests[browser].manifest;
    expect(m.content_scripts).toHaveLength(1);
    const cs = m.content_scripts![0]!;
    expect(sorted(cs.matches)).toEqual(WEBMAIL_HOSTS);
    expect(cs.all_frames).toBe(true);
    expect(cs.match_about_blank).toBe(true);
    // Chromium: also blob:/data: frames of those pages. Firefox's MV2 build leaves the key out
    // (web-ext lint: `npm run lint:firefox`).
    if (browser === 'chrome') expect(cs.match_origin_as_fallback).toBe(true);
    else expect(cs.match_origin_as_fallback).toBeUndefined();
  });

  it('lists the same hosts as src/webmail/hosts.ts (the adapters and the options page read it)', () => {
    expect(sorted(webmailMatchPatterns())).toEqual(WEBMAIL_HOSTS);
  });

  it('allows no remote code', () => {
    const m = manifests[browser].manifest;
    const csp = m.content_security_policy;
    if (typeof csp === 'string') expectNoRemoteCode(csp, 'content_security_policy');
    else {
      expectNoRemoteCode(csp?.extension_pages, 'extension_pages');
      expect(csp?.sandbox, 'no sandbox pages').toBeUndefined();
    }
    expect(m.sandbox, 'no sandbox pages').toBeUndefined();
  });

  it('is closed to web pages and other extensions', () => {
    const m = manifests[browser].manifest;
    expect(m.externally_connectable).toBeUndefined();
    // A resource exposed to all URLs lets any page fingerprint the extension (and frame it).
    for (const w of m.web_accessible_resources ?? []) {
      const matches = typeof w === 'string' ? ['<all_urls>'] : (w.matches ?? []);
      for (const match of matches) expect(WEBMAIL_HOSTS, `web_accessible_resources match ${match}`).toContain(match);
    }
    expect(m.update_url).toBeUndefined();
  });

  it('listens to no other extension: no onMessageExternal or onConnectExternal listener in what it ships', () => {
    // Without externally_connectable any other extension may message us; with no external
    // listener those messages go nowhere (SECURITY.md). The polyfill names the events in its
    // API table; what must never appear is a listener being added to one.
    const { dir } = manifests[browser];
    const problems: string[] = [];
    for (const file of listFiles(dir).filter((f) => /\.(?:js|mjs)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/on(?:Message|Connect)External\s*\)?\s*\.\s*addListener|\[\s*["'`]on(?:Message|Connect)External["'`]\s*\]\s*\.\s*addListener/g)) {
        problems.push(`${file.slice(dir.length + 1)}: ${m[0]}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('ships no code that talks to the network or evaluates strings', () => {
    const { dir } = manifests[browser];
    const problems: string[] = [];
    for (const file of listFiles(dir).filter((f) => /\.(?:js|mjs|html)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      for (const api of ['XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts', 'new Function', 'eval(']) {
        if (text.includes(api)) problems.push(`${file.slice(dir.length + 1)}: ${api}`);
      }
      // Vite's modulepreload polyfill fetches the extension's own chunks; no other fetch is allowed.
      for (const m of text.matchAll(/fetch\(/g)) {
        const around = text.slice(Math.max(0, m.index - 600), m.index);
        if (!around.includes('modulepreload')) problems.push(`${file.slice(dir.length + 1)}: fetch( at ${m.index}`);
      }
      // Remote scripts or styles in extension pages.
      if (file.endsWith('.html') && /<(?:script|link)[^>]{0,200}(?:src|href)=["']?(?:https?:)?\/\//i.test(text)) {
        problems.push(`${file.slice(dir.length + 1)}: remote script or stylesheet`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('firefox manifest for addons.mozilla.org', () => {
  it('has an add-on id and declares that it collects no data', () => {
    const gecko = manifests.firefox.manifest.browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/^(?:[a-zA-Z0-9._-]{1,80}@[a-zA-Z0-9._-]{1,80}|\{[0-9a-fA-F-]{36}\})$/);
    expect(gecko?.data_collection_permissions?.required).toEqual(['none']);
  });

  it('chrome does not carry Firefox-only keys', () => {
    expect(manifests.chrome.manifest.browser_specific_settings).toBeUndefined();
  });
});
