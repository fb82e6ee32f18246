// Types of scripts/engine-split.mjs (a plain ES module the build loads).
export function engineSplitVite(globals: { readonly tables: string; readonly nlp: string }): { name: string; enforce: 'pre'; resolveId(id: string): string | null; load(id: string): string | null };
