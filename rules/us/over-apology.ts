import { defineRule, definePhrases, type RuleReport, phraseCombinations } from '../../src/engine';
import { isGreeting } from './no-clear-ask';

/**
 * One apology each. "Sorry to hear" and "sorry for your loss" are sympathy, not apology: they
 * are listed (tag `sympathy`) so that, being longer, they win over "sorry" and are skipped.
 */
export const APOLOGY_PHRASES = definePhrases<{ pattern: string; tag?: string }>([
  'sorry',
  'apologize|apologise|apologies|apology',
  'i|we regret',
  'regret to|that',
  'regrettably',
  'forgive me|us',
  'pardon me|us',
  'excuse me|us for',
  'my|our bad',
  '申し訳',
  'すみません',
  { pattern: 'sorry to hear|learn|see', tag: 'sympathy' },
  { pattern: 'sorry for|about your loss', tag: 'sympathy' },
  { pattern: 'feel sorry', tag: 'sympathy' },
]);

/**
 * Apologies for things that need none (RULES.md). Tag `opening`: only unneeded as the opening of
 * a short reply ("Sorry for the late reply"); later in a long email it may be a real delay.
 */
const BOTHER = ['bother', 'disturb', 'trouble', 'interrupt', 'bug', 'pester', 'burden', 'bothering', 'disturbing', 'troubling', 'interrupting'];
export const UNNEEDED_APOLOGY_PHRASES = definePhrases<{ pattern: string; tag?: string; replacement?: string }>(() => [
  ...phraseCombinations(['sorry', 'i am sorry', 'apologies', 'i apologize', 'i apologise'], ['to', 'for'], BOTHER, ['you', 'you again', '']).map(
    (pattern) => ({ pattern, tag: 'bother' }),
  ),
  ...phraseCombinations(['sorry for', 'apologies for', 'i apologize for', 'i apologise for', 'please excuse', 'excuse', 'forgive'], ['my'], ['poor', 'bad', 'broken', 'limited', 'terrible', 'weak', ''], ['english', 'japanese']).map(
    (pattern) => ({ pattern, tag: 'language' }),
  ),
  ...phraseCombinations(['sorry for', 'apologies for', 'i apologize for', 'i apologise for', 'sorry about'], ['the', 'this', 'my'], ['long', 'lengthy', 'very long'], ['email', 'e-mail', 'mail', 'message', 'note']).map(
    (pattern) => ({ pattern, tag: 'length' }),
  ),
  ...phraseCombinations(['sorry for', 'i apologize for', 'i apologise for', 'apologies for'], ['taking', 'wasting'], ['your', 'up your'], ['time', 'valuable time']).map(
    (pattern) => ({ pattern, tag: 'time' }),
  ),
  ...phraseCombinations(['sorry for', 'sorry about', 'i apologize for', 'i apologise for', 'apologies for'], ['the', 'my', 'our'], ['late', 'slow', 'delayed', 'belated'], ['reply', 'response', 'answer']).map(
    (pattern) => ({ pattern, tag: 'opening', replacement: 'Thank you for your patience' }),
  ),
  ...phraseCombinations(['sorry for', 'apologies for'], ['replying', 'responding', 'getting back to you'], ['late', 'so late']).map(
    (pattern) => ({ pattern, tag: 'opening', replacement: 'Thank you for your patience' }),
  ),
  ...phraseCombinations(['sorry to', 'apologies to'], ['ask', 'ask again', 'keep asking', 'ask you again', 'follow up again']).map(
    (pattern) => ({ pattern, tag: 'question' }),
  ),
  ...phraseCombinations(['sorry for', 'apologies for'], ['asking', 'the question', 'my question', 'so many questions', 'all the questions']).map(
    (pattern) => ({ pattern, tag: 'question' }),
  ),
]);

/** RULES.md: three or more apologies in one draft read as a lack of confidence. */
export const MAX_APOLOGIES = 2;
/** "Short reply" for the late-reply apology: a reply the reader takes in at a glance. */
const SHORT_REPLY_WORDS = 150;

export default defineRule({
  id: 'us/over-apology',
  pack: 'us',
  severity: 'warning',
  description: {
    en: 'Three or more apologies, or apologies for things that need none ("sorry to bother you", "sorry for my English").',
    ja: '3回以上の謝罪、または謝る必要のないことへの謝罪（「お手数をおかけしてすみません」「英語が下手ですみません」など）。',
  },
  messages: {
    default: {
      en: 'Over-apologizing: {count} apologies in one email.',
      ja: '謝りすぎ：1通のメールに謝罪が{count}回あります。',
    },
    unneeded: {
      en: 'Unneeded apology: "{phrase}".',
      ja: '不要な謝罪：「{phrase}」',
    },
  },
  rationales: {
    default: {
      en: 'Americans read repeated apologies as a lack of confidence, and they dilute the one apology that matters.',
      ja: 'アメリカでは、何度も謝ると自信がないように見え、本当に必要な謝罪の重みも薄れてしまいます。',
    },
  },
  advice: {
    en: 'Keep one sincere apology for a real problem, and thank instead of apologizing: "Thanks for your patience."',
    ja: '本当の問題への謝罪は一度だけにして、それ以外は感謝の言葉に置き換えましょう。例：「Thanks for your patience.」',
  },
  check(doc) {
    const reports: RuleReport[] = [];
    const apologies = doc.match(APOLOGY_PHRASES).filter((m) => m.entry.tag !== 'sympathy');
    const opening = doc.sentences.find((s) => !isGreeting(s));
    const shortReply = doc.isReply && doc.wordCount <= SHORT_REPLY_WORDS;
    const unneededSpans: Array<[number, number]> = [];
    for (const m of doc.match(UNNEEDED_APOLOGY_PHRASES)) {
      if (m.entry.tag === 'opening' && !(shortReply && opening && m.start >= opening.start && m.end <= opening.end)) continue;
      unneededSpans.push([m.start, m.end]);
      const phrase = doc.body.slice(m.start, m.end);
      const report: RuleReport = {
        start: m.start,
        end: m.end,
        messageId: 'unneeded',
        data: { phrase },
        suggestion: {
          text: {
            en: m.entry.replacement ? `Thank instead: "${m.entry.replacement}".` : 'Drop it, or thank the reader instead ("Thanks for your help").',
            ja: m.entry.replacement ? `謝る代わりに感謝を：「${m.entry.replacement}」` : '削除するか、感謝の言葉に置き換えましょう（「Thanks for your help」など）。',
          },
          ...(m.entry.replacement ? { replacement: m.entry.replacement } : {}),
        },
      };
      reports.push(report);
    }
    if (apologies.length > MAX_APOLOGIES) {
      for (const m of apologies) {
        // The unneeded ones are already reported on the same words.
        if (unneededSpans.some(([a, b]) => m.start >= a && m.end <= b)) continue;
        reports.push({ start: m.start, end: m.end, data: { count: apologies.length } });
      }
    }
    return reports;
  },
  examples: {
    fire: [
      {
        text: 'We are terribly sorry for the delay. We deeply apologize for this trouble. Again, we sincerely apologize for the inconvenience.',
        excerpt: 'sorry',
      },
      { text: 'Hi Mr. Reyes,\n\nSorry to disturb you again. We cannot activate the second license key.', excerpt: 'Sorry to disturb you again' },
      { text: 'Sorry for my poor English. Is it possible to move a license to a new machine?', excerpt: 'Sorry for my poor English' },
      { text: 'Sorry for the long email, but here is the full recap.', excerpt: 'Sorry for the long email' },
      {
        draft: { body: 'Dear Mr. Grant,\n\nSorry for my slow response. Could you tell us the expected order quantity for 2026?', isReply: true },
        excerpt: 'Sorry for my slow response',
        output: 'Dear Mr. Grant,\n\nThank you for your patience. Could you tell us the expected order quantity for 2026?',
      },
      { text: 'I apologize for taking your time. Thank you for your support.', excerpt: 'I apologize for taking your time' },
    ],
    pass: [
      { text: "I'm sorry for Friday's outage. We have rolled back the migration, and a root-cause report will follow by Wednesday." },
      { text: 'We are very sorry for the delay. The parts will ship on May 3.' },
      { text: 'I was sorry to hear about the flooding at your plant. Please let us know how we can help.' },
      // The late-reply apology is only unneeded as the opening of a short reply.
      { text: 'Sorry for the late reply. Here are the figures you asked for.', draft: { isReply: false } },
    ],
  },
});
