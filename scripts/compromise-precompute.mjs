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
 * - `compromise/two`: the same plugins in the same order, then those four tables read in place
 *   from data computed here by running the real `compromise/two` once (lookupTable, LAZY_FILL):
 *   a table is filled in, keys in the original order, only when something needs it whole.
 *
 * tests/compromise-precomputed.test.ts checks that the world this gives (every model table)
 * and the tags of the corpus's sentences are exactly the real library's. The unit tests and
 * `npm run cli` import the real library (no build step there).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
/** compromise's src folder (its package exports hide deep paths from bundlers; files are read directly). */
export const COMPROMISE_SRC = join(dirname(require.resolve('compromise/two')), '../../src');
const PRETAG_MODEL = join(COMPROMISE_SRC, '2-two/preTagger/model/index.js');
const POSTTAG_COMPUTE = join(COMPROMISE_SRC, '2-two/postTagger/compute/index.js');
/** What a bundler's importer sees when it imports `compromise/two`. */
export const COMPROMISE_TWO_ID = 'compromise/two';
const VIRTUAL_TWO = '\0nemawashi-compromise-two.js';
/**
 * The data computed here, as a module of its own (\`dataModule\`, the extension's builds): the
 * tagger's modules import it by this id, and the engine's scripts put it in a script of its own
 * (scripts/engine-split.mjs, entrypoints/engine-tagger-data.ts). 600 kB of strings cost 12 ms of
 * the tagger script's compile, which made that one task longer than 50 ms in a cold compose
 * (issue 12). The CLI's build keeps them in its modules (scripts/bundle-data.mjs reads them).
 */
export const COMPROMISE_DATA_ID = 'nemawashi:compromise-data';
const VIRTUAL_DATA = '\0nemawashi-compromise-data.js';
/**
 * compromise/one's code (its core, src/nlp.js, and the plugins of ONE), as a module of its own
 * that the tagger's module imports by this id: the engine's scripts put it in a script of its own
 * (scripts/engine-split.mjs, entrypoints/engine-tagger-one.ts), since as part of the tagger script
 * its compile made that script's task 35 ms of a cold compose (issue 12). compromise/two's plugins
 * import nothing from it but through \`nlp\`, so the two halves share no module (its exports:
 * COMPROMISE_ONE_NAMES).
 */
export const COMPROMISE_ONE_ID = 'nemawashi:compromise-one';
const VIRTUAL_ONE = '\0nemawashi-compromise-one.js';
/**
 * What the data module exports: the models, the tag set and the parsed match network as JSON
 * text, and the four tables packed to be read in place (LOOKUP).
 */
export const COMPROMISE_DATA_NAMES = ['MODELS', 'TAG_SET', 'NET', 'LOOKUP'];

/**
 * A table's values, each distinct value (by its JSON) once, and for each key (in `keys`' order)
 * the index of its value: the tables hold ~25,000 keys but under a hundred distinct values.
 */
function distinctValues(obj, keys) {
  const values = [];
  const index = new Map();
  const codes = keys.map((k) => {
    const v = JSON.stringify(obj[k]);
    let i = index.get(v);
    if (i === undefined) {
      i = values.length;
      values.push(obj[k]);
      index.set(v, i);
    }
    return i;
  });
  return { values, codes };
}

/** The four tables of the real `compromise/two` world packed to be read in place, and its other data. */
async function computeTables() {
  const { default: nlp } = await import('compromise/two');
  const model = nlp.model();
  const tables = { lexicon: model.one.lexicon, multi: model.one._multiCache, switches: model.two.switches, uncountable: model.two.uncountable };
  // The verb and adjective models as the preTagger's model module holds them before any plugin
  // (suffix rules the library uncompresses and reverses at import).
  const { default: models } = await import(pathToFileURL(join(COMPROMISE_SRC, '2-two/preTagger/model/models/index.js')).href);
  return {
    lookup: Object.fromEntries(Object.entries(tables).map(([name, obj]) => [name, lookupTable(obj)])),
    models: JSON.stringify(models),
    net: await parsedNet(nlp),
    tagSet: tagSetJson(model.one.tagSet),
  };
}

/**
 * A table packed to be read without being filled in: its keys in
 * hash buckets, each bucket one string of \`<sep>key<end>v\` entries (v: the value's index, in
 * \`width\` characters of \`digits\`), so a word is looked up with one indexOf in a short string,
 * and \`order\`, the keys in the table's order, for the day something needs the table whole (a
 * function: the CLI's build reads it from its data file only then, scripts/bundle-data.mjs).
 * The separators are two printable characters no key holds; the hash is \`lookupHash\` below,
 * the same function at build time and at run time.
 */
function lookupTable(obj) {
  const keys = Object.keys(obj);
  const used = new Set(keys.join(''));
  // Printable ASCII that needs no escape in a single-quoted literal.
  const printable = [...Array(95)].map((_, i) => String.fromCharCode(32 + i)).filter((c) => c !== "'" && c !== '\\');
  const [sep, end] = printable.filter((c) => !used.has(c));
  if (end === undefined) throw new Error('compromise precompute: no two printable characters are free to separate the keys');
  for (const k of keys) {
    // A key the library would put on the prototype, or one an object names itself: a lookup table
    // would answer for it otherwise than the object does; refused rather than handled.
    if (k === '__proto__' || k in Object.prototype) throw new Error(`compromise precompute: a key names a property of every object: ${JSON.stringify(k)}`);
  }
  const digits = printable.filter((c) => c !== sep && c !== end).join('');
  const { values, codes: code } = distinctValues(obj, keys);
  let width = 1;
  while (digits.length ** width < values.length) width++;
  const spell = (i) => {
    let s = '';
    for (let w = 0; w < width; w++, i = Math.floor(i / digits.length)) s = digits[i % digits.length] + s;
    return s;
  };
  let size = 1;
  while (size * 6 < keys.length) size *= 2;
  const buckets = Array.from({ length: size }, () => '');
  keys.forEach((k, i) => {
    buckets[lookupHash(k) & (size - 1)] += sep + k + end + spell(code[i]);
  });
  return { sep, end, digits, width, values, buckets, order: keys.join(sep) };
}

/** FNV-1a over the UTF-16 code units (the run-time copy is in the generated module). */
function lookupHash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Marks, in the tag set's JSON, a key whose value is undefined (JSON would drop the key). */
const UNDEFINED_MARK = '\u0001undefined';

/**
 * The tag set the library computes from the preTagger's tags (\`nlp.addTags\`: the tag tree with
 * each tag's parents, children and exclusions; the only plugin with tags), as JSON. Its entries
 * hold keys whose value is undefined, which are kept by a mark.
 */
function tagSetJson(tagSet) {
  return JSON.stringify(tagSet, (key, v) => {
    if (v === undefined) return UNDEFINED_MARK;
    if (v === UNDEFINED_MARK || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) || typeof v === 'function') {
      throw new Error(`compromise precompute: the tag set holds a value JSON cannot carry, at ${JSON.stringify(key)}`);
    }
    return v;
  });
}

/**
 * A string literal for JSON text: single-quoted, it needs almost no escapes (JSON is full of double
 * quotes), so it is shorter and compiles faster (as in scripts/tables-precompute.mjs).
 */
const singleQuoted = (s) =>
  `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;

/** Marks, in the parsed network's JSON, the two kinds of value JSON has no form for. */
const SET_MARK = '\u0001set';
const REGEXP_MARK = '\u0001re';

/**
 * The postTagger's match patterns as the library parses them when it builds its match network
 * (src/1-one/sweep/methods/buildNet/01-parse.js, on the first sentence): per pattern, its text and
 * the fields the parse sets, as JSON (a Set and a RegExp marked as such). Parsing the ~570
 * patterns was the largest part of preparing the tagger in the tab; filling these in is a copy.
 */
async function parsedNet(nlp) {
  const { default: parse } = await import(pathToFileURL(join(COMPROMISE_SRC, '1-one/sweep/methods/buildNet/01-parse.js')).href);
  const world = nlp.world();
  const out = world.model.two.matches.map((obj) => {
    // A copy, so that the library's own world is left as it was (unparsed, unless it tagged already).
    const p = 'regs' in obj ? obj : parse([{ ...obj }], world)[0];
    const entry = { m: p.match, regs: p.regs, needs: p.needs, wants: p.wants, minWant: p.minWant, minWords: p.minWords };
    if (p.notIf) entry.notIf = p.notIf;
    return entry;
  });
  return JSON.stringify(out, function (key, v) {
    if (v instanceof Set) return { [SET_MARK]: [...v] };
    if (v instanceof RegExp) return { [REGEXP_MARK]: [v.source, v.flags] };
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint' || (typeof v === 'number' && !Number.isFinite(v)) || v instanceof Map) {
      throw new Error(`compromise precompute: a parsed match pattern holds a value JSON cannot carry, at ${JSON.stringify(key)}`);
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) {
      throw new Error(`compromise precompute: a parsed match pattern holds an object of another kind, at ${JSON.stringify(key)}`);
    }
    return v;
  });
}

let tables;
function tablesOnce() {
  tables ??= computeTables();
  return tables;
}

/**
 * The preTagger's model module without the lexicon work (same imports otherwise), and with its
 * verb and adjective models computed here: they are left empty in the model (the plugin's deep
 * merge of them was the largest part of adding the plugins) and exported whole, for
 * `compromise/two` to put in place once the plugin is added.
 */
async function preTagModelSource({ dataModule = true } = {}) {
  const t = await tablesOnce();
  return `${dataModule ? `import { MODELS } from ${JSON.stringify(COMPROMISE_DATA_ID)}\n` : ''}
import irregularPlurals from './irregulars/plurals.js'
import frozenLex from './lexicon/frozenLex.js'
import clues from './clues/index.js'
import suffixPatterns from './patterns/suffixes.js'
import prefixPatterns from './patterns/prefixes.js'
import endsWith from './patterns/endsWith.js'
import neighbours from './patterns/neighbours.js'
import regexNormal from './regex/regex-normal.js'
import regexText from './regex/regex-text.js'
import regexNumbers from './regex/regex-numbers.js'
import orgWords from './orgWords.js'
import placeWords from './placeWords.js'
// Built by scripts/compromise-precompute.mjs: the lexicon tables are put in place after the plugins.
// Parsed when the plugin's step puts them in place, not in the tagger script's own task.
export const precomputedModels = () => JSON.parse(${dataModule ? 'MODELS' : singleQuoted(t.models)})
export default {
  one: { _multiCache: {}, lexicon: {}, frozenLex },
  two: { irregularPlurals, models: {}, suffixPatterns, prefixPatterns, endsWith, neighbours, regexNormal, regexText, regexNumbers, switches: {}, clues, uncountable: {}, orgWords, placeWords },
}
`;
}

/**
 * compromise/one's plugins, which its src/one.js adds at import: here they are stages of the
 * tagger's preparation too, in its order (checkOneOrder).
 */
const ONE = [
  ['change', '1-one/change/plugin.js'],
  ['output', '1-one/output/plugin.js'],
  ['match', '1-one/match/plugin.js'],
  ['pointers', '1-one/pointers/plugin.js'],
  ['tag', '1-one/tag/plugin.js'],
  ['contractions', '1-one/contraction-one/plugin.js'],
  ['tokenize', '1-one/tokenize/plugin.js'],
  ['freeze', '1-one/freeze/plugin.js'],
  ['cache', '1-one/cache/plugin.js'],
  ['lookup', '1-one/lookup/plugin.js'],
  ['typeahead', '1-one/typeahead/plugin.js'],
  ['lexicon', '1-one/lexicon/plugin.js'],
  ['sweep', '1-one/sweep/plugin.js'],
];
/** What compromise/one's module (COMPROMISE_ONE_ID) exports. */
export const COMPROMISE_ONE_NAMES = ['nlp', ...ONE.map(([name]) => `${name}One`)];

/**
 * compromise/one's plugins as its src/one.js adds them: the build stops if a new release of the
 * library adds, drops or reorders them (the stages below would no longer be the library).
 */
function checkOneOrder(expected) {
  const one = readFileSync(join(COMPROMISE_SRC, 'one.js'), 'utf8');
  const files = Object.fromEntries([...one.matchAll(/^import (\w+) from '\.\/(1-one\/[^']+)'/gm)].map((m) => [m[1], m[2]]));
  const calls = [...one.matchAll(/^nlp\.(?:extend|plugin)\((\w+)\)/gm)].map((m) => files[m[1]]);
  const want = expected.map(([, file]) => file);
  if (JSON.stringify(calls) !== JSON.stringify(want)) {
    throw new Error(`compromise precompute: compromise/one adds ${JSON.stringify(calls)}, the build expects ${JSON.stringify(want)}`);
  }
}

/**
 * The verb and adjective models: the same keys,
 * in the same order, parsed the first time any of them is read or written, and from then on plain
 * data properties, as Object.assign leaves them. Tagging does not use them (conjugation does): a
 * \`check\` that tags never parsed them (60 kB of JSON).
 */
function lazyModelsStage(t) {
  return `  () => {
    const models = nlp.model().two.models
    const keys = ${JSON.stringify(Object.keys(JSON.parse(t.models)))}
    let parsed = null
    const settle = () => {
      if (parsed) return
      parsed = precomputedModels()
      for (const k of keys) Object.defineProperty(models, k, { value: parsed[k], writable: true, enumerable: true, configurable: true })
    }
    for (const k of keys) {
      Object.defineProperty(models, k, {
        enumerable: true,
        configurable: true,
        get() {
          settle()
          return models[k]
        },
        set(v) {
          settle()
          models[k] = v
        },
      })
    }
  },`;
}

/** The last stage's tables: what to look up, per table, from the data module (\`dataModule\`) or written here. */
function lazyTablesStage(t, dataModule) {
  if (dataModule) {
    return `    tables = [
      [model.one, 'lexicon', LOOKUP.lexicon],
      [model.one, '_multiCache', LOOKUP.multi],
      [model.two, 'switches', LOOKUP.switches],
      [model.two, 'uncountable', LOOKUP.uncountable],
    ]`;
  }
  const one = (holder, name, table) => {
    const { sep, end, digits, width, values, buckets, order } = t.lookup[table];
    return `      [${holder}, ${JSON.stringify(name)}, { sep: ${singleQuoted(sep)}, end: ${singleQuoted(end)}, digits: ${singleQuoted(digits)}, width: ${width}, values: ${JSON.stringify(values)}, order: () => ${singleQuoted(order)},
        buckets: [${buckets.map(singleQuoted).join(',')}] }],`;
  };
  return `    tables = [
${one('model.one', 'lexicon', 'lexicon')}
${one('model.one', '_multiCache', 'multi')}
${one('model.two', 'switches', 'switches')}
${one('model.two', 'uncountable', 'uncountable')}
    ]`;
}

/**
 * \`fillTables\`, the tables read in place (the builds of the CLI and of the extension): filling in the
 * 25,000 keys of the lexicon was most of a one-draft \`check\` (issue 12), which looks up a few
 * hundred words. Each table of the world becomes a Proxy over the table (emptied) that answers
 * reads (a value, \`in\`, \`hasOwnProperty\`) from the build's lookup (lookupTable), and fills the
 * table in, in the library's key order, as fillTables does, the first time anything else is asked
 * of it (a write, a delete, its keys): from then on it is the filled table. Each key read keeps
 * the value it was first given (an array is the key's own copy, as when filled), so the table
 * reads the same before and after; tests/compromise-precomputed.test.ts checks it key by key.
 */
const LAZY_FILL = `// A table of the world read in place (scripts/compromise-precompute.mjs).
const lazyTable = (target, t) => {
  for (const k of Object.keys(target)) delete target[k]
  const { sep, end, digits, width, values, buckets } = t
  const mask = buckets.length - 1
  const read = new Map()
  let whole = false
  // The key's value, or undefined when the table has no such key (no value in these tables is).
  const lookup = (key) => {
    let v = read.get(key)
    if (v !== undefined) return v
    if (key.includes(sep) || key.includes(end)) return undefined
    let h = 0x811c9dc5
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
    const bucket = buckets[(h >>> 0) & mask]
    const at = bucket.indexOf(sep + key + end)
    if (at === -1) return undefined
    let n = 0
    for (let p = at + key.length + 2; p < at + key.length + 2 + width; p++) n = n * digits.length + digits.indexOf(bucket[p])
    v = values[n]
    if (Array.isArray(v)) v = v.slice()
    read.set(key, v)
    return v
  }
  const fill = () => {
    if (whole) return
    const keys = (typeof t.order === 'function' ? t.order() : t.order).split(sep)
    for (let n = 0; n < keys.length; n++) target[keys[n]] = lookup(keys[n])
    whole = true
    read.clear()
  }
  return new Proxy(target, {
    get(o, key, receiver) {
      if (!whole && typeof key === 'string') {
        const v = lookup(key)
        if (v !== undefined) return v
      }
      return Reflect.get(o, key, receiver)
    },
    has(o, key) {
      return (!whole && typeof key === 'string' && lookup(key) !== undefined) || Reflect.has(o, key)
    },
    getOwnPropertyDescriptor(o, key) {
      if (!whole && typeof key === 'string') {
        const v = lookup(key)
        if (v !== undefined) return { value: v, writable: true, enumerable: true, configurable: true }
      }
      return Reflect.getOwnPropertyDescriptor(o, key)
    },
    set(o, key, value, receiver) {
      fill()
      return Reflect.set(o, key, value, receiver)
    },
    defineProperty(o, key, desc) {
      fill()
      return Reflect.defineProperty(o, key, desc)
    },
    deleteProperty(o, key) {
      fill()
      return Reflect.deleteProperty(o, key)
    },
    ownKeys(o) {
      fill()
      return Reflect.ownKeys(o)
    },
    preventExtensions(o) {
      fill()
      return Reflect.preventExtensions(o)
    },
  })
}
let filled = false
// Puts the tables in place (no filling: see lazyTable); true, at once.
const fillTables = () => {
  plug()
  if (!filled) {
    filled = true
    for (const [holder, name, t] of tables) holder[name] = lazyTable(holder[name], t)
  }
  return true
}`;

/**
 * `compromise/two` with the precomputed tables (same plugins, same order as its src/two.js).
 *
 * The plugins are added and the tables put in place on first use, not at import, and a caller may
 * do it ahead in slices: `nlp.prepareTagger(deadline)` adds the plugins, puts the tables in place
 * (read in place, LAZY_FILL), then parses the tagger's match patterns (the
 * postTagger's network, which the library builds in one go on the first sentence), a little at a
 * time until `deadline` (performance.now()), and returns true when all is done. The content script
 * calls it between tasks when a compose opens (src/content/engine-loader.ts), so no step is a long task (issue 12). Anything else
 * on `nlp` (calling it, `nlp.model()`, …) first finishes what is left, so the library behaves
 * exactly as published whether or not it was prepared (the network, as in the library, on the first
 * sentence).
 */
async function twoSource({ dataModule = true } = {}) {
  const t = await tablesOnce();
  const src = (p) => JSON.stringify(join(COMPROMISE_SRC, p));
  return `
import { ${COMPROMISE_ONE_NAMES.join(', ')} } from ${JSON.stringify(COMPROMISE_ONE_ID)}
import preTag from ${src('2-two/preTagger/plugin.js')}
import contractionTwo from ${src('2-two/contraction-two/plugin.js')}
import postTag from ${src('2-two/postTagger/plugin.js')}
import lazy from ${src('2-two/lazy/plugin.js')}
import swap from ${src('2-two/swap/plugin.js')}
import { prepareNet } from ${src('2-two/postTagger/compute/index.js')}
import { precomputedModels } from ${src('2-two/preTagger/model/index.js')}
${dataModule ? `import { TAG_SET, LOOKUP } from ${JSON.stringify(COMPROMISE_DATA_ID)}` : ''}
// Built by scripts/compromise-precompute.mjs: the plugins are added, and the tables the real
// library computes at import are put in place (read in place), on first use or by prepareTagger.
let tables = null
// The plugins, added in the library's order: compromise/one's (src/one.js adds them at import;
// \`extend\` and \`plugin\` are the same function), then compromise/two's, the preTagger's in four
// parts (its methods, its model, its compute and hooks, its tags), which \`extend\` would add in
// that same order, so each step stays short.
const stages = [
${ONE.map(([name]) => `  () => nlp.extend(${name}One),`).join('\n')}
  () => nlp.plugin({ methods: preTag.methods }),
  // Its model, deep-merged into the world one table at a time: \`extend\` merges a model key by
  // key, in order, so the parts in that same order leave the same world.
  ...Object.keys(preTag.model).flatMap((top) => {
    const part = preTag.model[top]
    if (!part || typeof part !== 'object' || Array.isArray(part)) return [() => nlp.plugin({ model: { [top]: part } })]
    return Object.keys(part).map((key) => () => nlp.plugin({ model: { [top]: { [key]: part[key] } } }))
  }),
  // The models the deep merge would have copied, in their place (same keys, same order).
${lazyModelsStage(t)}
  () => nlp.plugin({ compute: preTag.compute, hooks: preTag.hooks }),
  // Its tags: the tag set \`nlp.addTags\` would compute from them, computed at build time.
  () => {
    const tagSet = JSON.parse(${dataModule ? 'TAG_SET' : singleQuoted(t.tagSet)})
    for (const tag of Object.values(tagSet)) for (const k of Object.keys(tag)) if (tag[k] === ${JSON.stringify(UNDEFINED_MARK)}) tag[k] = undefined
    nlp.model().one.tagSet = tagSet
  },
  () => nlp.plugin(contractionTwo),
  () => nlp.plugin(postTag),
  () => nlp.plugin(lazy),
  () => {
    nlp.plugin(swap)
    const model = nlp.model()
${lazyTablesStage(t, dataModule)}
  },
]
let stage = 0
// One stage (a part of the plugins) per call; true when all are added.
const plugStep = () => {
  if (stage < stages.length) stages[stage++]()
  return stage >= stages.length
}
const plug = () => {
  while (!plugStep());
}
${LAZY_FILL}
let ready = false
const prepareTagger = (deadline) => {
  if (ready) return true
  // The plugins (merged into the library's world key by key): a part at a time, until the deadline.
  while (!tables) {
    plugStep()
    if (performance.now() >= deadline) return false
  }
  if (!fillTables(deadline)) return false
  if (!prepareNet(nlp.world(), deadline)) return false
  ready = true
  return true
}
// What the library has done by the end of its import: the tables (the network waits for the
// first sentence, as in the library).
const finish = () => {
  if (!ready) fillTables(Infinity)
}
const lazyNlp = new Proxy(nlp, {
  apply(target, thisArg, args) {
    finish()
    return Reflect.apply(target, thisArg, args)
  },
  get(target, key, receiver) {
    if (key === 'prepareTagger') return prepareTagger
    finish()
    return Reflect.get(target, key, receiver)
  },
})
export default lazyNlp
`;
}

/**
 * The postTagger's compute (src/2-two/postTagger/compute/index.js) with its match network built
 * in steps: each pattern filled in from the build's run of the library's own buildNet parse
 * (parsedNet above; a pattern the build did not see is parsed then, as the library does) and the
 * same indexing as buildNet (src/1-one/sweep/methods/buildNet/index.js), so the network is the
 * one the library builds; tests/compromise-precomputed.test.ts checks the network and the tags.
 */
async function postTaggerComputeSource({ dataModule = true } = {}) {
  const t = await tablesOnce();
  const src = (p) => JSON.stringify(join(COMPROMISE_SRC, p));
  return `
import parse from ${src('1-one/sweep/methods/buildNet/01-parse.js')}
// Built by scripts/compromise-precompute.mjs: each pattern as the library's parse leaves it.
${dataModule ? `import { NET } from ${JSON.stringify(COMPROMISE_DATA_ID)}
const PARSED = () => NET` : `// A function: the CLI's build reads it from its data file when the network is built (scripts/bundle-data.mjs).
const PARSED = () => ${singleQuoted(t.net)}`}
let pre = null
// A Set and a RegExp back from their JSON marks, in place (objects keep their keys' order).
const revive = (v) => {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i])
    return v
  }
  if (v === null || typeof v !== 'object') return v
  if (${JSON.stringify(SET_MARK)} in v) return new Set(v[${JSON.stringify(SET_MARK)}])
  if (${JSON.stringify(REGEXP_MARK)} in v) return new RegExp(v[${JSON.stringify(REGEXP_MARK)}][0], v[${JSON.stringify(REGEXP_MARK)}][1])
  for (const k of Object.keys(v)) v[k] = revive(v[k])
  return v
}
// What parse() does to one pattern, from the build's result (same fields, same order).
const fill = (obj, p) => {
  obj.regs = revive(p.regs)
  if (typeof obj.ifNo === 'string') obj.ifNo = [obj.ifNo]
  if (obj.notIf) obj.notIf = revive(p.notIf)
  obj.needs = p.needs
  obj.wants = p.wants
  obj.minWant = p.minWant
  obj.minWords = p.minWords
}
let net = null
let parsed = 0
// buildNet's indexing, over patterns already parsed: hooks by what each pattern needs or wants.
const index = (matches) => {
  const hooks = {}
  matches.forEach(obj => {
    obj.needs.forEach(str => {
      hooks[str] = Array.isArray(hooks[str]) ? hooks[str] : []
      hooks[str].push(obj)
    })
    obj.wants.forEach(str => {
      hooks[str] = Array.isArray(hooks[str]) ? hooks[str] : []
      hooks[str].push(obj)
    })
  })
  Object.keys(hooks).forEach(k => {
    const already = {}
    hooks[k] = hooks[k].filter(obj => {
      if (typeof already[obj.match] === 'boolean') return false
      already[obj.match] = true
      return true
    })
  })
  const always = matches.filter(o => o.needs.length === 0 && o.wants.length === 0)
  return { hooks, always }
}
// Parses the patterns until the deadline; true when the network is built.
export const prepareNet = function (world, deadline) {
  if (net) return true
  const matches = world.model.two.matches
  if (pre === null) {
    pre = JSON.parse(PARSED())
    if (performance.now() >= deadline) return false
  }
  while (parsed < matches.length) {
    const obj = matches[parsed]
    const p = pre[parsed]
    // A pattern the build did not see (or saw otherwise) is parsed here, as the library does.
    if (p !== undefined && p.m === obj.match && typeof obj.match === 'string' && !('regs' in obj)) fill(obj, p)
    else parse([obj], world)
    parsed++
    if ((parsed & 31) === 0 && performance.now() >= deadline) return false
  }
  net = index(matches)
  return true
}
const postTagger = function (view) {
  const { world } = view
  prepareNet(world, Infinity)
  const { methods } = world
  const document = methods.two.quickSplit(view.docs)
  const ptrs = document.map(terms => {
    const t = terms[0]
    return [t.index[0], t.index[1], t.index[1] + terms.length]
  })
  const m = view.update(ptrs)
  m.sweep(net)
  view.uncache()
  view.unfreeze()
  return view
}
const tagger = view => view.compute(['freeze', 'lexicon', 'preTagger', 'postTagger', 'unfreeze'])
export default { postTagger, tagger }
`;
}

/** compromise/one's module (COMPROMISE_ONE_ID): its core and its plugins, unchanged. */
function oneSource() {
  checkOneOrder(ONE);
  const src = (p) => JSON.stringify(join(COMPROMISE_SRC, p));
  return `// Built by scripts/compromise-precompute.mjs.\nexport { default as nlp } from ${src('nlp.js')}\n${ONE.map(([name, file]) => `export { default as ${name}One } from ${src(file)}`).join('\n')}\n`;
}

/** The data module (COMPROMISE_DATA_ID): the build's results, as string literals and packed tables. */
async function dataSource() {
  const t = await tablesOnce();
  const lookup = (name) => {
    const { sep, end, digits, width, values, buckets, order } = t.lookup[name];
    return `{ sep: ${singleQuoted(sep)}, end: ${singleQuoted(end)}, digits: ${singleQuoted(digits)}, width: ${width}, values: ${JSON.stringify(values)}, order: ${singleQuoted(order)}, buckets: [${buckets.map(singleQuoted).join(',')}] }`;
  };
  const values = {
    MODELS: singleQuoted(t.models),
    TAG_SET: singleQuoted(t.tagSet),
    NET: singleQuoted(t.net),
    LOOKUP: `{ lexicon: ${lookup('lexicon')}, multi: ${lookup('multi')}, switches: ${lookup('switches')}, uncountable: ${lookup('uncountable')} }`,
  };
  return `// Built by scripts/compromise-precompute.mjs.\n${COMPROMISE_DATA_NAMES.map((name) => `export const ${name} = ${values[name]}`).join('\n')}\n`;
}

/** Rollup/Vite (WXT) plugin: the data in a module of its own (the extension). */
export function compromisePrecomputeVite() {
  return {
    name: 'nemawashi-compromise-precompute',
    enforce: 'pre',
    resolveId(id) {
      if (id === COMPROMISE_TWO_ID) return VIRTUAL_TWO;
      if (id === COMPROMISE_DATA_ID) return VIRTUAL_DATA;
      if (id === COMPROMISE_ONE_ID) return VIRTUAL_ONE;
      return null;
    },
    async load(id) {
      if (id === VIRTUAL_TWO) return twoSource();
      if (id === VIRTUAL_DATA) return dataSource();
      if (id === VIRTUAL_ONE) return oneSource();
      if (id.split('?')[0] === PRETAG_MODEL) return preTagModelSource();
      if (id.split('?')[0] === POSTTAG_COMPUTE) return postTaggerComputeSource();
      return null;
    },
  };
}

/** esbuild plugin (the CLI: the data in its modules; the equality test: both forms). */
export function compromisePrecomputeEsbuild({ dataModule = false } = {}) {
  return {
    name: 'nemawashi-compromise-precompute',
    setup(build) {
      build.onResolve({ filter: /^compromise\/two$/ }, () => ({ path: VIRTUAL_TWO.slice(1), namespace: 'nemawashi-compromise' }));
      build.onResolve({ filter: /^nemawashi:compromise-data$/ }, () => ({ path: VIRTUAL_DATA.slice(1), namespace: 'nemawashi-compromise-data' }));
      build.onLoad({ filter: /.*/, namespace: 'nemawashi-compromise' }, async () => ({ contents: await twoSource({ dataModule }), loader: 'js', resolveDir: COMPROMISE_SRC }));
      build.onResolve({ filter: /^nemawashi:compromise-one$/ }, () => ({ path: VIRTUAL_ONE.slice(1), namespace: 'nemawashi-compromise-one' }));
      build.onLoad({ filter: /.*/, namespace: 'nemawashi-compromise-data' }, async () => ({ contents: await dataSource(), loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: 'nemawashi-compromise-one' }, () => ({ contents: oneSource(), loader: 'js', resolveDir: COMPROMISE_SRC }));
      build.onLoad({ filter: /preTagger[\\/]model[\\/]index\.js$/ }, async (args) => (args.path === PRETAG_MODEL ? { contents: await preTagModelSource({ dataModule }), loader: 'js', resolveDir: dirname(PRETAG_MODEL) } : undefined));
      build.onLoad({ filter: /postTagger[\\/]compute[\\/]index\.js$/ }, async (args) => (args.path === POSTTAG_COMPUTE ? { contents: await postTaggerComputeSource({ dataModule }), loader: 'js', resolveDir: dirname(POSTTAG_COMPUTE) } : undefined));
    },
  };
}
