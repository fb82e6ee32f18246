/**
 * The extension and the CLI are built with compromise's lexicon computed at build time
 * (scripts/compromise-precompute.mjs). That must change nothing: the world it gives (every table
 * of the model) and the tags of real sentences are exactly those of the library as published.
 */
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nlpReal from 'compromise/two';
import { compromisePrecomputeEsbuild } from '../scripts/compromise-precompute.mjs';

type Nlp = typeof nlpReal;

const ROOT = resolve(import.meta.dirname, '..');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nemawashi-compromise-'));
  writeFileSync(join(dir, 'entry.mjs'), "export { default } from 'compromise/two';\n");
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Builds `compromise/two` as the builds do, its tables read in place: with the data in a module of
 * its own (the extension's form) or in the modules (the CLI's).
 */
async function buildTwo(dataModule: boolean): Promise<string> {
  const out = join(dir, `built${dataModule ? '-data' : ''}.mjs`);
  await build({ entryPoints: [join(dir, 'entry.mjs')], outfile: out, bundle: true, format: 'esm', platform: 'neutral', nodePaths: [join(ROOT, 'node_modules')], plugins: [compromisePrecomputeEsbuild({ dataModule })], logLevel: 'warning' });
  // The bundle is the replacement, not the library: it must not read compromise's packed lexicon.
  expect(readFileSync(out, 'utf8')).not.toContain('efrt');
  return out;
}

/** The model as data: regular expressions and functions by their source. */
function serialise(model: unknown): string {
  return JSON.stringify(model, (_k, v: unknown) => (v instanceof RegExp ? `/${v.source}/${v.flags}` : typeof v === 'function' ? String(v) : v));
}

/** As serialise, and a Set by its members in order, an undefined value by name (key order counts). */
function exact(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v instanceof Set ? { set: [...(v as Set<unknown>)] } : v instanceof RegExp ? { regexp: `/${v.source}/${v.flags}` } : v === undefined ? '(undefined)' : typeof v === 'function' ? String(v) : v,
  );
}

interface Pattern {
  match: string;
  regs?: unknown;
}

describe.each([
  { form: 'the data in a module of its own (the extension)', dataModule: true },
  { form: 'the data in the modules (the CLI)', dataModule: false },
])('compromise with the lexicon computed at build time, $form', ({ dataModule }) => {
  let out = '';
  let nlpBuilt: Nlp;
  beforeAll(async () => {
    out = await buildTwo(dataModule);
    nlpBuilt = ((await import(pathToFileURL(out).href)) as { default: Nlp }).default;
  }, 60_000);

  it('has the same world: lexicon (same keys in the same order), multi-word cache, switches, uncountables and every other table', () => {
    // One sentence each first: the library parses its match network on its first sentence, and
    // the other form's tests have already used it.
    nlpReal('Send it.').json();
    nlpBuilt('Send it.').json();
    const real = nlpReal.model() as { one: { lexicon: Record<string, unknown> } };
    const built = nlpBuilt.model() as { one: { lexicon: Record<string, unknown> } };
    expect(Object.keys(built.one.lexicon)).toEqual(Object.keys(real.one.lexicon));
    expect(Object.keys(real.one.lexicon).length).toBeGreaterThan(10_000);
    expect(serialise(built)).toBe(serialise(real));
  });

  it('prepares in steps (tables, then the match network) and then tags exactly as the library does', async () => {
    // A second copy of the built module, fresh: prepared one short step at a time, as the
    // engine script does when a compose opens.
    const fresh = ((await import(`${pathToFileURL(out).href}?fresh`)) as { default: Nlp & { prepareTagger(deadline: number): boolean } }).default;
    let steps = 0;
    while (!fresh.prepareTagger(0)) steps++;
    expect(steps).toBeGreaterThan(20);
    const sentences = ['Send it.', 'Please send me the report by Friday.', "Could you confirm the schedule, and call me tomorrow? We'd've gone."];
    // Text and tags of each term (term ids are per instance).
    const tags = (nlp: Nlp) =>
      sentences.map((s) => (nlp(s).json() as Array<{ terms: Array<{ text: string; tags: string[] }> }>).map((x) => x.terms.map((t) => `${t.text}/${t.tags.join(',')}`).join(' ')));
    expect(tags(fresh)).toEqual(tags(nlpReal));
    expect(serialise(fresh.model())).toBe(serialise(nlpReal.model()));
  });

  it('fills in the match network parsed at build time exactly as the library parses it (Sets, regular expressions, key order)', async () => {
    const fresh = ((await import(`${pathToFileURL(out).href}?net`)) as { default: Nlp & { prepareTagger(deadline: number): boolean } }).default;
    while (!fresh.prepareTagger(0));
    // The library parses its patterns on its first sentence.
    nlpReal('Send it.').json();
    const patterns = (nlp: Nlp) => (nlp.model() as { two: { matches: Pattern[] } }).two.matches;
    const built = patterns(fresh);
    const real = patterns(nlpReal);
    expect(real.length).toBeGreaterThan(500);
    expect(real.every((p) => Array.isArray(p.regs))).toBe(true);
    expect(built.map((p) => p.match)).toEqual(real.map((p) => p.match));
    for (let i = 0; i < real.length; i++) expect(exact(built[i]), real[i]!.match).toBe(exact(real[i]));
    // Some patterns hold a Set (fast "or") and a regular expression, which JSON alone would lose.
    expect(exact(real)).toContain('"set":');
    expect(exact(real)).toContain('"regexp":');
  });

  it('has the tag set the library computes from its tags (computed at build time), undefined fields included', () => {
    type TagSet = Record<string, Record<string, unknown>>;
    const tagSet = (nlp: Nlp) => (nlp.model() as { one: { tagSet: TagSet } }).one.tagSet;
    const real = tagSet(nlpReal);
    expect(Object.keys(real).length).toBeGreaterThan(50);
    // JSON alone would drop these keys: the build keeps them.
    expect(Object.values(real).some((t) => Object.keys(t).some((k) => t[k] === undefined))).toBe(true);
    expect(exact(tagSet(nlpBuilt))).toBe(exact(real));
  });

  it('parses a pattern the build did not see, as the library does', async () => {
    const fresh = ((await import(`${pathToFileURL(out).href}?extra`)) as { default: Nlp & { prepareTagger(deadline: number): boolean } }).default;
    // A pattern added before the network is built (as a plugin could) and one whose text changed.
    const matches = (fresh.model() as { two: { matches: Pattern[] } }).two.matches;
    const changed = { ...matches[0]!, match: '#Copula [#Adjective] to' };
    matches[0] = changed;
    matches.push({ match: 'nemawashi [#Noun]', tag: 'Organization', reason: 'test' } as Pattern);
    while (!fresh.prepareTagger(0));
    const plain = ((await import(`${pathToFileURL(out).href}?extra-real`)) as { default: Nlp }).default;
    const world = (plain as unknown as { world(): unknown }).world();
    const parse = (plain as unknown as { world(): { methods: { one: { parseMatch(m: string, o: object, w: unknown): unknown } } } }).world().methods.one.parseMatch;
    expect(exact(changed.regs)).toBe(exact(parse(changed.match, {}, world)));
    expect(exact(matches.at(-1)!.regs)).toBe(exact(parse('nemawashi [#Noun]', {}, world)));
  });

  it('tags every sentence of the corpus (and a few hard ones) exactly as the library does', async () => {
    // A fresh copy: nothing has asked for its tables whole (read in place, in the CLI's form).
    const fresh = ((await import(`${pathToFileURL(out).href}?corpus`)) as { default: Nlp }).default;
    const corpus = resolve(ROOT, '../shared/corpus');
    const texts = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.eml')).map((f) => readFileSync(join(corpus, f), 'utf8')) : [];
    texts.push("Send it. Please send me the report by Friday. Could you confirm the schedule, and call me tomorrow? We'd've gone. The boxes were boxed; she's running runs.");
    const sentences = texts.flatMap((t) => t.split(/(?<=[.!?])\s+|\n+/)).filter((s) => s.trim().length > 0);
    expect(sentences.length).toBeGreaterThan(100);
    // Text and tags of each term, as src/engine/nlp.ts reads them (term ids are per instance).
    const tags = (nlp: Nlp) =>
      sentences.map((s) => (nlp(s).json() as Array<{ terms: Array<{ text: string; tags: string[] }> }>).map((x) => x.terms.map((t) => `${t.text}/${t.tags.join(',')}`).join(' ')));
    expect(tags(fresh)).toEqual(tags(nlpReal));
  });
});

type Table = Record<string, unknown>;
const TABLES = (nlp: Nlp): Record<string, Table> => {
  const model = nlp.model() as { one: Record<string, Table>; two: Record<string, Table> };
  return { lexicon: model.one.lexicon!, multi: model.one._multiCache!, switches: model.two.switches!, uncountable: model.two.uncountable! };
};

describe("compromise's tables read in place", () => {
  let out = '';
  beforeAll(async () => {
    out = await buildTwo(false);
  }, 60_000);
  const fresh_ = async (tag: string) => ((await import(`${pathToFileURL(out).href}?${tag}`)) as { default: Nlp }).default;

  it('reads every key as the library has it, and a word it lacks as the library does, before anything fills them in', async () => {
    const real = TABLES(nlpReal);
    const built = TABLES(await fresh_('reads'));
    const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
    for (const name of Object.keys(real)) {
      const [r, b] = [real[name]!, built[name]!];
      const keys = Object.keys(r);
      expect(keys.length, name).toBeGreaterThan(100);
      // Collected, then asserted once: 25,000 expect() calls took most of the time budget.
      const wrong: string[] = [];
      for (const k of keys) {
        if (JSON.stringify(b[k]) !== JSON.stringify(r[k]) || !own(b, k) || !(k in b)) wrong.push(k);
        // The same value each time (an array is the key's own, as in a filled table).
        if (b[k] !== b[k]) wrong.push(`${k} (a new value each read)`);
      }
      expect(wrong, name).toEqual([]);
      // Not in the table: words, the names every object has, a key with the build's separators
      // (whatever they are: each printable character in turn, around a key of the table).
      const printable = [...Array(95)].map((_, i) => String.fromCharCode(32 + i));
      const absent = ['nemawashi', '', 'toString', 'hasOwnProperty', 'constructor', '__proto__', 'valueOf', `${keys[0]}x`, ...printable.map((c) => `${keys[0]}${c}${keys[1]}`), ...printable];
      for (const k of absent) {
        expect(b[k], `${name}[${JSON.stringify(k)}]`).toBe(r[k]);
        expect(own(b, k), `${name} owns ${JSON.stringify(k)}`).toBe(own(r, k));
        expect(k in b, `${JSON.stringify(k)} in ${name}`).toBe(k in r);
      }
    }
  });

  it('parses the verb and adjective models when one is first read, same keys and order before and after', async () => {
    type Models = Record<string, unknown>;
    const models = (nlp: Nlp) => (nlp.model() as { two: { models: Models } }).two.models;
    const real = models(nlpReal);
    const fresh = await fresh_('models');
    // Tagging does not read them.
    fresh('Please send me the report by Friday.').json();
    const built = models(fresh);
    expect(Object.keys(built)).toEqual(Object.keys(real));
    expect(Object.keys(real).length).toBeGreaterThan(3);
    const first = Object.keys(real)[0]!;
    expect(typeof Object.getOwnPropertyDescriptor(built, first)!.get).toBe('function');
    expect(serialise(built[first])).toBe(serialise(real[first]));
    // Then plain data, as the library has them.
    for (const k of Object.keys(real)) expect(Object.getOwnPropertyDescriptor(built, k)!.value, k).toBe(built[k]);
    expect(serialise(built)).toBe(serialise(real));
    expect(Object.keys(built)).toEqual(Object.keys(real));
    // A write before any read (as a plugin's merge would do) lands as data too.
    const other = models(await fresh_('models-write'));
    other[first] = 'replaced';
    expect(other[first]).toBe('replaced');
    expect(Object.keys(other)).toEqual(Object.keys(real));
  });

  it('fills a table in, in the library order, when it is written to, and then behaves as the filled table', async () => {
    const copy = (t: Table): Table => Object.assign({}, t);
    const real = Object.fromEntries(Object.entries(TABLES(nlpReal)).map(([k, t]) => [k, copy(t)]));
    const built = TABLES(await fresh_('writes'));
    for (const name of Object.keys(real)) {
      const [r, b] = [real[name]!, built[name]!];
      const [first, second] = Object.keys(r);
      const earlier = b[second!];
      // What plugins and nlp.addWords do: a new word, a changed one, one deleted.
      for (const t of [r, b]) {
        t['nemawashi'] = 'Organization';
        t[first!] = 'Noun';
        delete t[second!];
        t[second!] = earlier;
      }
      expect(Object.keys(b), name).toEqual(Object.keys(r));
      expect(serialise(b), name).toBe(serialise(r));
      expect(b[second!]).toBe(earlier);
    }
  });
});
