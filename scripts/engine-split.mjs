/**
 * The engine injected as three scripts (src/content/engine-api.ts, ENGINE_SCRIPT_FILES): in the
 * build of entrypoints/engine.ts only, `compromise/two` and the compiled phrase tables are not
 * bundled but read from what entrypoints/engine-tagger.ts and engine-tables.ts, injected just
 * before, left on the isolated world's global. Each script is then compiled and run in its own
 * task (issue 12). Every other build (those two scripts, the popup, the CLI) bundles them as usual.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TABLES_MODULE = join(ROOT, 'src/engine/precompiled-tables.ts');
const SHARED_NLP = '\0nemawashi-shared-nlp.js';
const SHARED_TABLES = '\0nemawashi-shared-tables.js';
const read = (globals, part) => `(() => {
  const value = globalThis[${JSON.stringify(globals[part])}];
  if (value === undefined) throw new Error('Nemawashi: the ${part} script was not injected before the engine');
  return value;
})()`;

/**
 * The Vite plugin for the engine script's build (wxt.config.ts adds it to that build only), with
 * the globals the two other scripts leave their part under (ENGINE_PART_GLOBALS in
 * src/content/engine-api.ts, where those scripts install them).
 */
export function engineSplitVite(globals) {
  return {
    name: 'nemawashi-engine-split',
    enforce: 'pre',
    resolveId(id) {
      if (id === 'compromise/two') return SHARED_NLP;
      if (id === SHARED_TABLES) return SHARED_TABLES;
      return null;
    },
    load(id) {
      if (id === SHARED_NLP) return `export default ${read(globals, 'nlp')};\n`;
      if (id === SHARED_TABLES) return `export const PRECOMPILED_TABLES = ${read(globals, 'tables')};\n`;
      if (id.split('?')[0] === TABLES_MODULE) return `export { PRECOMPILED_TABLES } from ${JSON.stringify(SHARED_TABLES)};\n`;
      return null;
    },
  };
}
