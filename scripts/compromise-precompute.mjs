/**
 * compromise's lexicon, computed at build time instead of at every start (issue 12).
 *
 * `compromise/two` builds its lexicon when it is imported: it unpacks ~14,000 compressed words,
 * conjugates and inflects them into ~25,000 entries and merges them, key by key, into its world.
 * That was about 60% of the engine script's evaluation, one task of a few hundred milliseconds
 * on the page the user is about to type in, and most of the CLI's start-up. The result is the
 * same on every run, so the builds (wxt.config.ts for the extension, scripts/build-cli.mjs for
 * the CLI) replace two of compromise's modules:
 *
 * - `src/2-two/preTagger/model/index.js`: the same model, with the lexicon, the multi-word
 *   cache, the switches and the uncountables left empty (nothing to unpack, expand or merge);
 * - `compromise/two`: the same plugins in the same order, then those four tables filled in from
 *   data computed here by running the real `compromise/two` once (keys in the original order).
 *
 * tests/compromise-precomputed.test.ts checks that the world this gives (every model table)
 * and the tags of the corpus's sentences are exactly the real library's. The unit tests and
 * `npm run cli` import the real library (no build step there).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** compromise's src folder (its package exports hide deep paths from bundlers; files are read directly). */
export const COMPROMISE_SRC = join(dirname(require.resolve('compromise/two')), '../../src');
const PRETAG_MODEL = join(COMPROMISE_SRC, '2-two/preTagger/model/index.js');
/** What a bundler's importer sees when it imports `compromise/two`. */
export const COMPROMISE_TWO_ID = 'compromise/two';
const VIRTUAL_TWO = '\0nemawashi-compromise-two.js';

const SEP = '\u0001';

/** The four tables of the real `compromise/two` world, packed: keys joined, values by index. */
async function computeTables() {
  const { default: nlp } = await import('compromise/two');
  const model = nlp.model();
  const pack = (obj) => {
    const keys = Object.keys(obj);
    for (const k of keys) if (k.includes(SEP)) throw new Error(`compromise precompute: a key holds the separator: ${JSON.stringify(k)}`);
    const values = [];
    const index = new Map();
    const idx = keys.map((k) => {
      const v = JSON.stringify(obj[k]);
      let i = index.get(v);
      if (i === undefined) {
        i = values.length;
        values.push(obj[k]);
        index.set(v, i);
      }
      return i.toString(36);
    });
    return { keys: keys.join(SEP), values, idx: idx.join(',') };
  };
  return {
    lexicon: pack(model.one.lexicon),
    multi: pack(model.one._multiCache),
    switches: pack(model.two.switches),
    uncountable: pack(model.two.uncountable),
  };
}

let tables;
function tablesOnce() {
  tables ??= computeTables();
  return tables;
}

/** The preTagger's model module without the lexicon work (same imports otherwise). */
function preTagModelSource() {
  return `
import irregularPlurals from './irregulars/plurals.js'
import frozenLex from './lexicon/frozenLex.js'
import clues from './clues/index.js'
import suffixPatterns from './patterns/suffixes.js'
import prefixPatterns from './patterns/prefixes.js'
import endsWith from './patterns/endsWith.js'
import neighbours from './patterns/neighbours.js'
import models from './models/index.js'
import regexNormal from './regex/regex-normal.js'
import regexText from './regex/regex-text.js'
import regexNumbers from './regex/regex-numbers.js'
import orgWords from './orgWords.js'
import placeWords from './placeWords.js'
// Built by scripts/compromise-precompute.mjs: the lexicon tables are filled in after the plugins.
export default {
  one: { _multiCache: {}, lexicon: {}, frozenLex },
  two: { irregularPlurals, models, suffixPatterns, prefixPatterns, endsWith, neighbours, regexNormal, regexText, regexNumbers, switches: {}, clues, uncountable: {}, orgWords, placeWords },
}
`;
}

/** `compromise/two` with the precomputed tables (same plugins, same order as its src/two.js). */
async function twoSource() {
  const t = await tablesOnce();
  const src = (p) => JSON.stringify(join(COMPROMISE_SRC, p));
  return `
import nlp from ${src('one.js')}
import preTag from ${src('2-two/preTagger/plugin.js')}
import contractionTwo from ${src('2-two/contraction-two/plugin.js')}
import postTag from ${src('2-two/postTagger/plugin.js')}
import lazy from ${src('2-two/lazy/plugin.js')}
import swap from ${src('2-two/swap/plugin.js')}
nlp.plugin(preTag)
nlp.plugin(contractionTwo)
nlp.plugin(postTag)
nlp.plugin(lazy)
nlp.plugin(swap)
// Built by scripts/compromise-precompute.mjs: the tables the real library computes at import.
const fill = (target, packed) => {
  for (const k of Object.keys(target)) delete target[k]
  const keys = packed.keys.split(${JSON.stringify(SEP)})
  const idx = packed.idx.split(',')
  const values = packed.values
  for (let i = 0; i < keys.length; i++) {
    const v = values[parseInt(idx[i], 36)]
    target[keys[i]] = Array.isArray(v) ? v.slice() : v
  }
}
const model = nlp.model()
fill(model.one.lexicon, ${JSON.stringify(t.lexicon)})
fill(model.one._multiCache, ${JSON.stringify(t.multi)})
fill(model.two.switches, ${JSON.stringify(t.switches)})
fill(model.two.uncountable, ${JSON.stringify(t.uncountable)})
export default nlp
`;
}

/** Rollup/Vite (WXT) plugin. */
export function compromisePrecomputeVite() {
  return {
    name: 'nemawashi-compromise-precompute',
    enforce: 'pre',
    resolveId(id) {
      if (id === COMPROMISE_TWO_ID) return VIRTUAL_TWO;
      return null;
    },
    async load(id) {
      if (id === VIRTUAL_TWO) return twoSource();
      if (id.split('?')[0] === PRETAG_MODEL) return preTagModelSource();
      return null;
    },
  };
}

/** esbuild plugin (the CLI, the equality test). */
export function compromisePrecomputeEsbuild() {
  return {
    name: 'nemawashi-compromise-precompute',
    setup(build) {
      build.onResolve({ filter: /^compromise\/two$/ }, () => ({ path: VIRTUAL_TWO.slice(1), namespace: 'nemawashi-compromise' }));
      build.onLoad({ filter: /.*/, namespace: 'nemawashi-compromise' }, async () => ({ contents: await twoSource(), loader: 'js', resolveDir: COMPROMISE_SRC }));
      build.onLoad({ filter: /preTagger[\\/]model[\\/]index\.js$/ }, (args) => (args.path === PRETAG_MODEL ? { contents: preTagModelSource(), loader: 'js', resolveDir: dirname(PRETAG_MODEL) } : undefined));
    },
  };
}
