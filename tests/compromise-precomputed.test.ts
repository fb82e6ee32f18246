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
let nlpBuilt: Nlp;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nemawashi-compromise-'));
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, "export { default } from 'compromise/two';\n");
  const out = join(dir, 'built.mjs');
  await build({ entryPoints: [entry], outfile: out, bundle: true, format: 'esm', platform: 'neutral', nodePaths: [join(ROOT, 'node_modules')], plugins: [compromisePrecomputeEsbuild()], logLevel: 'warning' });
  // The bundle is the replacement, not the library: it must not read compromise's packed lexicon.
  expect(readFileSync(out, 'utf8')).not.toContain('efrt');
  nlpBuilt = ((await import(pathToFileURL(out).href)) as { default: Nlp }).default;
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

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

describe('compromise with the lexicon computed at build time', () => {
  it('has the same world: lexicon (same keys in the same order), multi-word cache, switches, uncountables and every other table', () => {
    const real = nlpReal.model() as { one: { lexicon: Record<string, unknown> } };
    const built = nlpBuilt.model() as { one: { lexicon: Record<string, unknown> } };
    expect(Object.keys(built.one.lexicon)).toEqual(Object.keys(real.one.lexicon));
    expect(Object.keys(real.one.lexicon).length).toBeGreaterThan(10_000);
    expect(serialise(built)).toBe(serialise(real));
  });

  it('prepares in steps (tables, then the match network) and then tags exactly as the library does', async () => {
    // A second copy of the built module, fresh: prepared one short step at a time, as the
    // engine script does when a compose opens.
    const out = join(dir, 'built.mjs');
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
    const out = join(dir, 'built.mjs');
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
    const out = join(dir, 'built.mjs');
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

  it('tags every sentence of the corpus (and a few hard ones) exactly as the library does', () => {
    const corpus = resolve(ROOT, '../shared/corpus');
    const texts = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.eml')).map((f) => readFileSync(join(corpus, f), 'utf8')) : [];
    texts.push("Send it. Please send me the report by Friday. Could you confirm the schedule, and call me tomorrow? We'd've gone. The boxes were boxed; she's running runs.");
    const sentences = texts.flatMap((t) => t.split(/(?<=[.!?])\s+|\n+/)).filter((s) => s.trim().length > 0);
    expect(sentences.length).toBeGreaterThan(100);
    // Text and tags of each term, as src/engine/nlp.ts reads them (term ids are per instance).
    const tags = (nlp: Nlp) =>
      sentences.map((s) => (nlp(s).json() as Array<{ terms: Array<{ text: string; tags: string[] }> }>).map((x) => x.terms.map((t) => `${t.text}/${t.tags.join(',')}`).join(' ')));
    expect(tags(nlpBuilt)).toEqual(tags(nlpReal));
  });
});
