// Types of scripts/polyfill-esm.mjs (a plain ES module the build loads).
export function polyfillEsm(code: string): string;
export function polyfillEsmVite(): { name: string; enforce: 'pre'; transform(code: string, id: string): { code: string; map: null } | null };
