#!/usr/bin/env node
// The `nemawashi` command (package.json's "bin"), copied to bin/nemawashi.mjs by
// scripts/build-cli.mjs next to the command itself, bin/nemawashi-cli.cjs (one bundled file).
//
// Why a launcher: most of the command's start-up was V8 compiling a 1.7 MB bundle and the
// functions its first run needs (issue 12). Node 22 caches that compilation itself
// (module.enableCompileCache); Node 20, which these machines have, does not, so this does what
// it does: compile the bundle with V8's code cache from the previous run, and after a run
// without a usable cache (the first, or after an upgrade of Node or of Nemawashi) write the cache
// of everything the run compiled. The cache lives in the user's cache folder
// ($NEMAWASHI_CACHE_DIR, else $XDG_CACHE_HOME/nemawashi, else ~/.cache/nemawashi); V8 rejects a
// cache made by another version or for other source, and then it is rewritten. Any failure to
// read or write it only costs the time it would have saved.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = join(dirname(fileURLToPath(import.meta.url)), 'nemawashi-cli.cjs');
const source = readFileSync(bundle, 'utf8');

function cacheFile() {
  const dir = process.env.NEMAWASHI_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nemawashi');
  const { size, mtimeMs } = statSync(bundle);
  return join(dir, `cli-${process.versions.v8}-${size}-${Math.round(mtimeMs)}.cache`);
}

let file;
let cached;
try {
  file = cacheFile();
  cached = readFileSync(file);
} catch {
  cached = undefined;
}

// The bundle is CommonJS: run it as Node runs a CommonJS module, with its own require.
const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const script = new Script(wrapper, { filename: bundle, cachedData: cached });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));

if (file && (cached === undefined || script.cachedDataRejected)) {
  process.once('exit', () => {
    try {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, file);
    } catch {
      // A read-only or missing home: the next run compiles again, nothing else changes.
      return;
    }
    removeOtherCaches(dirname(file), basename(file));
  });
}

/**
 * Each build of Nemawashi and each version of Node has its own cache (1.5–2.5 MB): once this
 * run's is written, those of other builds are left from an upgrade or a rebuild, and go. Only
 * files named as this launcher names them; anything that fails is left as it is.
 */
function removeOtherCaches(dir, keep) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    // Ours (cli-….cache) and a write that stopped halfway (cli-….cache.<pid>.tmp), not this build's.
    if (!/^cli-[^/\\]+\.cache(?:\.\d+\.tmp)?$/.test(name) || name.startsWith(keep)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Removed by another run meanwhile, or not a file: nothing to do.
    }
  }
}

await module.exports.main();
