import { defineRule, definePhrases, type RuleDoc, FIRST_PERSON, SECOND_PERSON } from '../../src/engine';
import { withJapanese } from './japanese/extend';
import { selfCenteredJa } from './japanese/self-centered';

/** RULES.md: drafts under 40 words are too short to judge. */
const MIN_WORDS = 40;
/** RULES.md: at least 6 first-person words, and at least 3 times the second-person words. */
const MIN_FIRST_PERSON = 6;
const RATIO = 3;


/**
 * Questions asked without a question mark: asking the reader to tell us something is a question
 * to them as much as "Which day suits you?" is.
 */
export const INDIRECT_QUESTION_PHRASES = definePhrases([
  'let me|us know (which|what|whether|if|how|when|where|who|your)',
  '(tell|ask|show) me|us (which|what|whether|if|how|when|where|who)',
  'i|we would|will (love|like) to (hear|know|learn) (your|about|what|how|whether|if|which)',
  '(i|we) (wonder|wondered|was|were) [wondering] (if|whether|what|how|which)',
  '(i|we) (am|are) (curious|interested) (to|about) [hear|know|learn] (your|what|how|whether|which)',
]);

function countPersons(doc: RuleDoc): { first: number; second: number } {
  let first = 0;
  let second = 0;
  for (const w of doc.words) {
    // "US" in capitals is the country, not the pronoun.
    if (w.norm === 'us' && w.text === 'US') continue;
    if (FIRST_PERSON.has(w.norm)) first++;
    else if (SECOND_PERSON.has(w.norm)) second++;
  }
  return { first, second };
}

const english = defineRule({
  id: 'ja/self-centered',
  pack: 'ja',
  severity: 'info',
  description: {
    en: 'The draft talks mostly about the writer and asks the reader nothing.',
    ja: '自分たちのことばかりで、相手への問いかけがないメール。',
  },
  messages: {
    default: {
      en: 'This email is mostly about your side: {first} first-person words (I, we, our...) against {second} for the reader (you, your), and no question to them.',
      ja: '自分中心の文面です: 「I/we」などが{first}語に対し「you」は{second}語で、相手への質問がありません。',
    },
  },
  rationales: {
    default: {
      en: 'Japanese partners build trust with people who pay attention to them; a message that only presents your own priorities reads as one-sided.',
      ja: '日本の取引先は、自分たちに関心を払ってくれる相手を信頼します。自社の都合だけを並べたメールは一方的に映ります。',
    },
  },
  advice: {
    en: 'Show attention to the partner: acknowledge their situation and ask about their priorities, e.g. "What matters most to your team this year?"',
    ja: '相手への関心を示しましょう。相手の状況に触れ、優先事項を尋ねます。例: "What matters most to your team this year?"',
  },
  check(doc) {
    if (doc.wordCount < MIN_WORDS) return [];
    if (doc.sentences.some((s) => s.isQuestion) || doc.has(INDIRECT_QUESTION_PHRASES)) return [];
    const { first, second } = countPersons(doc);
    if (first < MIN_FIRST_PERSON || first < RATIO * second) return [];
    return [{ data: { first, second } }];
  },
  examples: {
    fire: [
      {
        text:
          'I am writing to introduce our company. We make sensors for factories, and our products are used in twelve countries. We opened our first office in Asia last year, and we are now looking for a partner in Japan. I have attached our catalogue. I look forward to hearing from you.',
      },
      {
        text:
          'The typhoon closed the port for three days, so our container missed its vessel. Our team has rebooked it, and our logistics partner has confirmed space. We are also checking whether we can fly part of the order. I will send our updated documents as soon as we receive them.',
      },
      {
        text:
          'Our platform is used by 500 retailers. We built it in Seattle, and we are proud of our results: our clients grow 20% a year. I would like to set up a call to present our roadmap and our pricing, and I am available most evenings. I look forward to connecting with you.',
      },
    ],
    pass: [
      { text: 'We shipped the order today. I will send the tracking number tomorrow. Our team is ready. We thank you.' },
      {
        text:
          'I am writing to introduce our company. We make sensors for factories, and our products are used in twelve countries. We opened our first office in Asia last year. Which challenges does your team face on the production line today?',
      },
      {
        text:
          'I am writing to introduce our company. We make sensors for factories, and our products are used in twelve countries. We opened our first office in Asia last year, and we would love to hear about your priorities for the coming year.',
      },
      {
        text:
          'Thank you for your email and for your patience. Your team has done excellent work, and your feedback helped us. We read your notes carefully, and your suggestions are now in the plan you approved. I will follow up with you on your schedule.',
      },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/self-centered.ts) runs instead.
export default withJapanese(english, selfCenteredJa);
