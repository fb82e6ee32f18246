// Types of scripts/compromise-precompute.mjs (a plain ES module the builds load).
import type { Plugin as EsbuildPlugin } from 'esbuild';

export const COMPROMISE_SRC: string;
export const COMPROMISE_TWO_ID: string;
export const COMPROMISE_DATA_ID: string;
export const COMPROMISE_DATA_NAMES: readonly string[];
/** A Vite/Rollup plugin (typed loosely: WXT brings its own Vite): the data in a module of its own (the extension). */
export function compromisePrecomputeVite(): { name: string; enforce: 'pre'; resolveId(id: string): string | null; load(id: string): Promise<string | null> | string | null };
/** `dataModule`: the data in a module of its own (COMPROMISE_DATA_ID), as the extension builds it; by default in the modules (the CLI). */
export function compromisePrecomputeEsbuild(options?: { dataModule?: boolean }): EsbuildPlugin;
