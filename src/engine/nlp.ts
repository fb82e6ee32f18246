/**
 * The one module that imports compromise (STYLE.md): rules ask for parts of speech through
 * these helpers, so the NLP library can be swapped or loaded lazily in one place.
 *
 * We use `compromise/two` (tokenizer + tagger, no `.questions()`): the tagger is all the rules
 * need, and it is much smaller than the full bundle. Tagging costs ~40 µs per word, so it only
 * ever runs on single sentences a rule has picked as candidates, and results are cached by text.
 */
import nlp from 'compromise/two';
import { Lru } from './lru';

export interface TaggedTerm {
  text: string;
  tags: string[];
}

// 2,000 sentences, of at most 200,000 characters in all (the tags of a sentence grow with it).
const tagCache = new Lru<TaggedTerm[]>(2000, 200_000);

/** Part-of-speech tags for each term of one sentence. Cached (LRU) by the sentence text. */
export function tagSentence(sentence: string): TaggedTerm[] {
  const hit = tagCache.get(sentence);
  if (hit) return hit;
  let terms: TaggedTerm[] = [];
  try {
    // Guard against pathological input: tag at most the first 600 characters of a sentence.
    const capped = sentence.length > 600 ? sentence.slice(0, 600) : sentence;
    const json = nlp(capped).json({ terms: { text: true, tags: true } }) as Array<{
      terms: Array<{ text: string; tags: string[] }>;
    }>;
    terms = json.flatMap((s) => s.terms.map((t) => ({ text: t.text, tags: t.tags })));
  } catch {
    terms = [];
  }
  tagCache.set(sentence, terms);
  return terms;
}

/** True when the sentence opens with a verb the tagger reads as an imperative. */
export function startsWithImperative(sentence: string): boolean {
  const terms = tagSentence(sentence);
  const first = terms[0];
  return !!first && first.tags.includes('Imperative');
}

/** Whether the tagger reads this word (in isolation) as a verb in its base form. */
export function isInfinitiveVerb(word: string): boolean {
  const terms = tagSentence(word);
  const first = terms[0];
  return !!first && first.tags.includes('Verb') && first.tags.includes('Infinitive');
}

/** Loads the tagger's lexicon so the first real call is fast (call before the user types). */
export function warmUp(): void {
  tagSentence('Please send me the report by Friday.');
}

let lexicon: Record<string, string | string[]> | undefined;
const commonCache = new Map<string, boolean>();

/**
 * Whether a word (any case) is an ordinary English word — in the tagger's lexicon, or read by
 * the tagger as a verb, adjective or adverb — rather than a name or a code ("Enron", "CAISO",
 * "HRGIS"). A shouted word is an ordinary word written in capitals; a name in capitals is a name.
 */
export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  const hit = commonCache.get(w);
  if (hit !== undefined) return hit;
  if (!lexicon) {
    try {
      const model = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model();
      lexicon = model.one.lexicon;
    } catch {
      lexicon = {};
    }
  }
  let known = Object.prototype.hasOwnProperty.call(lexicon, w);
  if (known) {
    const tags = ([] as string[]).concat(lexicon[w]!);
    // The lexicon also lists first names, places and organisations.
    if (tags.every((t) => /Person|Name|Place|City|Country|Region|Organization|Acronym/.test(t))) known = false;
  } else {
    const terms = tagSentence(w);
    const tags = terms.length === 1 ? terms[0]!.tags : [];
    known = tags.some((t) => t === 'Verb' || t === 'Adjective' || t === 'Adverb' || t === 'Gerund' || t === 'PastTense');
  }
  if (commonCache.size > 5000) commonCache.clear();
  commonCache.set(w, known);
  return known;
}
