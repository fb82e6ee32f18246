#!/usr/bin/env node
/**
 * Builds the `nemawashi` command into one JavaScript file, bin/nemawashi-cli.cjs, with its
 * dependencies inside, and copies its launcher (src/cli/launcher.mjs: V8's code cache between
 * runs) to bin/nemawashi.mjs (package.json's "bin"): starting it is loading one file, with no
 * TypeScript compiler at run time. Run by `npm install` / `npm ci` (prepare), before the tests (the unit
 * project's global setup) and by `npm run build:cli`.
 */
import { build } from 'esbuild';
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compromisePrecomputeEsbuild } from './compromise-precompute.mjs';
import { tablesPrecomputeEsbuild } from './tables-precompute.mjs';
import { asciiOnly } from './ascii-output.mjs';
import { moveLargeLiterals } from './bundle-data.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_FILE = join(ROOT, 'bin/nemawashi.mjs');
const BUNDLE_FILE = join(ROOT, 'bin/nemawashi-cli.cjs');
/** The phrase tables, read by the bundle one at a time (scripts/tables-precompute.mjs, tablesSidecar). */
const TABLES_FILE = join(ROOT, 'bin/nemawashi-tables.txt');
/** The bundle's large data literals (scripts/bundle-data.mjs). */
const DATA_FILE = join(ROOT, 'bin/nemawashi-data.txt');

export async function buildCli() {
  await build({
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    outfile: BUNDLE_FILE,
    bundle: true,
    platform: 'node',
    // CommonJS: the launcher compiles it with a code cache (vm.Script), which Node 20 offers for
    // scripts only, not for ES modules.
    format: 'cjs',
    target: 'node20',
    // Whitespace only: names stay readable in an internal error's stack.
    minifyWhitespace: true,
    legalComments: 'none',
    // main.ts asks whether it is the entry point (as `tsx src/cli/main.ts`); in the bundle the
    // launcher is, and calls main() itself.
    define: { 'import.meta.url': '"file:///nemawashi-cli-bundle"' },
    banner: { js: '// Built by scripts/build-cli.mjs from src/cli/main.ts; do not edit. Run through bin/nemawashi.mjs.' },
    // compromise's lexicon and the phrase tables computed here once, not at every start of the
    // command (issue 12).
    plugins: [compromisePrecomputeEsbuild(), tablesPrecomputeEsbuild({ sidecar: TABLES_FILE })],
    logLevel: 'warning',
  });
  // In ASCII (scripts/ascii-output.mjs): esbuild writes the rules' Japanese regular expressions
  // as they are (3,600 characters of 2 MB), which made V8 hold the whole source as two-byte text.
  // Measured 2026-11-30: about 25 ms less CPU per run of `check`.
  const ascii = asciiOnly(readFileSync(BUNDLE_FILE, 'utf8'), BUNDLE_FILE);
  // The large data literals (compromise's tables and parsed patterns) in a file beside the bundle
  // (scripts/bundle-data.mjs): out of the source read and the code cache kept at every start.
  const { source, data } = moveLargeLiterals(ascii, DATA_FILE);
  if (data === undefined) throw new Error('build-cli: no large data literal in the bundle: scripts/bundle-data.mjs no longer finds them');
  writeFileSync(DATA_FILE, data);
  writeFileSync(BUNDLE_FILE, source);
  copyFileSync(join(ROOT, 'src/cli/launcher.mjs'), CLI_FILE);
  // Runnable as ./bin/nemawashi.mjs too (npm link and global installs set this themselves).
  chmodSync(CLI_FILE, 0o755);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
