/**
 * Contractions are normalised once, in the engine (src/engine/text.ts): a phrase table spells a
 * phrase one way and matches every spelling of it ("don't" / "do not" / "dont" / "don’t",
 * "I am" / "I'm", "cannot" / "can't" / "can not"), and what is underlined is what the user typed.
 */
import { describe, expect, it } from 'vitest';
import { analyze, contractionSpellings, DEFAULT_CONTEXT, definePhrases, normalizeWord, PhraseTable, phraseKeys, tokenize } from '../src/nemawashi';

const matched = (table: PhraseTable, text: string): string[] => table.match(tokenize(text)).map((m) => text.slice(m.start, m.end));

describe('contractions in the token layer', () => {
  it('reads a contraction typed without its apostrophe, or with a curly one, as the contraction', () => {
    expect(['dont', 'DOESNT', 'youre', 'thats', 'shouldnt', 'Don’t', "can't"].map(normalizeWord)).toEqual(["don't", "doesn't", "you're", "that's", "shouldn't", "don't", "can't"]);
    // Words of their own stay words.
    expect(['wont', 'cant', 'ill', 'well', 'were', 'its', 'lets', 'id'].map(normalizeWord)).toEqual(['wont', 'cant', 'ill', 'well', 'were', 'its', 'lets', 'id']);
  });

  it('lists every spelling of a word sequence', () => {
    const spell = (w: string[]): string[] => contractionSpellings(w).map((s) => s.join(' ')).sort();
    expect(spell(["don't", 'agree'])).toEqual(['do not agree', "don't agree"]);
    expect(spell(['can', 'not'])).toEqual(['can not', "can't", 'cannot']);
    expect(spell(['that', 'is', 'not'])).toEqual(['that is not', "that isn't", "that's not"]);
    expect(spell(['next', 'week'])).toEqual(['next week']);
  });
});

describe('phrase tables spell a phrase once', () => {
  it('a contracted pattern matches the long form and the long form matches the contraction', () => {
    const short = definePhrases(["(i|we) don't agree"]);
    const long = definePhrases(['(i|we) do not agree']);
    for (const table of [short, long]) {
      expect(matched(table, 'We do not agree with the fee.')).toEqual(['We do not agree']);
      expect(matched(table, "We don't agree with the fee.")).toEqual(["We don't agree"]);
      expect(matched(table, 'We don’t agree with the fee.')).toEqual(['We don’t agree']);
      expect(matched(table, 'We dont agree with the fee.')).toEqual(['We dont agree']);
    }
  });

  it('contractions across parts of a pattern, and across a left-out optional word', () => {
    const t = definePhrases(['(i|we) (am|are) not convinced', '(that|this) (is|was) [simply|just] not true', 'i|we cannot accept']);
    expect(matched(t, "I'm not convinced, and we aren't convinced either.")).toEqual(["I'm not convinced", "we aren't convinced"]);
    expect(matched(t, "That isn't true. That's simply not true. This was just not true.")).toEqual(["That isn't true", "That's simply not true", 'This was just not true']);
    expect(matched(t, "We can't accept it, we can not accept it, we cannot accept it.")).toEqual(["We can't accept", 'we can not accept', 'we cannot accept']);
  });

  it('a pattern never matches half of a contraction', () => {
    const t = definePhrases(['we do', 'is not']);
    expect(matched(t, "We don't.")).toEqual([]);
    expect(matched(t, "It isn't.")).toEqual(["isn't"]);
    expect(matched(t, 'That is not it.')).toEqual(['is not']);
  });

  it('findings underline exactly what the user typed', () => {
    for (const body of ['We don’t agree with the new fee.', 'We dont agree with the new fee.', 'We do not agree with the new fee.']) {
      const f = analyze({ body }, { ...DEFAULT_CONTEXT, packs: ['ja'] }).find((x) => x.ruleId === 'ja/harsh-negative');
      expect(f, body).toBeDefined();
      expect(body.slice(f!.start, f!.end)).toBe(body.slice(0, body.indexOf(' agree') + ' agree'.length));
    }
  });
});

const modules = import.meta.glob<Record<string, unknown>>('../rules/**/*.ts', { eager: true });

describe("the rules' tables", () => {
  it('no entry says only what other entries of its table already say (a contraction and its long form are one spelling)', () => {
    const redundant: string[] = [];
    for (const [path, mod] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(mod)) {
        if (!(value instanceof PhraseTable)) continue;
        const byKey = new Map<string, Array<(typeof value.entries)[number]>>();
        for (const e of value.entries) for (const k of phraseKeys(e.pattern)) byKey.set(k, [...(byKey.get(k) ?? []), e]);
        for (const e of value.entries) {
          const same = (o: (typeof value.entries)[number]): boolean => o !== e && o.pattern !== e.pattern && o.tag === e.tag && o.replacement === e.replacement;
          if (phraseKeys(e.pattern).every((k) => byKey.get(k)!.some(same))) redundant.push(`${path}#${name}: ${e.pattern}`);
        }
      }
    }
    expect(redundant).toEqual([]);
  });
});
