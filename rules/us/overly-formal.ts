import { defineRule, definePhrases, phraseCombinations } from '../../src/engine';

/**
 * Stiff formulas: translated Japanese letter conventions (honor, patronage, humbly, your
 * honorable company), Indian/British officialese (kindly revert, please be informed, I beg to)
 * and old form-letter openings. `replacement` where a plain drop-in exists.
 */
export const OVERLY_FORMAL_PHRASES = definePhrases<{ pattern: string; replacement?: string }>(() => [
  'humbly',
  'i|we beg to|your|for',
  'beg of you',
  ...phraseCombinations(['it is', 'it was'], ['with', ''], ['my', 'our', 'a', 'the'], ['', 'great', 'greatest', 'utmost', 'highest', 'deepest'], ['honor', 'honour', 'privilege', 'pleasure and honor']),
  // "I'd be honored to visit" is ordinary American courtesy; the intensified form is not.
  ...phraseCombinations(['we are', 'i am', 'we would be', 'i would be', 'we feel', 'i feel'], ['deeply|greatly|most|truly|profoundly'], ['honored|honoured']),
  'dear sir|sirs|madam',
  'dear sir or|and madam',
  'dear sir / madam',
  'to whom it may concern',
  'esteemed',
  'honorable|honourable company|firm|bank|office',
  { pattern: 'please kindly', replacement: 'please' },
  'kindly revert|advise|note|find',
  'kindly be informed|advised',
  'revert back',
  'do the needful',
  // "Please be informed" alone is the pack's courtesy formula in REQUEST_PHRASES (us/no-clear-ask).
  ...phraseCombinations(['please be'], ['informed', 'noted', 'advised'], ['that']).map((pattern) => ({ pattern, replacement: 'please note that' })),
  'please note that we would like to inform you',
  ...phraseCombinations(['i', 'we'], ['would like to', ''], ['hereby'], ['', 'humbly'], ['inform', 'notify', 'announce', 'confirm', 'declare']),
  'patronage',
  ...phraseCombinations(['our', 'my'], ['deepest', 'sincerest', 'most sincere', 'heartfelt', 'profound'], ['gratitude', 'appreciation', 'thanks']),
  ...phraseCombinations(['we are', 'i am'], ['deeply', 'most', 'sincerely', 'truly'], ['grateful', 'thankful', 'obliged', 'indebted']),
  ...phraseCombinations(['with'], ['deepest', 'deep', 'sincerest', 'heartfelt'], ['gratitude', 'appreciation', 'respect']),
  'allow me to express',
  'your kind understanding|consideration|cooperation|favor|favour',
  'favorable|favourable reply|response|consideration',
  'thanking you in advance|anticipation',
  'the undersigned',
  'herewith',
  'aforementioned|aforesaid',
  'respected sir|madam|sirs',
  'your good self|selves',
  'i|we wish to inform|advise|notify',
  'yours faithfully',
  'i|we remain yours|sincerely|faithfully',
]);

/** Capitalises the replacement when the replaced words start a sentence. */
function matchCase(replacement: string, original: string): string {
  return /^\p{Lu}/u.test(original) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

export default defineRule({
  id: 'us/overly-formal',
  pack: 'us',
  severity: 'info',
  description: {
    en: 'Stiff formulas ("I humbly", "it is my great honor", "Dear Sir or Madam", "please kindly", "kindly revert").',
    ja: '堅すぎる定型表現（「I humbly」「it is my great honor」「Dear Sir or Madam」「please kindly」「kindly revert」など）。',
  },
  messages: {
    default: {
      en: 'Overly formal: "{phrase}".',
      ja: '堅すぎる表現：「{phrase}」',
    },
  },
  rationales: {
    default: {
      en: 'American business email is plain and friendly; ceremonial formulas sound distant or even insincere, and they hide the point.',
      ja: 'アメリカのビジネスメールは簡潔で親しみやすいのが普通です。儀礼的な言い回しはよそよそしく、時には不誠実にさえ聞こえ、要点も見えにくくなります。',
    },
  },
  advice: {
    en: 'Plain, friendly and short: "Thanks for your help", "I\'m writing to let you know...", "Dear Ms. Smith".',
    ja: '簡潔で親しみやすく書きましょう。例：「Thanks for your help」「I\'m writing to let you know...」「Dear Ms. Smith」',
  },
  check(doc) {
    return doc.match(OVERLY_FORMAL_PHRASES).map((m) => {
      const phrase = doc.body.slice(m.start, m.end);
      const replacement = m.entry.replacement && matchCase(m.entry.replacement, phrase);
      return {
        start: m.start,
        end: m.end,
        data: { phrase },
        ...(replacement
          ? { suggestion: { text: { en: `Write "${replacement}".`, ja: `「${replacement}」で十分です。` }, replacement } }
          : {}),
      };
    });
  },
  examples: {
    fire: [
      { text: 'I humbly request your approval.', excerpt: 'humbly' },
      { text: 'It is my great honor to write to you.', excerpt: 'It is my great honor' },
      { text: 'Dear Sir or Madam,\n\nWe would like to introduce our company.', excerpt: 'Dear Sir or Madam' },
      { text: 'We thank our esteemed partners.', excerpt: 'esteemed' },
      { text: 'Could you please kindly send the file?', excerpt: 'please kindly', output: 'Could you please send the file?' },
      { text: 'We are deeply grateful for your continued patronage.', excerpt: 'We are deeply grateful' },
      {
        text: 'Please be informed that the office is closed on Monday.',
        excerpt: 'Please be informed that',
        output: 'Please note that the office is closed on Monday.',
      },
      { text: 'Kindly revert at the earliest.', excerpt: 'Kindly revert' },
    ],
    pass: [
      { text: 'Dear Ms. Smith,\n\nThanks for your help with the launch.' },
      { text: 'Could you kindly send the file by Friday?' },
      { text: 'We are grateful for your support this year.' },
      { text: 'Please note the new address below.' },
    ],
  },
});
