// Types of scripts/tables-precompute.mjs (a plain ES module the builds and a test load).
import type { Plugin as EsbuildPlugin } from 'esbuild';

export const TABLES_MODULE: string;
/** Every phrase table of the catalogue, compiled and packed, by `tableKey`. */
export function computePackedTables(): Promise<Record<string, string>>;
export function tablesModuleSource(): Promise<string>;
/** A Vite/Rollup plugin (typed loosely: WXT brings its own Vite). */
export function tablesPrecomputeVite(): { name: string; enforce: 'pre'; load(id: string): Promise<string | null> };
/** Writes the packed tables to `file` (one a line) and returns the module that reads them from it, beside the bundle. */
export function tablesSidecar(file: string): Promise<string>;
/** `sidecar`: the tables in that file, beside the bundle, read per table (the CLI's build). */
export function tablesPrecomputeEsbuild(options?: { sidecar?: string }): EsbuildPlugin;
