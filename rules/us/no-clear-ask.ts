//
// Also home of the pack's shared notion of "the ask" (a request, a question, or a next step the
// writer commits to with a date): us/buried-ask and us/vague-commitment import these helpers so
// the three rules agree on what counts as asking, and on what counts as a date.
import { defineRule, definePhrases, hasDate, hasDeadline, isInfinitiveVerb, phraseCombinations, type RuleDoc, type Sentence, type Token } from '../../src/engine';

/** Words that follow a verb opening a command: an object, a particle or a preposition. */
const COMMAND_FOLLOWERS = new Set(['me', 'us', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'them', 'him', 'her', 'my', 'our', 'your', 'by', 'in', 'up', 'out', 'off', 'over', 'back', 'down', 'to', 'for', 'with', 'at', 'ahead', 'all']);

/**
 * Polite request forms (RULES.md: please, could/would/can you, I would be grateful if you could,
 * we would appreciate it if, kindly, let me know). Entries tagged `courtesy` are fixed formulas
 * that contain a request word but ask nothing ("Please find attached"); being longer, they win
 * the leftmost-longest match over "please" and are then ignored.
 */
export const REQUEST_PHRASES = definePhrases<{ pattern: string; tag?: string }>([
  'please',
  'kindly',
  'could|would|can|will you',
  'could|would|can|will your',
  'would|do you mind',
  'would it be possible',
  'is it possible for you|your',
  'is there any chance',
  'i|we would be grateful|thankful|obliged|glad if',
  'would appreciate',
  'if you could',
  'i|we request|ask that',
  'i|we request|ask you',
  'appreciate it if',
  'i|we need you to',
  'i|we need your',
  'i|we would like you to',
  'let me|us know',
  'tell me|us',
  'keep me|us posted|informed|updated',
  "let's",
  'let us meet|talk|discuss|schedule|set|plan|find|review|agree|go',
  'may i|we ask|request',
  'i|we would like to ask|request|invite',
  'pls|plz',
  // Suggestions to the reader are asks too ("you may want to mention it", "I think you can send").
  'you (may|might) want to',
  'you (should|could|can) (send|call|ask|check|contact|talk|reach|forward|use|try|mention|let|give|get|go|review|look)',
  "(you'll|you will) (need|want) to",
  'feel free to',
  'get back (to|with) me|us',
  '(i|we) (urge|encourage|invite|ask) you',
  "(writing|write|wanted|want|like|i'd|i'm) to (urge|encourage|invite|ask|request) you",
  // A courtesy offer with its contact point is still a pointer to what to do ("Should you have any questions, contact the help line").
  'should you have any (questions|concerns|problems|issues) * [*] [*] [*] [*] [*] [,] (call|contact|email|e-mail|see|visit|write|dial)',
  // Recommendations and proposals say what should happen next.
  '(i|we) (recommend|suggest|propose)',
  '(i|we) would (recommend|suggest|propose)',
  '(it would be|it is) (better|best|wise|smart) to',
  '(we|you) should',
  // "For an appointment with the on-site counsellor call 555-0100": a pointer with or without its comma.
  'for (an|a|more|further|any) * [*] [*] [*] [*] [*] [,] (call|contact|email|e-mail|see|visit|write|dial)',
  // Who does what: "Both offices should dial in to join the call", "everyone should bring a laptop".
  'should (dial|call|join|send|contact|bring|attend|submit|register|email|reply|respond|review|complete|sign|log|check|read|plan|book|reserve|forward|confirm)',
  // Courtesy formulas: they contain a request word and ask for nothing.
  { pattern: 'please find|see [attached|enclosed|below|above]', tag: 'courtesy' },
  { pattern: 'please be informed|noted|advised|aware', tag: 'courtesy' },
  { pattern: 'please note', tag: 'courtesy' },
  { pattern: 'please accept|forgive|excuse', tag: 'courtesy' },
  { pattern: 'please do not hesitate', tag: 'courtesy' },
  { pattern: 'please feel free', tag: 'courtesy' },
  { pattern: 'thank you kindly', tag: 'courtesy' },
]);

/**
 * Base-form verbs that open a request when they start a sentence ("Send me the report.",
 * "Confirm the dates by Friday."). A closed list keeps the check free of the tagger, which
 * would cost ~40 µs per word on every sentence of a long draft; verbs that usually open
 * courtesy formulas or statements (find, allow, see, note, enjoy, have) are left out on purpose.
 */
const REQUEST_VERBS = new Set([
  'send', 'confirm', 'call', 'check', 'review', 'sign', 'share', 'tell', 'provide', 'reply',
  'respond', 'contact', 'approve', 'forward', 'return', 'update', 'fill', 'complete', 'submit',
  'schedule', 'book', 'email', 'ping', 'give', 'make', 'ensure', 'advise', 'arrange', 'pick',
  'choose', 'select', 'decide', 'add', 'remove', 'fix', 'attach', 'print', 'join', 'bring',
  'ship', 'pay', 'transfer', 'read', 'upload', 'download', 'prepare', 'reserve', 'register',
  'verify', 'double-check', 'introduce', 'loop', 'cc', 'hold', 'cancel', 'resend', 'rerun',
  'correct', 'clarify', 'explain', 'ask', 'remind', 'grab', 'drop', 'come', 'meet',
  'click', 'visit', 'dial', 'log',
]);
/** Words that open a subordinate clause before a command: "If you forgot it, click Reset". */
const SUBORDINATORS = new Set(['if', 'when', 'once', 'after', 'before', 'whenever', 'unless', 'while']);

/** Commitments by the writer to an action ("I will send", "we'll call"); they need a date. */
const NEXT_STEP_VERBS = [
  'send', 'call', 'share', 'ship', 'deliver', 'confirm', 'follow', 'update', 'schedule', 'book',
  'visit', 'reply', 'provide', 'prepare', 'submit', 'arrange', 'forward', 'email', 'finalize',
  'finalise', 'coordinate', 'decide', 'pay', 'issue', 'release', 'start', 'begin', 'finish',
  'complete', 'announce', 'present', 'circulate', 'publish', 'return', 'refund', 'replace',
  'get back to you', 'come back to you', 'let you know',
];
/** Proposals and invitations ("I'd love to set up a call next week"): a next step when dated. */
const PROPOSAL_VERBS = ['set up', 'schedule', 'arrange', 'book', 'meet', 'visit', 'call', 'talk', 'discuss', 'take you', 'host you', 'treat you', 'show you', 'walk you'];
export const NEXT_STEP_PHRASES = definePhrases(() => [
  ...phraseCombinations(['i will', 'we will', 'i shall', 'we shall'], ['', 'then', 'also', 'next'], NEXT_STEP_VERBS),
  ...phraseCombinations(['i|we would'], ['love|like'], ['to'], PROPOSAL_VERBS),
  'next step|steps',
  'the plan is to',
]);

/**
 * The writer saying what they will do next, dated or not (RULES.md, "Reading real mail": a next
 * step says who does what): "We'll report back as we get news", "I want to verify with
 * litigation", "I am hoping to set up floor meetings", "Will attempt on my end to …".
 */
export const WRITER_PLAN_PHRASES = definePhrases([
  '(i|we) (will|shall) [also|then|next|now|still|first] *',
  '(i|we) (plan|intend|want|need|hope|expect|mean) to',
  '(i|we) (am|are) (planning|hoping|intending|going) to',
  "(i|we) would like to",
  'i|we look forward to (speaking|hearing|meeting|seeing|talking|working|discussing|your)',
  'looking forward to (speaking|hearing|meeting|seeing|talking|working|discussing|your)',
]);
/** Words after "(we) will" that are not actions the writer takes next ("we will be closed", "I will miss"). */
const NOT_A_PLAN = new Set(['be', 'not', 'never', 'miss', 'have', 'need', 'probably', 'likely', 'always', 'forget', 'remember', 'continue', 'get']);

/** First word token of a sentence, skipping bullets and list numbers. */
function firstWord(sentence: Sentence): Token | undefined {
  for (const t of sentence.tokens) {
    if (!t.isWord) continue;
    if (/^\d{1,4}$/.test(t.norm) && t === sentence.tokens[0]) continue; // "1. Send the file"
    return t;
  }
  return undefined;
}

/** A greeting line such as "Hi Ken," / "Dear Ms. Smith," / "Hello team!". */
const GREETING_WORDS = new Set(['hi', 'hello', 'dear', 'hey', 'good', 'greetings', 'morning', 'afternoon', 'evening', 'howdy', 'hiya', 'yo']);
export function isGreeting(sentence: Sentence): boolean {
  const words = sentence.tokens.filter((t) => t.isWord);
  if (words.length === 0 || words.length > 6) return false;
  const last = sentence.tokens[sentence.tokens.length - 1];
  if (GREETING_WORDS.has(words[0]!.norm)) return true;
  // "Ms. Kimura," / "Ken-san,": a short line that ends with a comma and has no verb-like ask.
  return last?.text === ',' && words.length <= 3;
}

export type AskKind = 'request' | 'question' | 'next-step';
export interface Ask {
  sentence: Sentence;
  /** Index of the sentence in doc.sentences. */
  index: number;
  kind: AskKind;
}

/**
 * Every sentence of the draft that asks the reader for something: a '?' sentence, a polite
 * request, an imperative request, or a next step the writer commits to with a date. One pass
 * over the sentences; the phrase tables are matched once per paragraph and cached by the engine.
 */
export function findAsks(doc: RuleDoc): Ask[] {
  // us/buried-ask and us/no-clear-ask both ask for the same document in one analysis.
  const cached = askCache.get(doc);
  if (cached) return cached;
  const asks = collectAsks(doc);
  askCache.set(doc, asks);
  return asks;
}

const askCache = new WeakMap<RuleDoc, Ask[]>();

function collectAsks(doc: RuleDoc): Ask[] {
  // Whether a sentence is an ask depends only on its paragraph: cached per paragraph text, so an
  // edit re-reads only the edited paragraph (the kinds are stored by sentence position).
  const asks: Ask[] = [];
  let index = 0;
  for (const p of doc.paragraphs) {
    const kinds = doc.memoParagraph('us/asks', p, (q) => q.sentences.map((s) => askKind(doc, s)));
    p.sentences.forEach((s, i) => {
      const kind = kinds[i];
      if (kind) asks.push({ sentence: s, index: index + i, kind });
    });
    index += p.sentences.length;
  }
  return asks;
}

function askKind(doc: RuleDoc, s: Sentence): Ask['kind'] | undefined {
  if (s.isQuestion) return 'question';
  if (doc.matchSentence(REQUEST_PHRASES, s).some((m) => m.entry.tag !== 'courtesy')) return 'request';
  const first = firstWord(s);
  // "Update: the parts shipped" is a heading, not an imperative.
  const after = first ? s.tokens[s.tokens.indexOf(first) + 1] : undefined;
  if (first && REQUEST_VERBS.has(first.norm) && after?.isWord) return 'request';
  // "If you don't remember your password, click Forgot Password": the command after the clause.
  if (first && SUBORDINATORS.has(first.norm)) {
    const comma = s.tokens.findIndex((t) => t.text === ',');
    const verb = comma === -1 ? undefined : s.tokens.slice(comma + 1).find((t) => t.isWord);
    const object = verb ? s.tokens[s.tokens.indexOf(verb) + 1] : undefined;
    if (verb && REQUEST_VERBS.has(verb.norm) && object?.isWord) return 'request';
  }
  if (doc.matchSentence(NEXT_STEP_PHRASES, s).length > 0 && hasDate(s.tokens)) return 'next-step';
  for (const m of doc.matchSentence(WRITER_PLAN_PHRASES, s)) {
    // Match token indexes count from the paragraph; the last word is read from the text.
    const words = doc.body.slice(m.start, m.end).toLowerCase().replace(/’/g, "'").split(/[^\p{L}']/u);
    const last = words[words.length - 1] ?? '';
    if (!NOT_A_PLAN.has(last)) return 'next-step';
  }
  // "Will attempt on my end to …": a plan with the subject left out, first in its sentence.
  if (first?.norm === 'will' && after?.isWord && !['you', 'your', 'they', 'he', 'she', 'it', 'there', 'this', 'that'].includes(after.norm)) return 'next-step';
  // A command first in its sentence is a request ("Come by anytime", "Give me a call").
  if (first && after?.isWord && first === s.tokens.find((t) => t.isWord) && /^\p{Lu}/u.test(first.text) && COMMAND_FOLLOWERS.has(after.norm) && isInfinitiveVerb(first.norm) && !['thank', 'see', 'have', 'enjoy', 'wish', 'hope'].includes(first.norm)) return 'request';
  // Someone else's dated next step: "He will notify Rick first thing this morning".
  if (s.tokens.some((t, k) => t.norm === 'will' && s.tokens[k - 1]?.isWord && s.tokens[k + 1]?.isWord && !NOT_A_PLAN.has(s.tokens[k + 1]!.norm)) && hasDeadline(s.tokens)) return 'next-step';
  return undefined;
}

/** Drafts at or under this many words are short notes (a thank-you, a one-line reply). */
export const NO_ASK_MIN_WORDS = 60;

export default defineRule({
  id: 'us/no-clear-ask',
  pack: 'us',
  severity: 'info',
  description: {
    en: 'A draft of more than 60 words with no question, no request and no next step.',
    ja: '60語を超えるのに、質問・依頼・次のステップのどれもないメール。',
  },
  messages: {
    default: {
      en: 'No clear ask: {words} words without a question, a request or a next step.',
      ja: '依頼が見えません：{words}語の中に、質問・依頼・次のステップがありません。',
    },
  },
  rationales: {
    default: {
      en: 'American readers look for what they are expected to do and by when; without it, the email is read as information only and often gets no reply.',
      ja: 'アメリカの読み手は「自分は何を、いつまでにすればよいか」を探します。それがないと単なる報告として読まれ、返事が来ないことがよくあります。',
    },
  },
  advice: {
    en: 'End with the next step and a date: "Could you confirm by Friday, May 8?" or "I will send the report by Thursday."',
    ja: '最後に次のステップと日付を書きましょう。例：「Could you confirm by Friday, May 8?」「I will send the report by Thursday.」',
  },
  check(doc) {
    if (doc.wordCount <= NO_ASK_MIN_WORDS) return [];
    if (findAsks(doc).length > 0) return [];
    return [{ data: { words: doc.wordCount } }];
  },
  examples: {
    fire: [
      {
        text: 'Hi Jordan,\n\nWe closed the quarter with 214 installs, our best ever, and 31% over plan. The Phoenix team did most of the work with 96 installs, and the average time from contract to permission-to-operate dropped to 38 days. Reviews average 4.8 stars, and we had only two warranty callbacks. The new inverter supplier also came through on pricing, which pushed gross margin up to 27%.\n\nTyler',
      },
      {
        text: 'Dear Mr. Hayes,\n\nI am writing to inform you that, effective December 1, I will be transferred to our Singapore branch, and Ms. Arai will succeed me as General Manager. Ms. Arai has worked in our Osaka office for twelve years and knows your account well. I have learned a great deal from you and your team over the past eight years, and I will never forget your hospitality during my visits to Minneapolis.\n\nWith gratitude,\nTakeshi Kondo',
      },
      {
        text: 'Hi Derek,\n\nThank you very much for showing us your factory in Ohio on Tuesday. It was my first visit to an American plant, and everything was interesting. The automated test line was especially impressive, and our manager also said the visit was very useful for our evaluation of suppliers for next year. We arrived back in Tokyo safely yesterday and have shared our notes with the team.\n\nBest regards,\nYui',
      },
    ],
    pass: [
      { text: 'Hi Derek,\n\nThanks for hosting us at your booth yesterday. The tasting was a hit with our buyers, and it was great to meet your team in person.\n\nBest,\nHannah' },
      {
        text: 'Hi Jordan,\n\nWe closed the quarter with 214 installs, our best ever, and 31% over plan. The Phoenix team did most of the work with 96 installs, and the average time from contract to permission-to-operate dropped to 38 days. Reviews average 4.8 stars, and we had only two warranty callbacks. Could you share the numbers with the board before Thursday?\n\nTyler',
      },
      {
        text: 'Hi Jordan,\n\nWe closed the quarter with 214 installs, our best ever, and 31% over plan. The Phoenix team did most of the work with 96 installs, and the average time from contract to permission-to-operate dropped to 38 days. Reviews average 4.8 stars, and we had only two warranty callbacks. I will send the full report to the board by Friday, October 10.\n\nTyler',
      },
      {
        text: 'Hi Jordan,\n\nWe closed the quarter with 214 installs, our best ever, and 31% over plan. The Phoenix team did most of the work with 96 installs, and the average time from contract to permission-to-operate dropped to 38 days. Reviews average 4.8 stars, and we had only two warranty callbacks. Let me know if you want the details for each region.\n\nTyler',
      },
      {
        text: 'Hi Jordan,\n\nWe closed the quarter with 214 installs, our best ever, and 31% over plan. The Phoenix team did most of the work with 96 installs, and the average time from contract to permission-to-operate dropped to 38 days. Reviews average 4.8 stars, and we had only two warranty callbacks.\n\nSend the numbers to the board when you have a minute.\n\nTyler',
      },
    ],
  },
});
