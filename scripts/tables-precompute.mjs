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
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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

/**
 * The CLI's form (\`sidecar\`): the packed tries in a file next to the bundle, read one table at a
 * time when the engine first uses it, and the module replacing precompiled-tables.ts only an index
 * into that file. The tables were 810 kB of the CLI's 2.2 MB: read, kept as a string and copied
 * into V8's code cache at every start, when one check uses some of them (192 kB for a corpus draft
 * in English, 9 kB for one in Japanese). Each entry in the file is its key, a tab and the packed
 * trie in ASCII (JSON escapes), on its own line, after the build's id: what is read is checked
 * against both, and a
 * table that cannot be read (a file missing, or of another build) compiles at first use as in the
 * sources, the same trie.
 */
export async function tablesSidecar(file) {
  const tables = await packedOnce();
  // eslint-disable-next-line no-control-regex
  const ascii = (s) => s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // Which build wrote the file, in every entry: a file left from another build is not read.
  const build = createHash('sha256').update(JSON.stringify(tables)).digest('hex').slice(0, 16);
  let text = '';
  const index = {};
  for (const [key, packed] of Object.entries(tables)) {
    const line = `${build} ${key}\t${ascii(packed)}`;
    if (line.includes('\n')) throw new Error(`tables precompute: a packed table holds a line break: ${key}`);
    index[key] = [text.length, line.length];
    text += line + '\n';
  }
  // bin/ holds only built files (all ignored by git): a fresh clone has no such folder.
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  const name = JSON.stringify(basename(file));
  return `// Built by scripts/tables-precompute.mjs: the catalogue's compiled phrase tables are in ${name}
// next to this bundle, each read when the engine first uses it (tablesSidecar).
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
const INDEX = ${JSON.stringify(index)};
const read = (key) => {
  const [at, length] = INDEX[key];
  let fd;
  try {
    fd = openSync(join(__dirname, ${name}), 'r');
    const buf = Buffer.allocUnsafe(length);
    if (readSync(fd, buf, 0, length, at) !== length) return undefined;
    const line = buf.toString('latin1');
    // Another build's file: the table compiles at first use instead.
    const head = ${JSON.stringify(build + ' ')} + key + '\\t';
    return line.startsWith(head) ? line.slice(head.length) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};
const tables = {};
for (const key of Object.keys(INDEX)) Object.defineProperty(tables, key, { enumerable: true, get: () => read(key) });
export const PRECOMPILED_TABLES = Object.freeze(tables);
`;
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

/** esbuild plugin (the CLI, with \`sidecar\`: the file the tables are written to, next to the bundle). */
export function tablesPrecomputeEsbuild({ sidecar } = {}) {
  return {
    name: 'nemawashi-tables-precompute',
    setup(b) {
      b.onLoad({ filter: /precompiled-tables\.ts$/ }, async (args) =>
        isTablesModule(args.path) ? { contents: await (sidecar ? tablesSidecar(sidecar) : tablesModuleSource()), loader: 'js' } : undefined,
      );
    },
  };
}
