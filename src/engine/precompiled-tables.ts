/**
 * The catalogue's phrase tables, compiled at build time (issue 12): the builds of the extension and
 * of the CLI replace this module with the packed tries (scripts/tables-precompute.mjs), keyed by
 * `tableKey`. Here, as the sources run (unit tests, `npm run cli`), there are none and every table
 * is compiled on first use.
 */
export const PRECOMPILED_TABLES: Readonly<Record<string, string>> | undefined = undefined;
