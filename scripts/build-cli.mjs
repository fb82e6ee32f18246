#!/usr/bin/env node
/**
 * Builds the `nemawashi` command into one JavaScript file, bin/nemawashi.mjs (package.json's
 * "bin"), with its dependencies inside: starting it is loading one file, with no TypeScript
 * compiler at run time. Run by `npm install` / `npm ci` (prepare), before the tests (the unit
 * project's global setup) and by `npm run build:cli`.
 */
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compromisePrecomputeEsbuild } from './compromise-precompute.mjs';
import { tablesPrecomputeEsbuild } from './tables-precompute.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_FILE = join(ROOT, 'bin/nemawashi.mjs');

export async function buildCli() {
  await build({
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    outfile: CLI_FILE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Whitespace only: names stay readable in an internal error's stack.
    minifyWhitespace: true,
    legalComments: 'none',
    // Some dependencies are CommonJS and call require(): give the ES module one.
    banner: {
      js: "#!/usr/bin/env node\n// Built by scripts/build-cli.mjs from src/cli/main.ts; do not edit.\nimport { createRequire as __nemawashiRequire } from 'node:module'; const require = __nemawashiRequire(import.meta.url);",
    },
    // compromise's lexicon and the phrase tables computed here once, not at every start of the
    // command (issue 12).
    plugins: [compromisePrecomputeEsbuild(), tablesPrecomputeEsbuild()],
    logLevel: 'warning',
  });
  // Runnable as ./bin/nemawashi.mjs too (npm link and global installs set this themselves).
  chmodSync(CLI_FILE, 0o755);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
