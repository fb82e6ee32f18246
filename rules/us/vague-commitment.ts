import { firstTokenFrom, hasDeadline, defineRule, definePhrases, phraseCombinations, type Token } from '../../src/engine';

/**
 * Indirect answers that a Japanese reader hears as a polite "no" or "not yet", and an American
 * reader hears as "yes" or "maybe soon": deliberating without a decision date, "it is difficult"
 * as a refusal, possibility without commitment, and time words with no date. The class, not a
 * closed list: each entry is a family of wordings.
 */
// Each phrase is spelled once: contractions ("we'll", "let's") match through the engine (text.ts).
const WE_WILL = ['i will', 'we will', 'i shall', 'we shall', 'we would like to', 'we will have to', 'let me', 'let us'];
// Alternatives of any length go inside one part with the phrase syntax ("(a b|c)", "[a|b c]");
// phraseCombinations only joins the lists several entries share (WE_WILL, DEGREE, COPULA, ...).
const DEGREE = ['[very|rather|somewhat|quite|extremely|really|too]', 'a little|bit', 'a little bit'];
const COPULA = ['is|seems', 'would|will|may|might|could be'];
const DIFFICULT = 'difficult|hard|tough|challenging';
/** What may follow "difficult" when it closes the answer: the end of a clause, or "for now". */
const CLAUSE_END = ['.|,|;|!', 'now', 'for now', 'right now', 'at this|the moment|time', 'at this|the stage|point', 'this time|year|quarter'];
const US_SIDE = ['us|me', 'our company|team|side|management|department'];

export const VAGUE_COMMITMENT_PHRASES = definePhrases(() => [
  // Deliberation with no decision: "we will consider it", "we'll study it", "let me think about it".
  ...phraseCombinations(
    WE_WILL,
    ['[carefully|positively|seriously|further|internally]'],
    ['consider|study|examine|ponder|reconsider|deliberate', 'think about|over'],
    ['[it|this|that]', 'the matter'],
  ),
  ...phraseCombinations(['we are|were', 'i am'], ['[currently|still|carefully|now|positively]'], ['considering|studying|examining|deliberating|pondering', 'thinking about|over']),
  'under consideration',
  'need|needs|require more|some time to consider|think|decide|study|examine|discuss',
  'think it|this|that over',
  'mull it|this|that over',
  'mull over',
  'take it|this|that back',
  'review|discuss|check|consider it|this|that internally',
  'review|discuss|check internally',
  'examine|consider|study|review it|this|that positively',
  'positively consider|examine|study',
  'favorably|favourably consider',
  'in a forward-looking|positive manner',
  'with a positive attitude',
  // Only the writer's own promise (checked in `check`): "She will get back to you on the
  // confirms" is a colleague's next step, not the writer's vague answer.
  { pattern: 'come|get back to you [later|soon|eventually]', tag: 'come-back' },
  // "It is difficult" as a refusal, in its usual shapes: closing a clause, or "for us".
  // DEGREE's first entry is all optional: it covers "it is difficult" with no degree word.
  ...phraseCombinations(['it', 'this', 'that'], COPULA, DEGREE, [DIFFICULT, 'not easy'], CLAUSE_END),
  ...phraseCombinations(['', 'a', 'a very', 'a rather'], [DIFFICULT], ['request|proposal|condition|situation|decision|one'], ['for'], US_SIDE),
  ...phraseCombinations(DEGREE, [DIFFICULT, 'not easy'], ['for'], US_SIDE),
  'hard|difficult to say',
  // Possibility without commitment.
  'it|this|that may|might|could be possible',
  'may|might|could be possible',
  'we will see',
  "let's see",
  // Time without a date.
  'at some point',
  'sometime|someday',
  'some day',
  'in the near|foreseeable future',
  'in due course|time',
  'when the time is right',
  'when|once things calm|settle down',
  'a bit|little later',
  'at a later date|stage|time',
  'down the road',
]);

/** Words after which a clause starts afresh: "Thanks, we are considering it", "and we are considering". */
const CLAUSE_STARTERS = new Set(['and', 'but', 'so', 'now', 'currently', 'still', 'yes', 'no', 'ok', 'okay', 'thanks', 'also', 'meanwhile', 'however']);

/** Whether a sentence sets a time limit, read once per sentence (a scan per match was quadratic). */
const deadlineCache = new WeakMap<object, boolean>();
function sentenceHasDeadline(sentence: { tokens: readonly Token[] }): boolean {
  let v = deadlineCache.get(sentence);
  if (v === undefined) {
    v = hasDeadline(sentence.tokens);
    deadlineCache.set(sentence, v);
  }
  return v;
}

function isRelativeClause(tokens: readonly Token[], start: number, end: number): boolean {
  let k = firstTokenFrom(tokens, start);
  if (k <= 0 || k >= tokens.length) return false;
  const before = tokens[k - 1]!;
  // Only "we are considering" after a noun: "the tools we are considering"; not "it is under consideration".
  if (!/^(?:we|i|we're|i'm)$/.test(tokens[k]!.norm)) return false;
  if (!before.isWord || CLAUSE_STARTERS.has(before.norm)) return false;
  while (k < tokens.length && tokens[k]!.start < end) k++;
  const after = tokens[k];
  return after === undefined || !after.isWord;
}

export default defineRule({
  id: 'us/vague-commitment',
  pack: 'us',
  severity: 'warning',
  description: {
    en: 'Indirect answers ("we will consider it", "it is difficult", "at some point") that Americans read as yes or maybe.',
    ja: '「検討します」「難しいです」「いずれ」のような遠回しな返事。アメリカ人には「はい」や「たぶん」と受け取られます。',
  },
  messages: {
    default: {
      en: 'Vague commitment: "{phrase}" does not say yes, no, or when you will decide.',
      ja: 'あいまいな返事：「{phrase}」では、イエスかノーか、いつ決めるのかが伝わりません。',
    },
  },
  rationales: {
    default: {
      en: 'In American business, "we will consider it" sounds like a real maybe, and "it is difficult" sounds like a problem to solve, not a no. The partner will plan on an answer that is not coming.',
      ja: 'アメリカのビジネスでは「検討します」は本当に前向きな「たぶん」、「難しい」は断りではなく「解決すべき課題」と受け取られます。相手は来ない返事を待って計画を立ててしまいます。',
    },
  },
  advice: {
    en: 'Say yes, no, or when you will decide: "We will decide by Friday, May 8, and let you know."',
    ja: 'イエス、ノー、またはいつ決めるかをはっきり書きましょう。例：「We will decide by Friday, May 8, and let you know.」',
  },
  // Each finding is its sentence's own: a long draft's slices keep them window by window (src/engine/sliced.ts).
  scope: 'sentence',
  check(doc) {
    const reports = [];
    for (const m of doc.match(VAGUE_COMMITMENT_PHRASES)) {
      const sentence = doc.sentenceAt(m.start);
      if (sentence && (m.entry as { tag?: string }).tag === 'come-back') {
        // The dozen words before it (bounded, so many matches in one sentence stay linear).
        const at = firstTokenFrom(sentence.tokens, m.start);
        const before = sentence.tokens.slice(Math.max(0, at - 24), at).filter((t) => t.isWord).map((t) => t.norm);
        // The nearest subject pronoun or name before it: the writer's promise, or someone else's.
        const subject = [...before].reverse().find((w) => /^(?:i|we|i'll|we'll|i'd|we'd|he|she|they|he'll|she'll|they'll)$/.test(w));
        const named = /^\p{Lu}\p{Ll}+ (?:will|should|can)\b/u.test(doc.body.slice(Math.max(sentence.start, m.start - 200), m.start).split(/[,;]/).pop()!.trim());
        if ((subject !== undefined && !/^(?:i|we|i'll|we'll|i'd|we'd)$/.test(subject)) || (subject === undefined && named)) continue;
      }
      // A decision date in the same sentence turns deliberation into a commitment.
      if (sentence && sentenceHasDeadline(sentence)) continue;
      // "the new tools we are considering": a relative clause that describes a thing (its object
      // comes before it and nothing follows the verb), not an answer that leaves the reader waiting.
      if (sentence && (m.entry as { tag?: string }).tag !== 'come-back' && isRelativeClause(sentence.tokens, m.start, m.end)) continue;
      // Trailing punctuation is part of some patterns ("it is difficult.") but not of the span.
      let end = m.end;
      const body = doc.body;
      while (end > m.start && /[.,;]/.test(body[end - 1]!)) end--;
      const phrase = body.slice(m.start, end);
      reports.push({
        start: m.start,
        end,
        data: { phrase },
        suggestion: {
          text: {
            en: 'Give a clear answer or a decision date, e.g. "We can’t offer a 10% discount this year" or "We will decide by Friday, May 8."',
            ja: 'はっきりした答えか、決める日付を書きましょう。例：「We can’t offer a 10% discount this year.」「We will decide by Friday, May 8.」',
          },
        },
      });
    }
    return reports;
  },
  examples: {
    fire: [
      { text: 'Thank you for the proposal. We will consider it.', excerpt: 'We will consider it' },
      { text: 'Regarding the 10% discount, this is a difficult request for us at this moment.', excerpt: 'a difficult request for us' },
      { text: 'We will take it back and review it internally with our sales director.', excerpt: 'take it back' },
      { text: 'About starting in January, I think it might be possible. We’ll mull it over and come back to you.', excerpt: 'it might be possible' },
      { text: 'We will examine it in a forward-looking manner with our management.', excerpt: 'in a forward-looking manner' },
      { text: 'We hope to expand the order at some point.', excerpt: 'at some point' },
      { text: 'Honestly, it is difficult.', excerpt: 'it is difficult' },
      { text: 'We will think about it and reply.', excerpt: 'We will think about it' },
      { text: "It's a bit difficult at the moment.", excerpt: "It's a bit difficult at the moment" },
      { text: 'We are still considering your offer.', excerpt: 'We are still considering' },
      { text: 'Thanks for the offer, we are considering.', excerpt: 'we are considering' },
      { text: 'Let me think about it.', excerpt: 'Let me think about it' },
      { text: 'That would be hard for our team.', excerpt: 'hard for our team' },
    ],
    pass: [
      { text: 'Did you have a chance to look at the new tools we are considering?' },
      { text: 'We will decide by Friday and let you know.' },
      { text: 'Yes, we can do that.' },
      { text: 'Our management will review the terms on Thursday, and we will decide by Friday, January 16.' },
      { text: 'We will consider your proposal and reply by May 3.' },
      { text: 'It is difficult to overstate how much the new line helped us.' },
      { text: 'No, we cannot offer a discount this year.' },
      { text: 'Perhaps we could use the extra week to run a small beta with your staff?' },
      { text: 'About starting in January: we will decide by December 12 and let you know.' },
      { text: 'The test was difficult, but the parts passed.' },
    ],
  },
});
