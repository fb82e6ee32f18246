import { defineRule, definePhrases, phraseCombinations } from '../../src/engine';
import { UNNEEDED_APOLOGY_PHRASES } from './over-apology';

const I_AM = ['i am'];
const LANGUAGES = ['english', 'japanese'];

/**
 * Running oneself down: one's language skills, one's standing ("I'm just a junior engineer"),
 * one's knowledge ("I'm not an expert", "I don't have much background in"), and one's question
 * ("this may be a stupid question"). The apology wrapped around it is us/over-apology's.
 * Made on first use: 7,000 generated phrases, which a draft without an American reader never
 * needs (issue 12, the CLI's start).
 */
export const SELF_DEPRECATION_PHRASES = definePhrases(() => [
  // Language.
  ...phraseCombinations(['my'], ['poor', 'bad', 'broken', 'limited', 'terrible', 'weak', 'clumsy', 'awkward', 'imperfect'], LANGUAGES),
  ...phraseCombinations(['my'], LANGUAGES, ['is', 'is still'], ['not', 'not so', 'not very', 'not that', 'not really'], ['good', 'great', 'fluent', 'perfect']),
  ...phraseCombinations(['my'], LANGUAGES, ['is', 'is still', "isn't"], ['poor', 'bad', 'limited', 'weak', 'good enough']),
  ...phraseCombinations(I_AM, ['', 'very', 'really'], ['bad at', 'weak in', 'weak at', 'poor at', 'not good at', 'not very good at', 'not so good at'], LANGUAGES),
  "i don't speak english|japanese well",
  // Standing.
  ...phraseCombinations(I_AM, ['just', 'only', 'merely', 'simply'], ['a', 'an']),
  ...phraseCombinations(I_AM, ['not', 'no'], ['', 'an', 'a'], ['expert', 'specialist', 'engineer', 'lawyer', 'professional']),
  ...phraseCombinations(I_AM, ['not', 'not very', 'not so'], ['smart', 'clever', 'experienced', 'knowledgeable']),
  ...phraseCombinations(I_AM, ['not a native'], ['', 'english'], ['speaker']),
  ...phraseCombinations(I_AM, ['a|an|just|only|merely|simply'], ['beginner|newbie|novice|amateur|layman|layperson']),
  // Knowledge.
  ...phraseCombinations(['i', 'we'], ['know'], ['nothing', 'very little', 'little'], ['about']),
  ...phraseCombinations(['i', 'we'], ["don't"], ['have'], ['much', 'a lot of', 'any', 'enough'], ['background', 'experience', 'knowledge', 'expertise'], ['in', 'with', 'of', 'on']),
  ...phraseCombinations(['i', 'we'], ["don't"], ['know'], ['much', 'a lot', 'anything'], ['about']),
  ...phraseCombinations(['excuse', 'forgive', 'pardon'], ['my'], ['ignorance', 'lack of knowledge']),
  ...phraseCombinations(I_AM, ['not'], ['a', 'the', 'much of a'], ['techie', 'tech person', 'computer person', 'numbers person', 'geek', 'guru', 'whiz', 'pro']),
  // Deference that lowers oneself: "You obviously know far more than me, but…".
  'you [obviously|probably|certainly|clearly|surely] know [far|much|way|a lot|so much] (more|better) than (me|i|us|we)',
  // Pre-empting how one will look: "At the risk of sounding like a wimp".
  'at the risk of (sounding|looking|seeming)',
  // The question.
  ...phraseCombinations(
    ['this', 'it', 'that'],
    ['may be', 'might be', 'could be', 'is', 'is probably', 'is likely', 'must be'],
    ['a', 'an'],
    ['', 'very', 'really', 'rather', 'bit of a'],
    ['stupid', 'silly', 'dumb', 'naive', 'basic', 'simple', 'elementary', 'foolish', 'obvious', 'beginner', 'newbie'],
    ['question', 'request', 'point'],
  ),
  ...phraseCombinations(['sorry for the', 'forgive the', 'excuse the'], ['stupid', 'silly', 'dumb', 'naive', 'basic'], ['question']),
  ...phraseCombinations(['a', 'my'], ['stupid', 'silly', 'dumb', 'naive'], ['question']),
]);

export default defineRule({
  id: 'us/self-deprecation',
  pack: 'us',
  severity: 'warning',
  description: {
    en: 'Running yourself down: "my poor English", "I\'m not an expert but", "this may be a stupid question", "I\'m just a...".',
    ja: '自分を下げる表現：「英語が下手で」「専門家ではありませんが」「つまらない質問かもしれませんが」「ただの〜ですが」。',
  },
  messages: {
    default: {
      en: 'Self-deprecation: "{phrase}".',
      ja: '自分を下げる表現：「{phrase}」',
    },
  },
  rationales: {
    default: {
      en: 'Modesty that is polite in Japan reads as a lack of confidence to American partners, and makes them trust your content less.',
      ja: '日本では礼儀正しい謙遜も、アメリカの相手には自信のなさと受け取られ、内容そのものへの信頼まで下がってしまいます。',
    },
  },
  advice: {
    en: 'Drop it and ask or state directly; confidence builds trust with American partners.',
    ja: '削除して、率直に質問・説明しましょう。自信のある書き方が、アメリカの相手との信頼につながります。',
  },
  check(doc) {
    // An apology for one's language ("please excuse my English") is also running oneself down;
    // its wording lives once, in us/over-apology's table (tag 'language').
    const languageApologies = doc.match(UNNEEDED_APOLOGY_PHRASES).filter((m) => m.entry.tag === 'language');
    const own = doc.match(SELF_DEPRECATION_PHRASES);
    const all = [...own, ...languageApologies.filter((a) => !own.some((m) => m.start < a.end && a.start < m.end))];
    all.sort((a, b) => a.start - b.start);
    return all.map((m) => ({
      start: m.start,
      end: m.end,
      data: { phrase: doc.body.slice(m.start, m.end) },
    }));
  },
  examples: {
    fire: [
      { text: 'Sorry for my poor English. Is it possible to move the license?', excerpt: 'my poor English' },
      { text: 'Please excuse my English. The samples can ship on Thursday.', excerpt: 'Please excuse my English' },
      { text: "I'm not an expert, but the numbers look off to me.", excerpt: "I'm not an expert" },
      { text: 'You clearly know much more than me about tariffs, but the rate looks high.', excerpt: 'You clearly know much more than me' },
      { text: 'At the risk of sounding naive, is the discount still open?', excerpt: 'At the risk of sounding' },
      { text: "I'm not a techie, so the install guide lost me.", excerpt: "I'm not a techie" },
      { text: 'This may be a stupid question, but is 50 ng the right amount?', excerpt: 'This may be a stupid question' },
      { text: 'This might be a very basic question, but can we move the key ourselves?', excerpt: 'This might be a very basic question' },
      { text: 'I am only a junior engineer, and my English is not so good, but I learned a lot.', excerpt: 'I am only a' },
      { text: "I don't have much background in sequencing, but our extraction step differs.", excerpt: "I don't have much background in" },
      { text: "I'm just a coordinator, so I can't say.", excerpt: "I'm just a" },
    ],
    pass: [
      { text: 'Could you share the library prep protocol your lab used?' },
      { text: 'Our English manual is attached; the Japanese version follows next week.' },
      { text: 'I am the project lead for the Osaka plant.' },
      { text: 'You know more about the venue than the caterer does.' },
      { text: 'Great question: the short answer is yes.' },
    ],
  },
});
