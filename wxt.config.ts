import { defineConfig } from 'wxt';

// See DESIGN.md: the smallest permissions that work. Host access only to the webmail
// sites we support; other sites are asked for at runtime (optional_host_permissions).
export default defineConfig({
  srcDir: '.',
  // A separate output folder per checkout or test run (NEMAWASHI_OUT_DIR) lets builds run side by side.
  outDir: process.env.NEMAWASHI_OUT_DIR ?? '.output',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
  },
});
