import { defineConfig } from 'wxt';
import { compromisePrecomputeVite } from './scripts/compromise-precompute.mjs';
import { tablesPrecomputeVite } from './scripts/tables-precompute.mjs';
import { engineSplitVite, taggerSplitVite } from './scripts/engine-split.mjs';
import { polyfillEsmVite } from './scripts/polyfill-esm.mjs';
import { asciiOutputVite } from './scripts/ascii-output.mjs';
import { ENGINE_PART_GLOBALS } from './src/content/engine-api';

// See DESIGN.md: the smallest permissions that work. Host access only to the webmail
// sites we support; other sites are asked for at runtime (optional_host_permissions).
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

// `npm start` and the e2e tests build with NEMAWASHI_DEMO=1, which also runs the content script
// on the bundled demo page served from this machine. The production build (`npm run build`) has no
// localhost access (tests/manifest.test.ts).
const DEMO_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];
const TOOLBAR_ICON = { 16: 'icon/16.png', 32: 'icon/32.png' };
const demoBuild = process.env.NEMAWASHI_DEMO === '1';

export default defineConfig({
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (demoBuild) for (const cs of manifest.content_scripts ?? []) cs.matches = [...(cs.matches ?? []), ...DEMO_ORIGINS];
      // The engine is injected by the background (scripting.executeScript) where the content
      // script runs, which needs host access to those pages: the content script's own matches,
      // no more (the install prompt names the same sites either way).
      const hosts = [...new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.matches ?? []))].sort();
      if (manifest.manifest_version === 3) manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...hosts])];
      else manifest.permissions = [...new Set([...(manifest.permissions ?? []), ...hosts])];
    },
    // The engine script takes the tagger, the phrase tables and the compose UI from the scripts
    // injected before it, and the tagger script takes compromise's data and compromise/one's code
    // from the ones before it (src/content/engine-api.ts, ENGINE_SCRIPT_STEPS; scripts/engine-split.mjs).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.name === 'engine')) config.plugins = [engineSplitVite(ENGINE_PART_GLOBALS), ...(config.plugins ?? [])];
      if (entrypoints.some((e) => e.name === 'engine-tagger')) config.plugins = [taggerSplitVite(ENGINE_PART_GLOBALS), ...(config.plugins ?? [])];
    },
  },
  // compromise's lexicon and the rules' phrase tables computed at build time, not at every start
  // of the engine (compromise's tables read in place, as in the CLI: filling in its 25,000-word
  // lexicon was ~35 ms of a cold compose's main thread); the browser-API polyfill bundled as an ES module (scripts/polyfill-esm.mjs:
  // no interop copy that creates every API binding at page load); every script written in ASCII
  // (scripts/ascii-output.mjs: V8 keeps it as one-byte text) (issue 12).
  // NEMAWASHI_UNMINIFIED=1 keeps the names in the scripts, for reading CPU profiles (the benches'
  // BENCH_PROFILE); the figures are always taken on the minified build.
  vite: () => ({
    plugins: [polyfillEsmVite(), compromisePrecomputeVite(), tablesPrecomputeVite(), asciiOutputVite()],
    ...(process.env.NEMAWASHI_UNMINIFIED === '1' ? { build: { minify: false } } : {}),
  }),
  srcDir: '.',
  // A separate output folder per checkout or test run (NEMAWASHI_OUT_DIR) lets builds run side by side.
  outDir: process.env.NEMAWASHI_OUT_DIR ?? '.output',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  // `npm run zip`: nemawashi-<version>-chrome.zip (Chrome Web Store, Edge Add-ons),
  // nemawashi-<version>-firefox.zip and nemawashi-<version>-sources.zip (addons.mozilla.org asks
  // for the sources of a bundled add-on; README "Building from source" is how to rebuild it).
  zip: {
    artifactTemplate: 'nemawashi-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'nemawashi-{{version}}-sources.zip',
    // Pictures made by the tests, the demo and store-assets are not sources.
    excludeSources: ['store/screenshots/**', 'demo-screenshots/**', 'tests/e2e/screenshots/**', 'coverage/**'],
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and history. scripting: run the content script on the sites the user
    // adds in the options (registerContentScripts). activeTab: the popup reads the address of
    // the tab it was opened on, for "Turn off on this site" (no install warning, no host access).
    permissions: ['storage', 'scripting', 'activeTab'],
    // Other sites are asked for one at a time, at runtime, when the user adds them (options page).
    optional_host_permissions: OPTIONAL_HOSTS,
    // The toolbar button: the tile icon (public/icon/, drawn by scripts/icons.mjs) reads on light
    // and dark toolbars; Firefox also gets one-colour light/dark variants (theme_icons, found by WXT).
    ...(manifestVersion === 2
      ? {
          browser_action: {
            default_icon: TOOLBAR_ICON,
            theme_icons: [16, 32].map((size) => ({ light: `icon/light-${size}.png`, dark: `icon/dark-${size}.png`, size })),
          },
        }
      : { action: { default_icon: TOOLBAR_ICON } }),
    // The organisation's policy (storage.managed, docs/admin.md). Chrome and Edge validate it
    // against this schema; Firefox has no managed_schema and reads policies.json as it is.
    ...(browser !== 'firefox' ? { storage: { managed_schema: 'managed-schema.json' } } : {}),
    // WXT drops optional_host_permissions from an MV2 build without converting it; Firefox's
    // MV2 reads optional hosts from optional_permissions (tests/manifest.test.ts).
    ...(manifestVersion === 2 ? { optional_permissions: OPTIONAL_HOSTS } : {}),
    // addons.mozilla.org and `web-ext lint` want an add-on id and a data-collection statement:
    // Nemawashi collects nothing (SECURITY.md).
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'nemawashi@nemawashi', data_collection_permissions: { required: ['none' as const] } } } }
      : {}),
  }),
});
