import { defineRule, definePhrases, type PhraseEntry } from '../../src/engine';
import { hasApology, reportsProblem } from './missing-apology';
import { withJapanese } from './japanese/extend';
import { humorJa } from './japanese/humor';

interface HumorEntry extends PhraseEntry {
  /** Emoticons are runs of punctuation: they count only when written without spaces (";)"). */
  tag?: 'emoticon';
}

/**
 * Jokes announce themselves through markers: laughter (lol, haha), "just kidding", puns, and
 * smiling, winking or laughing faces, as emoji (single tokens) or typed emoticons.
 */
export const HUMOR_PHRASES = definePhrases<HumorEntry>([
  'lol|lolol|lolz|lool|lmao|lmfao|rofl|roflmao|haha|hahaha|hahahaha|ahaha|ahahaha|hehe|hehehe|heh|teehee|xd',
  'ha ha [ha]',
  'he he [he]',
  'just|only kidding|joking',
  "i'm [just|only] kidding|joking",
  'kidding|joking aside',
  'all jokes aside',
  'jk',
  'j / k',
  '[no] pun intended',
  'tongue in cheek',
  'tongue-in-cheek',
  '*wink*',
  '( wink )',
  'wink wink',
  'in jest',
  '😂|🤣|😜|😉|😄|😆|😅|😁|😀|😃|😊|🙂|😛|😝|🙃|🤪|😹|😸|😺|😏|☺|☺️',
  // Irony in set phrases: the joke is in the formula, not in a marker.
  '(one|a man|a girl|a guy|a boy) can [always|only] (dream|hope)',
  'what could [possibly] go wrong',
  'so what if',
  'just what (i|we) needed',
  'how much fun (that|this|those|it|they|these) [*] [*] [*] (will|would) be',
  'famous last words',
  "but (who's|who is) counting",
  "not that (i'm|i am) complaining",
  'i kid [you] [not]',
  'i jest',
  { pattern: '; )', tag: 'emoticon' },
  { pattern: '; - )', tag: 'emoticon' },
  { pattern: ': )', tag: 'emoticon' },
  { pattern: ': - )', tag: 'emoticon' },
  { pattern: ': p|d', tag: 'emoticon' },
  { pattern: ': - p|d', tag: 'emoticon' },
  { pattern: '; p|d', tag: 'emoticon' },
  { pattern: '^ _ ^', tag: 'emoticon' },
  { pattern: '^ ^', tag: 'emoticon' },
]);

const english = defineRule({
  id: 'ja/humor',
  pack: 'ja',
  // East (the default region): sincerity comes first. The check lowers it to info for the west.
  severity: 'warning',
  description: {
    en: 'Jokes and joking markers (lol, haha, 😉, "just kidding").',
    ja: '冗談や冗談を示す表現（lol、haha、😉、"just kidding" など）。',
  },
  messages: {
    default: {
      en: 'Joking marker: "{phrase}". Humor can read as a lack of seriousness here.',
      ja: '冗談の表現: 「{phrase}」。ここではユーモアが不真面目に受け取られるおそれがあります。',
    },
    west: {
      en: 'Joking marker: "{phrase}". A light joke can work with partners in Western Japan, in an informal setting.',
      ja: '冗談の表現: 「{phrase}」。関西の取引先には、くだけた場面での軽い冗談が好まれることもあります。',
    },
    problem: {
      en: 'Joking marker in an email about a problem: "{phrase}". Keep apologies and bad news free of jokes.',
      ja: '問題を伝えるメールに冗談の表現: 「{phrase}」。お詫びや悪い知らせには冗談を入れないでください。',
    },
  },
  rationales: {
    default: {
      en: 'In Tokyo and Eastern Japan, an earnest and sincere attitude matters more in business than humor; jokes, especially in writing, can look unserious.',
      ja: '東京をはじめ東日本のビジネスでは、ユーモアよりも真摯で誠実な態度が重んじられます。特に文面での冗談は不真面目に見えがちです。',
    },
    west: {
      en: 'In Osaka and Western Japan, a well-placed light joke in an informal setting can build rapport and take you further. Keep it for social moments, never for business problems.',
      ja: '大阪をはじめ西日本では、くだけた場面での気の利いた軽い冗談が距離を縮め、関係を深めることがあります。ただし、あくまで社交の場に限り、仕事上の問題には持ち込まないでください。',
    },
    problem: {
      en: 'When you apologize or report a problem, a joke suggests you are not taking the partner\'s trouble seriously, in any region of Japan.',
      ja: 'お詫びや問題の報告に冗談を混ぜると、日本のどの地域でも、相手の迷惑を真剣に受け止めていないと受け取られます。',
    },
  },
  advice: {
    en: 'Remove the joke, or keep it for an informal message to a partner in Western Japan.',
    ja: '冗談は削除するか、西日本の取引先へのくだけたメールだけにとどめましょう。',
  },
  check(doc) {
    // A typed emoticon is written in one piece and stands apart from words: ";)" but not
    // "; )" in a list, nor "Option:D".
    const markers = doc.match(HUMOR_PHRASES).filter(
      (m) => m.entry.tag !== 'emoticon' || (!/\s/.test(doc.body.slice(m.start, m.end)) && !/[\p{L}\p{N}]/u.test(doc.body[m.start - 1] ?? '')),
    );
    if (markers.length === 0) return [];
    const serious = hasApology(doc) || reportsProblem(doc);
    const kind = serious ? 'problem' : doc.region === 'west' ? 'west' : 'default';
    return markers.map((m) => ({
      start: m.start,
      end: m.end,
      severity: kind === 'west' ? ('info' as const) : ('warning' as const),
      messageId: kind,
      rationaleId: kind,
      data: { phrase: doc.body.slice(m.start, m.end) },
    }));
  },
  examples: {
    fire: [
      { text: "I'll swing by your booth early, depending on how long the coffee line is haha.", excerpt: 'haha', severity: 'warning' },
      {
        text: 'I have practiced the "no double-dipping" rule at home 😉 Would 7 pm work for you?',
        context: { region: 'west' },
        excerpt: '😉',
        severity: 'info',
      },
      {
        text: 'Really sorry about the outage. Apparently our servers wanted a holiday lol.',
        context: { region: 'west' },
        excerpt: 'lol',
        severity: 'warning',
      },
      { text: 'The shipment is delayed by a week ;)', context: { region: 'west' }, excerpt: ';)', severity: 'warning' },
      { text: 'Just kidding, the price stays the same.', excerpt: 'Just kidding' },
      { text: 'We raised the bar, no pun intended.', excerpt: 'no pun intended' },
      { text: 'See you at dinner :P', excerpt: ':P' },
      { text: 'That was the best sushi of my life 😂', excerpt: '😂' },
      { text: 'The new server room has no windows. I can just imagine how much fun those night shifts will be!', excerpt: 'how much fun those night shifts will be' },
      { text: 'Maybe they will give us the corner office. One can always hope.', excerpt: 'One can always hope' },
    ],
    pass: [
      { text: 'We look forward to our dinner with your team on Thursday.' },
      { text: 'The grade is: D for the old batch and A for the new one.' },
      { text: 'Please see the points below (1) price, (2) delivery.' },
      { text: 'Our lead engineer, Mr. Holm, will join the call.' },
      { text: 'Option:D is the cheaper one.' },
      { text: 'We play every Friday (assuming the weather holds!) at the club.' },
      { text: 'What if the vendor is late? We would miss the show.' },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/humor.ts) runs instead.
export default withJapanese(english, humorJa);
