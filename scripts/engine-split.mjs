/**
 * The engine injected as seven scripts (src/content/engine-api.ts, ENGINE_SCRIPT_FILES): in the
 * build of entrypoints/engine.ts only, `compromise/two`, the compiled phrase tables and the compose
 * UI are not bundled but read from what entrypoints/engine-tagger.ts, engine-tables.ts and
 * engine-ui.ts, injected before, left on the isolated world's global; in the build of entrypoints/engine-tagger.ts only,
 * compromise's data computed at build time (scripts/compromise-precompute.mjs) and compromise/one's
 * code are read from what entrypoints/engine-tagger-data.ts, engine-tagger-lexicon.ts and
 * engine-tagger-one.ts left. Each script is then compiled and run in its own task
 * (issue 12). Every other build (the popup, the CLI) bundles them as usual.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPROMISE_DATA_ID, COMPROMISE_DATA_NAMES, COMPROMISE_ONE_ID, COMPROMISE_ONE_NAMES } from './compromise-precompute.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TABLES_MODULE = join(ROOT, 'src/engine/precompiled-tables.ts');
const COMPOSE_UI_MODULE = join(ROOT, 'src/content/compose-ui.ts');
const SHARED_NLP = '\0nemawashi-shared-nlp.js';
const SHARED_TABLES = '\0nemawashi-shared-tables.js';
const SHARED_TAGGER_DATA = '\0nemawashi-shared-tagger-data.js';
const SHARED_TAGGER_ONE = '\0nemawashi-shared-tagger-one.js';
const read = (globals, part) => `(() => {
  const value = globalThis[${JSON.stringify(globals[part])}];
  if (value === undefined) throw new Error('Nemawashi: the ${part} script was not injected before this one');
  return value;
})()`;

/**
 * The Vite plugin for the engine script's build (wxt.config.ts adds it to that build only), with
 * the globals the other scripts leave their part under (ENGINE_PART_GLOBALS in
 * src/content/engine-api.ts, where those scripts install them): the tagger, the phrase tables and
 * the compose UI's factory (src/content/compose-ui.ts, whose only value the engine uses).
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
      if (id.split('?')[0] === COMPOSE_UI_MODULE) return `export const createComposeUi = ${read(globals, 'ui')};\n`;
      return null;
    },
  };
}

/**
 * Which script leaves each export of compromise's data (entrypoints/engine-tagger-data.ts and
 * engine-tagger-lexicon.ts): the lexicon's packed tables are most of its 865 kB, and as one
 * script the data was the longest task of a cold compose (issue 12).
 */
function dataPart(name) {
  if (name === 'LOOKUP') return 'taggerLexicon';
  if (['MODELS', 'TAG_SET', 'NET'].includes(name)) return 'taggerData';
  throw new Error(`engine split: no script for compromise's data ${name}`);
}

/**
 * The plugin for the tagger script's build (wxt.config.ts adds it to that build only): compromise's
 * precomputed data and compromise/one's code are read from the globals the data scripts and the
 * tagger's first half (entrypoints/engine-tagger-one.ts) leave them under.
 */
export function taggerSplitVite(globals) {
  return {
    name: 'nemawashi-tagger-split',
    enforce: 'pre',
    resolveId(id) {
      if (id === COMPROMISE_DATA_ID) return SHARED_TAGGER_DATA;
      if (id === COMPROMISE_ONE_ID) return SHARED_TAGGER_ONE;
      return null;
    },
    load(id) {
      if (id === SHARED_TAGGER_ONE) return `const one = ${read(globals, 'taggerOne')};\nexport const { ${COMPROMISE_ONE_NAMES.join(', ')} } = one;\n`;
      if (id !== SHARED_TAGGER_DATA) return null;
      const parts = [...new Set(COMPROMISE_DATA_NAMES.map(dataPart))];
      return `${parts.map((part) => `const ${part} = ${read(globals, part)};`).join('\n')}\n${COMPROMISE_DATA_NAMES.map((name) => `export const ${name} = ${dataPart(name)}.${name};`).join('\n')}\n`;
    },
  };
}
