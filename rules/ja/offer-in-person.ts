import { defineRule, definePhrases, type PhraseEntry, type RuleDoc, type Sentence, type Token } from '../../src/engine';
import { findProblems, hasApology } from './missing-apology';
import { withJapanese } from './japanese/extend';
import { offerInPersonJa } from './japanese/offer-in-person';

interface RemoteEntry extends PhraseEntry {
  /** `call`: the bare noun "call", which is remote only when it is a noun ("a quick call"), not "call you". */
  tag?: 'call';
}

/** A remote meeting: calls, video, and the platforms people name for them. */
export const REMOTE_MEETING_PHRASES = definePhrases<RemoteEntry>([
  '(video|phone|conference|zoom|teams|skype|webex|meet|online|virtual|web|teleconference|telephone) (call|calls|chat|meeting|conference|session)',
  'video-call|videocall|videoconference|video-conference|teleconference|webinar',
  'zoom|webex|skype|hangouts|whereby|gotomeeting',
  'google meet',
  'microsoft|ms teams',
  '(on|via|over|through|by) (teams|meet)',
  '(meet|talk|speak|connect|chat) (online|virtually|remotely)',
  '(jump|hop|get) on [a|the] [quick|short|brief] (call|line)',
  { pattern: 'call|calls', tag: 'call' },
]);

/** An offer to meet face to face: visiting them, inviting them, meals, "in person". */
export const IN_PERSON_PHRASES = definePhrases([
  'in person',
  'in-person',
  'face to face',
  'face-to-face',
  'visit (you|your|tokyo|osaka|japan|kyoto|nagoya|yokohama|kobe|fukuoka|sapporo|sendai|hiroshima)',
  'visit [you] [at] [your] (office|offices|factory|plant|site|headquarters|team|company|facility)',
  'pay you a visit',
  'come (to|and) (see|visit|meet) you',
  'come to your (office|offices|factory|plant|site|headquarters|company)',
  '(stop|drop|swing) by [your] [office]',
  '(fly|travel|come) to (japan|tokyo|osaka|kyoto|nagoya|yokohama|kobe|fukuoka|sapporo|sendai|hiroshima)',
  '(will|would|could|am|i\'ll|we\'ll) be in (japan|tokyo|osaka|kyoto|nagoya|yokohama|kobe|fukuoka|sapporo|sendai|hiroshima)',
  'meet [with] you|your (in|at) (tokyo|osaka|japan|kyoto|nagoya|your)',
  'visit us',
  'host you',
  'welcome you (to|at)',
  '(over|for) (lunch|dinner|coffee|drinks)',
  'take you (out|to)',
]);

/** Wording that proposes a meeting (beside a question). */
export const MEETING_PROPOSAL_PHRASES = definePhrases([
  '(would|could|can|shall|may) we',
  "let's (meet|talk|speak|schedule|set|arrange|find|have|connect|chat|do)",
  'how about',
  '(would|are|will) you (be|have)',
  '(set|setting) up',
  'schedule|arrange|book|organize|organise|propose|suggest',
  "i'd|we'd (love|like)",
  '(would|will) (love|like) to',
  '(happy|glad|keen|eager|available|open) (to|for)',
  '(jump|hop|get) on',
  'invite you',
]);

/** Problems too small to call for a visit. */
const MINOR_SLIPS = new Set(['typo', 'typos', 'misprinted', 'oversight']);

/** Words before "call" that make it a noun ("a quick call"), not the verb ("call you"). */
const CALL_NOUN_BEFORE = new Set([
  'a', 'an', 'the', 'quick', 'short', 'brief', 'first', 'follow-up', 'introductory', 'intro', 'initial', 'our', 'this',
  'that', 'kickoff', 'kick-off', 'discovery', 'demo', 'sales', 'exploratory', 'friendly',
]);

function tokenIndex(tokens: readonly Token[], offset: number): number {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.start >= offset) return i;
  return tokens.length;
}

function isCallNoun(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]?.norm ?? '';
  // "a 15-minute call", "a 30 minute call".
  return CALL_NOUN_BEFORE.has(before) || before.endsWith('-minute') || before === 'minute';
}

/** Whether the sentence proposes a meeting: a question, or wording such as "I'd love to set up". */
function isProposal(doc: RuleDoc, sentence: Sentence): boolean {
  return sentence.isQuestion || doc.matchSentence(MEETING_PROPOSAL_PHRASES, sentence).length > 0;
}

/**
 * RULES.md: only a first contact, or a draft that apologizes for a problem on the writer's side,
 * calls for a visit. Routine follow-ups in a thread do not.
 */
function callsForVisit(doc: RuleDoc): 'first-contact' | 'apology' | undefined {
  if (doc.firstContact) return 'first-contact';
  if (!hasApology(doc)) return undefined;
  // A typo in a document is not the kind of trouble one travels to apologize for.
  const serious = findProblems(doc).some((m) => !MINOR_SLIPS.has(doc.body.slice(m.start, m.end).toLowerCase()));
  return serious ? 'apology' : undefined;
}

const english = defineRule({
  id: 'ja/offer-in-person',
  pack: 'ja',
  // Traditional sector (the default): the check lowers it to info for modern companies.
  severity: 'warning',
  description: {
    en: 'A first contact or an apology that offers only a call or video meeting, no visit.',
    ja: '初めての連絡やお詫びで、訪問ではなく電話・ビデオ会議だけを提案している。',
  },
  messages: {
    default: {
      en: 'Only a remote meeting ("{phrase}") is proposed in a first contact. Offer to meet in person too.',
      ja: '初めての連絡で、リモート会議（「{phrase}」）だけを提案しています。直接お会いすることも申し出ましょう。',
    },
    apology: {
      en: 'This apology proposes only a remote meeting ("{phrase}"). Offer to visit and apologize in person.',
      ja: 'お詫びのメールで、リモート会議（「{phrase}」）だけを提案しています。直接伺ってお詫びすることを申し出ましょう。',
    },
  },
  rationales: {
    default: {
      en: 'Taking the trouble to travel and meet face to face makes a much better impression in Japan, above all in traditional sectors such as finance, manufacturing and government.',
      ja: '日本では、わざわざ足を運んで直接会うことが良い印象につながります。金融・製造・官公庁のような伝統的な業界では特にそうです。',
    },
    modern: {
      en: 'Start-ups and multinationals in Japan are used to video calls, but an offer to meet in person still shows commitment, especially at the start or after a problem.',
      ja: 'スタートアップや外資系企業ではビデオ会議も一般的ですが、最初の連絡や問題のあとに直接会うことを申し出ると、真剣さが伝わります。',
    },
  },
  advice: {
    en: 'Offer a visit, and keep the call as an alternative: "I would be glad to visit your office; if a video call is easier for you, that works too."',
    ja: '訪問を申し出て、通話は代案にしましょう: "I would be glad to visit your office; if a video call is easier for you, that works too."',
  },
  check(doc) {
    // Cheapest tests first: most drafts propose no remote meeting at all.
    if (!doc.has(REMOTE_MEETING_PHRASES) || doc.has(IN_PERSON_PHRASES)) return [];
    const reason = callsForVisit(doc);
    if (!reason) return [];
    for (const m of doc.match(REMOTE_MEETING_PHRASES)) {
      const sentence = doc.sentenceAt(m.start);
      if (!sentence) continue;
      if (m.entry.tag === 'call' && !isCallNoun(sentence.tokens, tokenIndex(sentence.tokens, m.start))) continue;
      if (!isProposal(doc, sentence)) continue;
      const modern = doc.sector === 'modern';
      return [
        {
          start: m.start,
          end: m.end,
          severity: modern ? 'info' : 'warning',
          messageId: reason === 'apology' ? 'apology' : 'default',
          rationaleId: modern ? 'modern' : 'default',
          data: { phrase: doc.body.slice(m.start, m.end) },
          suggestion: {
            text: {
              en: 'Add an offer to meet: "I would be glad to visit your office at a time convenient for you; a {phrase} is also fine if that is easier."',
              ja: '直接会う申し出を加えましょう: "I would be glad to visit your office at a time convenient for you; a {phrase} is also fine if that is easier."',
            },
          },
        },
      ];
    }
    return [];
  },
  examples: {
    fire: [
      {
        text: "I'm reaching out because we would like to work with your bank. I'd love to set up a 30-minute Zoom call next week.",
        excerpt: 'Zoom call',
        severity: 'warning',
      },
      {
        text: 'Nice to e-meet you! Would you be open to a quick 30-minute video chat sometime next week?',
        context: { sector: 'modern' },
        excerpt: 'video chat',
        severity: 'info',
      },
      {
        text: "Really sorry about yesterday's outage. Happy to jump on a Google Meet this week to walk you through the postmortem.",
        draft: { isReply: true },
        excerpt: 'Google Meet',
      },
      {
        text: "I'm reaching out from a recruiting firm in Seattle. I would like to set up a 15-minute call to tell you more about the role.",
        excerpt: 'call',
      },
      {
        text: 'Allow me to introduce myself. Could we meet on Teams next Tuesday?',
        excerpt: 'on Teams',
      },
    ],
    pass: [
      {
        text: "I'm reaching out to introduce our bank. I will be in Tokyo from February 16 to 20, and I would be honored to visit your office. A video call is also fine.",
      },
      {
        text: 'Here is the Microsoft Teams link for our monthly reporting call on Tuesday. Is there any other topic your team would like to add?',
        draft: { isReply: true },
      },
      {
        text: 'We sincerely apologize for the delay. I would like to visit your office next week to apologize in person. A call this afternoon may also help.',
        draft: { isReply: true },
      },
      {
        text: "I'm reaching out to introduce our company. Please feel free to call me at any time.",
      },
      {
        text: 'Thanks for the update. Could we set up a Zoom call next week to review the figures?',
        draft: { isReply: true },
      },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/offer-in-person.ts) runs instead.
export default withJapanese(english, offerInPersonJa);
