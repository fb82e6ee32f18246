/**
 * The catalogue's phrase tables, compiled at build time instead of in the user's tab (issue 12).
 *
 * The rules' phrase tables expand to ~70,000 trie nodes; compiling them was most of the engine's
 * warm-up when the first compose opened (about 200 ms in Node, more in a tab) and a large part of
 * the CLI's start. The tries depend only on the sources, so the builds (wxt.config.ts for the
 * extension, scripts/build-cli.mjs for the CLI) run the engine once here, in Node, compile every
 * table and replace src/engine/precompiled-tables.ts with the packed tries, keyed by the table's
 * patterns (`tableKey`). A table the build did not see (the user's own phrases) or whose patterns
 * changed compiles at first use as before. tests/tables-precomputed.test.ts checks that every
 * packed trie matches exactly as the table compiled at run time.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TABLES_MODULE = join(ROOT, 'src/engine/precompiled-tables.ts');

/** Bundles the engine with its catalogue into a temporary module, imports it and packs the tables. */
export async function computePackedTables() {
  // Inside the project, so the bundle's external packages resolve from its node_modules.
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'node_modules/.cache/nemawashi-tables-'));
  try {
    const out = join(dir, 'tables.mjs');
    await build({
      stdin: {
        contents: "import './src/nemawashi';\nexport { packDefinedTables } from './src/engine/phrases';\n",
        resolveDir: ROOT,
        loader: 'ts',
      },
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // The tables do not need the tagger: the real library, loaded but not used.
      packages: 'external',
      logLevel: 'warning',
    });
    const mod = await import(pathToFileURL(out).href);
    return mod.packDefinedTables();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let packed;
function packedOnce() {
  packed ??= computePackedTables();
  return packed;
}

/** The module that replaces src/engine/precompiled-tables.ts in a build. */
export async function tablesModuleSource() {
  const tables = await packedOnce();
  // Each packed trie is JSON, full of double quotes: as single-quoted literals they need almost no
  // escapes, which halves the time to compile the module (measured with vm.Script).
  const quote = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
  const body = Object.entries(tables).map(([key, packed]) => `  ${JSON.stringify(key)}: ${quote(packed)},`).join('\n');
  return `// Built by scripts/tables-precompute.mjs: the catalogue's compiled phrase tables.\nexport const PRECOMPILED_TABLES = {\n${body}\n};\n`;
}

const isTablesModule = (id) => id.split('?')[0] === TABLES_MODULE;

/** Rollup/Vite (WXT) plugin. */
export function tablesPrecomputeVite() {
  return {
    name: 'nemawashi-tables-precompute',
    enforce: 'pre',
    async load(id) {
      return isTablesModule(id) ? tablesModuleSource() : null;
    },
  };
}

/** esbuild plugin (the CLI). */
export function tablesPrecomputeEsbuild() {
  return {
    name: 'nemawashi-tables-precompute',
    setup(b) {
      b.onLoad({ filter: /precompiled-tables\.ts$/ }, async (args) =>
        isTablesModule(args.path) ? { contents: await tablesModuleSource(), loader: 'js' } : undefined,
      );
    },
  };
}
