// Types of scripts/compromise-precompute.mjs (a plain ES module the builds load).
import type { Plugin as EsbuildPlugin } from 'esbuild';

export const COMPROMISE_SRC: string;
export const COMPROMISE_TWO_ID: string;
export const COMPROMISE_DATA_ID: string;
export const COMPROMISE_DATA_NAMES: readonly string[];
/** A Vite/Rollup plugin (typed loosely: WXT brings its own Vite). */
export function compromisePrecomputeVite(options?: { lazyTables?: boolean }): { name: string; enforce: 'pre'; resolveId(id: string): string | null; load(id: string): Promise<string | null> | string | null };
/**
 * `lazyTables`: the tables read in place instead of filled in (the CLI's and the extension's
 * builds); `dataModule`: the data in a module of its own (COMPROMISE_DATA_ID; default: when not
 * `lazyTables`).
 */
export function compromisePrecomputeEsbuild(options?: { lazyTables?: boolean; dataModule?: boolean }): EsbuildPlugin;
