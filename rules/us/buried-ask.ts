import { defineRule, type RuleDoc, type Sentence } from '../../src/engine';
import { findAsks, isGreeting } from './no-clear-ask';

/** RULES.md: only drafts of more than 120 words can bury their ask; shorter ones are read whole. */
export const BURIED_ASK_MIN_WORDS = 120;
/** The ask is buried when the first one starts in the last third of the new words. */
const BURIED_FROM = 2 / 3;

/** Sentences of the first paragraph with content, the greeting line ("Hi Greg,") left out. */
function openingSentences(doc: RuleDoc): Sentence[] {
  for (const p of doc.paragraphs) {
    const content = p.sentences.filter((s) => !isGreeting(s));
    if (content.length > 0) return content;
  }
  return [];
}

/** Number of new words before a body offset (binary search over the word tokens). */
function wordsBefore(doc: RuleDoc, offset: number): number {
  let lo = 0;
  let hi = doc.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.words[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export default defineRule({
  id: 'us/buried-ask',
  pack: 'us',
  severity: 'warning',
  description: {
    en: 'A longer draft whose only request or question comes at the very end.',
    ja: '長めのメールで、依頼や質問が最後のほうにしか出てこない。',
  },
  messages: {
    default: {
      en: 'The ask is buried: the first request or question comes {percent}% of the way through a {words}-word email.',
      ja: '依頼が埋もれています：{words}語のメールの{percent}%の位置まで、依頼や質問が出てきません。',
    },
  },
  rationales: {
    default: {
      en: 'American readers expect the bottom line up front; busy readers skim the first lines and may never reach a request placed at the end.',
      ja: 'アメリカでは結論を先に書くのが基本です。忙しい読み手は冒頭しか読まないことが多く、最後に置いた依頼は見落とされがちです。',
    },
  },
  advice: {
    en: 'Open with the request and the date ("Can you approve the booth upgrade by Friday?"), then give the background.',
    ja: '冒頭で依頼と期限を伝え（例：「Can you approve the booth upgrade by Friday?」）、背景説明はその後に書きましょう。',
  },
  check(doc) {
    if (doc.wordCount <= BURIED_ASK_MIN_WORDS) return [];
    // A request or a question to the reader; the writer's own next step ("We'll report back") is
    // not an ask that can be buried.
    // A courtesy offer ("Please call if you have any questions") is not the main ask either.
    const asks = findAsks(doc).filter((a) => a.kind !== 'next-step' && !/\bif (?:you )?(?:have|need) (?:any )?(?:questions?|anything|concerns|further|more)\b/i.test(a.sentence.text));
    if (asks.length === 0) return []; // no ask at all is us/no-clear-ask
    const opening = new Set(openingSentences(doc));
    if (asks.some((a) => opening.has(a.sentence))) return [];
    const first = asks[0]!.sentence;
    const position = wordsBefore(doc, first.start) / doc.wordCount;
    if (position < BURIED_FROM) return [];
    return [
      {
        start: first.start,
        end: first.end,
        data: { percent: Math.round(position * 100), words: doc.wordCount },
        suggestion: {
          text: {
            en: 'Move this sentence to the top of the email, right after the greeting.',
            ja: 'この文をメールの冒頭（あいさつの直後）に移しましょう。',
          },
        },
      },
    ];
  },
  examples: {
    fire: [
      {
        text:
          'Hi Greg,\n\nNow that we are back from Columbus, here is a recap of the expo while it is still fresh. We scanned 412 badges over three days, up from 260 last year, and the sales team has tagged 88 of them as qualified. Two prospects are already in pricing talks worth about $340K in first-year revenue, which covers the cost of the show several times over.\n\n' +
          'The booth worked, but we were at the far end of Hall B, behind the forklift demo, and traffic dropped sharply after lunch each day. Having two engineers at the booth made a real difference, because prospects who wanted to talk integrations got real answers on the spot. Shipping the demo rig cost more than expected, and the crate arrived a day late.\n\n' +
          'For next year, the organizers offer a corner spot at the main entrance of Hall A for $18,500 more.\n\nCan you approve the upgrade so I can send the deposit by Friday?\n\nThanks,\nJenna',
        excerpt: 'Can you approve the upgrade so I can send the deposit by Friday?',
      },
      {
        text:
          'Hi Samantha,\n\nI have been looking at where we are with the loyalty app and the December 1 launch date. The checkout flow is done, but the payment provider sandbox was unstable this week, and our QA team is behind on the Android regression tests for the rewards screen and the receipts view.\n\n' +
          'None of this is a disaster, and the team is working hard on it every day. Launching on the 1st would mean shipping with a few known issues in the rewards screen, which is not the first impression Harlow wants to make with its customers right before the holidays, when traffic is at its highest and support is stretched.\n\n' +
          'A later date would give QA a full extra week, and we could use the time to run a small beta with your store staff in two locations.\n\nPlease let me know by Monday whether we can move the launch to December 8.\n\nThanks,\nKevin',
        excerpt: 'Please let me know by Monday whether we can move the launch to December 8.',
      },
      {
        text:
          'Dear Mr. Turner,\n\nOur bank has served small and medium-sized manufacturers in the Kanto region for more than ninety years. In recent years many of our clients have started to export to the United States, and they want faster and cheaper collection of payments from their American customers. Most of these payments go through wire transfers that take three to five business days.\n\n' +
          'After a study within our International Business Division, we concluded that your real-time payment network could greatly improve the experience of our clients. Our engineers have tested your platform in the sandbox environment over the past three months, and the results were excellent on every test they ran.\n\n' +
          'Our management has approved formal discussions, and our project team is ready to prepare a detailed proposal with transaction volumes.\n\nWould members of your team be able to visit our head office in Tokyo in February for a first meeting?\n\nBest regards,\nHiroshi Aoki',
        excerpt: 'Would members of your team be able to visit our head office in Tokyo in February for a first meeting?',
      },
    ],
    pass: [
      // The ask is the first sentence.
      {
        text:
          'Hi Tom,\n\nCan you pick two of the three finalists below for onsite interviews by Wednesday, October 22? All three are available the week of October 27, and two of them have competing offers.\n\n' +
          'Maya built the streaming pipeline that handles about 40 million shipment events a day at her current company. She has led a team of five, writes excellent design docs, and did very well in our system design screen. Daniel is the most senior of the three and has deep experience with warehouse data, which maps directly to your forecasting work. Lauren has the strongest client-facing skills of the group and has built data platforms for four mid-size carriers.\n\n' +
          'My recommendation is Maya and Daniel, since together they cover both the streaming and the warehouse side of the role. Once you pick, I will coordinate the schedules with your recruiting coordinator.\n\nThanks,\nRachel',
      },
      // Short drafts are read whole.
      { text: 'Hi Greg,\n\nThe expo went well: 412 badges scanned and 88 qualified leads. The booth was far from the entrance.\n\nCan you approve the $18,500 upgrade by Friday?\n\nThanks,\nJenna' },
      // No request at all is us/no-clear-ask, not this rule.
      {
        text:
          'Hi Greg,\n\nNow that we are back from Columbus, here is a recap of the expo while it is still fresh. We scanned 412 badges over three days, up from 260 last year, and the sales team has tagged 88 of them as qualified. Two prospects are already in pricing talks worth about $340K in first-year revenue, which covers the cost of the show several times over.\n\n' +
          'The booth worked, but we were at the far end of Hall B, behind the forklift demo, and traffic dropped sharply after lunch each day. Having two engineers at the booth made a real difference, because prospects who wanted to talk integrations got real answers on the spot. Shipping the demo rig cost more than expected, and the crate arrived a day late.\n\nThanks,\nJenna',
      },
      // An ask in the first paragraph, repeated at the end.
      {
        text:
          'Hi Greg,\n\nI would be grateful if you could approve next year\'s booth upgrade this week. Here is a recap of the expo while it is still fresh. We scanned 412 badges over three days, up from 260 last year, and the sales team has tagged 88 of them as qualified.\n\n' +
          'The booth worked, but we were at the far end of Hall B, behind the forklift demo, and traffic dropped sharply after lunch each day. Having two engineers at the booth made a real difference, because prospects who wanted to talk integrations got real answers on the spot. Shipping the demo rig cost more than expected, and the crate arrived a day late, which made setup stressful for everyone.\n\n' +
          'For next year, the organizers offer a corner spot at the main entrance of Hall A for $18,500 more.\n\nCan you approve it so I can send the deposit by Friday?\n\nThanks,\nJenna',
      },
    ],
  },
});
