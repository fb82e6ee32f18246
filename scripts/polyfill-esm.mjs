/**
 * webextension-polyfill as an ES module (a build plugin for wxt.config.ts).
 *
 * The polyfill is a UMD file that sets `module.exports`. `@wxt-dev/webextension-polyfill` imports
 * its default export, and the bundler's CommonJS interop (`__toESM`) then copies every own property
 * of that export onto a namespace object, reading each property's descriptor. Where the browser
 * has a native `browser` namespace (Chromium 128+, Firefox), the polyfill exports that object
 * itself, and Chromium creates each extension API's bindings lazily, on first access: reading the
 * descriptors created all of them (`app`, `runtime`, `storage`, `i18n`, …) in every webmail tab at
 * page load, 3–16 ms of the content script's start in CPU profiles (issue 12).
 *
 * Here the same file is given to the bundler as an ES module: `module` and `exports` are local
 * objects, so the UMD header takes its CommonJS branch exactly as before, and the default export
 * is `module.exports` itself: no copy, no descriptor read. The polyfill's code is not changed; it
 * runs only where the browser has no native namespace (see polyfillEsm).
 */
const POLYFILL = /[\\/]node_modules[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(?:\.min)?\.js$/;

export function polyfillEsm(code) {
  // The file's source map is for the file as published: lines are added above, so it is dropped.
  const body = code.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  // The polyfill's own first choice, made before its code is run: where the browser has a native
  // `browser` namespace (the polyfill then exports that object and nothing else of it is used),
  // its 29 kB are in a function that is never called, which V8 only pre-parses: the content script
  // compiles that much less at page load in every webmail tab.
  return [
    'const module = { exports: {} };',
    'const exports = module.exports;',
    'function polyfill() {',
    body,
    '}',
    'if (globalThis.chrome && globalThis.chrome.runtime && globalThis.chrome.runtime.id && globalThis.browser && globalThis.browser.runtime && globalThis.browser.runtime.id) module.exports = globalThis.browser;',
    'else polyfill();',
    'export default module.exports;',
    '',
  ].join('\n');
}

export function polyfillEsmVite() {
  return {
    name: 'nemawashi:polyfill-esm',
    enforce: 'pre',
    transform(code, id) {
      if (!POLYFILL.test(id.split('?')[0])) return null;
      return { code: polyfillEsm(code), map: null };
    },
  };
}
