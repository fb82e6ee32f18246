import { defineConfig } from 'wxt';

// See DESIGN.md: the smallest permissions that work. Host access only to the webmail
// sites we support; other sites are asked for at runtime (optional_host_permissions).
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Nemawashi',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
  },
});
