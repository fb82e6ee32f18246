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
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const T0=performance.now();const bundle = join(dirname(fileURLToPath(import.meta.url)), 'nemawashi-cli.cjs');
const source = readFileSync(bundle, 'utf8');

function cacheFile() {
  const dir = process.env.NEMAWASHI_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nemawashi');
  const { size, mtimeMs } = statSync(bundle);
  return join(dir, `cli-${process.versions.v8}-${size}-${Math.round(mtimeMs)}.cache`);
}

const M=()=>{const m=process.memoryUsage();return 'rss '+(m.rss/1e6).toFixed(1)+' heapT '+(m.heapTotal/1e6).toFixed(1)+' used '+(m.heapUsed/1e6).toFixed(1)+' ext '+(m.external/1e6).toFixed(1)};console.error('start',M());const T1=performance.now();console.error('src',M());let file;
let cached;
try {
  file = cacheFile();
  cached = readFileSync(file);
} catch {
  cached = undefined;
}

const T2=performance.now();
// The bundle is CommonJS: run it as Node runs a CommonJS module, with its own require.
const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const script = new Script(wrapper, { filename: bundle, cachedData: cached });
const T3=performance.now();console.error('script',M());const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));

const T4=performance.now();console.error('eval',M());if (file && (cached === undefined || script.cachedDataRejected)) {
  process.once('exit', () => {
    try {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, file);
    } catch {
      // A read-only or missing home: the next run compiles again, nothing else changes.
    }
  });
}

await module.exports.main();const T5=performance.now();console.error('boot',T0.toFixed(1),'src',(T1-T0).toFixed(1),'cache',(T2-T1).toFixed(1),'script',(T3-T2).toFixed(1),'eval',(T4-T3).toFixed(1),'main',(T5-T4).toFixed(1), 'rss', (process.memoryUsage().rss/1e6).toFixed(0), 'heap', (process.memoryUsage().heapUsed/1e6).toFixed(0));
