// Types of scripts/engine-split.mjs (a plain ES module the build loads).
type SplitPlugin = { name: string; enforce: 'pre'; resolveId(id: string): string | null; load(id: string): string | null };
export function engineSplitVite(globals: { readonly tables: string; readonly nlp: string; readonly ui: string }): SplitPlugin;
export function taggerSplitVite(globals: { readonly taggerData: string; readonly taggerLexicon: string; readonly taggerOne: string }): SplitPlugin;
