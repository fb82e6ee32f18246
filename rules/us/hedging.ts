import { defineRule, definePhrases, type PhraseMatch, type RuleDoc, phraseCombinations } from '../../src/engine';

/**
 * Hedges: words that soften a statement into an opinion or a possibility. A class (RULES.md):
 * epistemic adverbs, "I think"-type frames, appearance verbs, vague degree words and tentative
 * request frames. Approximations of quantities ("about 40", "roughly $2,400") are not hedges.
 */
export const HEDGE_PHRASES = definePhrases<{ pattern: string; tag?: string }>(() => [
  'perhaps|maybe|possibly|presumably|probably|conceivably|arguably|supposedly|apparently|hopefully|seemingly',
  'somewhat|slightly|fairly|relatively|kinda|sorta',
  { pattern: 'rather', tag: 'rather' },
  { pattern: 'kind|sort of', tag: 'kind-of' },
  'a little [bit]',
  'a bit',
  'a tad',
  'more or less',
  'to some extent|degree',
  'to a certain extent|degree',
  'in a way|sense',
  'in some ways',
  'so to speak',
  'i think|guess|suppose|believe|feel|imagine|reckon|assume',
  "i don't think",
  'i feel like',
  'in my opinion|view',
  'it seems|appears',
  'seem|seems|seemed',
  'appear|appears to',
  'it would seem|appear',
  'it might|may|could be',
  'might',
  'may be|have',
  'it|this|that may',
  'if possible',
  'if at all possible',
  'not sure',
  'unsure',
  'as far as i know',
  'if i am not mistaken',
  'i may|might be wrong',
  ...phraseCombinations(['i', 'we'], ['was', 'were', 'am', 'are', ''], ['wondering', 'hoping'], ['if', 'whether']),
  'i wonder if|whether',
]);

/** Words before "kind of" / "sort of" that make it a noun phrase ("what kind of support"). */
const KIND_OF_DETERMINERS = new Set([
  'what', 'which', 'this', 'that', 'the', 'a', 'any', 'some', 'every', 'each', 'no', 'same', 'one',
  'these', 'those', 'all', 'other', 'another', 'different', 'right', 'wrong', 'particular', 'first',
  'new', 'only', 'similar', 'certain', 'whatever', 'our', 'your', 'their', 'its', 'my', 'his', 'her',
]);

/** RULES.md: more than one hedge per 40 words, and at least 3. */
export const WORDS_PER_HEDGE = 40;
export const MIN_HEDGES = 3;

/** Hedge matches, without the non-hedging uses of "rather" and "kind of". */
export function findHedges(doc: RuleDoc): PhraseMatch<{ pattern: string; tag?: string }>[] {
  const hedges = doc.match(HEDGE_PHRASES);
  return hedges.filter((m) => {
    if (!m.entry.tag) return true;
    const para = doc.paragraphs.find((p) => m.start >= p.start && m.end <= p.end);
    if (!para) return true;
    const prev = para.tokens[m.tokenStart - 1];
    const next = para.tokens[m.tokenEnd];
    // "rather than", "would rather", "or rather"
    if (m.entry.tag === 'rather') return next?.norm !== 'than' && !['would', "i'd", "we'd", 'or'].includes(prev?.norm ?? '');
    return !(prev && KIND_OF_DETERMINERS.has(prev.norm));
  });
}

export default defineRule({
  id: 'us/hedging',
  pack: 'us',
  severity: 'warning',
  description: {
    en: 'Too many hedges (perhaps, maybe, I think, a little, it seems...): more than one per 40 words.',
    ja: '「たぶん」「〜と思います」「少し」「〜のようです」などのぼかし表現が多すぎる（40語に1つを超える）。',
  },
  messages: {
    default: {
      en: 'Hedge "{phrase}": {count} hedges in {words} words.',
      ja: 'ぼかし表現「{phrase}」：{words}語の中に{count}個あります。',
    },
  },
  rationales: {
    default: {
      en: 'American readers take hedges at face value: many of them make the writer sound unsure, and the real point gets lost.',
      ja: 'アメリカの読み手はぼかし表現を文字どおりに受け取ります。多すぎると自信がないように聞こえ、本当に伝えたいことが埋もれてしまいます。',
    },
  },
  advice: {
    en: 'State it plainly; keep one hedge where the uncertainty is real. "I think we are in kind of a tricky spot" → "We are in a tricky spot".',
    ja: 'はっきり言い切りましょう。本当に不確かな箇所にだけ一つ残せば十分です。例：「I think we are in kind of a tricky spot」→「We are in a tricky spot」',
  },
  check(doc) {
    const hedges = findHedges(doc);
    if (hedges.length < MIN_HEDGES || hedges.length * WORDS_PER_HEDGE <= doc.wordCount) return [];
    return hedges.map((m) => ({
      start: m.start,
      end: m.end,
      data: { phrase: doc.body.slice(m.start, m.end), count: hedges.length, words: doc.wordCount },
    }));
  },
  examples: {
    fire: [
      {
        text: 'I think we are in kind of a tricky spot. It seems the sandbox has been a little unstable, and QA is somewhat behind. Maybe we could move the launch?',
        excerpt: 'I think',
      },
      {
        text: 'I think our extraction step may be a little different from yours, and it seems this could explain the lower quality. Perhaps we use too much input.',
        excerpt: 'Perhaps',
      },
      {
        text: 'About January, I think it might be possible, but maybe it is a little early for our team. Perhaps we can start a bit later.',
        excerpt: 'maybe',
      },
      { text: 'I was wondering if we could possibly meet, if possible, on Monday.', excerpt: 'I was wondering if' },
      { text: 'The results are rather weak, sort of mixed, and arguably late.', excerpt: 'rather' },
    ],
    pass: [
      { text: 'I think the new date works. The sandbox is stable, QA is on track, and we can launch on December 8 as planned with the full rewards screen.' },
      { text: 'What kind of support do you need? We prefer email rather than calls, and this sort of issue is usually fixed in a day.' },
      { text: 'We scanned about 400 badges, roughly twice last year, and approximately 90 leads are qualified.' },
      {
        text: 'Perhaps the most important result is the yield: it rose from 91% to 97% after the new fixtures went in. The team also cut cycle time by 12 seconds per part, which frees two shifts a week. Maybe we can share the method with your Kobe line when you visit next month.',
      },
    ],
  },
});
