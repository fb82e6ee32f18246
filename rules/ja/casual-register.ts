import { defineRule, definePhrases, type PhraseEntry, type RuleDoc, type RuleReport, type Sentence } from '../../src/engine';
import { withJapanese } from './japanese/extend';
import { casualRegisterJa } from './japanese/casual-register';

interface GreetingEntry extends PhraseEntry {
  /**
   * `word`: a greeting word whose drop-in depends on what follows (a name or not);
   * `bare`: a word that is a greeting only when a name or punctuation follows ("Morning, Ken"
   * but not "Morning sessions start at 9").
   */
  tag?: 'word' | 'bare' | 'anywhere';
}

/** Casual openings: slang greetings, and greetings to a group as "guys" or "folks". */
export const CASUAL_GREETINGS = definePhrases<GreetingEntry>([
  { pattern: 'hey|heya|hiya|howdy|yo|sup|wassup|hullo', tag: 'word' },
  { pattern: "(hi|hello|hey|hiya|howdy|yo) (guys|folks|gang|peeps|y'all|yall|all|team|everybody|everyone)", replacement: 'Dear all' },
  { pattern: '(hi|hey|hiya|howdy) there', replacement: 'Hello' },
  { pattern: "what's|whats up", replacement: 'Hello' },
  // Small-talk openers that stand in for a greeting: "how's things", "what is happening?".
  { pattern: "how's|hows (things|it going|life|everything|tricks)", replacement: 'I hope you are well' },
  { pattern: 'how (are|r) (ya|u)', replacement: 'I hope you are well' },
  { pattern: "(what's|whats|what is) (happening|new|going on|shaking)", replacement: 'I hope you are well' },
  // Endearments and buddy words after a greeting: "Hi honey", "Hey man".
  { pattern: '(hi|hello|hey) (honey|sweetie|sweetheart|babe|dude|man|buddy|pal|mate|bro|darling)', replacement: 'Dear' },
  // Addressing the group as "y'all" is casual wherever it stands in the opening ("Happy holidays y'all").
  { pattern: "y'all|yall|ya'll", replacement: 'everyone', tag: 'anywhere' },
  { pattern: 'morning|mornin', replacement: 'Good morning', tag: 'bare' },
]);

/** A subject that is only a slang greeting. */
const SUBJECT_GREETING = /^(?:hey|heya|hiya|howdy|yo|sup|wassup|what'?s up)(?:\s+(?:there|guys|folks|y'?all|ya'll|man|dude))?\s*[!.?]*$/i;

/** Casual closings. */
export const CASUAL_SIGN_OFFS = definePhrases([
  { pattern: 'cheers [mate]', replacement: 'Best regards' },
  { pattern: 'thx|thnx|thanx|tnx|ty', replacement: 'Thank you' },
  { pattern: '(catch|talk) you|ya [all] later|soon', replacement: 'Best regards' },
  { pattern: 'later|laters|ttyl|cya|ciao|peace|xoxo|hugs|bye|bye-bye', replacement: 'Best regards' },
  { pattern: 'see ya|you (later|around)', replacement: 'Best regards' },
  { pattern: 'see ya', replacement: 'Best regards' },
  { pattern: 'take it easy', replacement: 'Best regards' },
  // Family sign-offs and clipped closings ("Love, Sally", "Love you", "Rgds").
  { pattern: '(love|luv) [you|ya|u]', replacement: 'Best regards' },
  { pattern: 'lots|much of love', replacement: 'Best regards' },
  { pattern: 'much love', replacement: 'Best regards' },
  { pattern: 'rgds|regds|brgds', replacement: 'Best regards' },
]);

/**
 * Plain greetings ("Hi", "Hello") are fine with a name ("Hi Tanaka-san"); with a group word
 * they are not. These group words make "Hi all" or "Hello everyone" fine, though: only
 * slang greetings with them are casual. `check` enforces that distinction.
 */
const NEUTRAL_GROUP = new Set(['all', 'everybody', 'everyone', 'team']);
const SLANG_GREETING = new Set(['hey', 'hiya', 'howdy', 'yo']);

/**
 * Whether the line is only the sign-off: every word is inside [start, end), or what follows is
 * ", Name" ("Cheers, Tom").
 */
function isWholeSignOff(sentence: Sentence, start: number, end: number): boolean {
  const rest = sentence.tokens.filter((t) => t.start >= end);
  if (sentence.tokens.some((t) => t.isWord && t.start < start)) return false;
  const restWords = rest.filter((t) => t.isWord);
  if (restWords.length === 0) return true;
  return rest[0]?.norm === ',' && restWords.length <= 3 && restWords.every((t) => /^\p{Lu}/u.test(t.text));
}

/**
 * The opening sentences: a greeting may stand on the second line, after a name or a one-word
 * "hi." ("hi.  how's things."), so the first three sentences of the writer's words are read.
 */
function openingSentences(doc: RuleDoc): Sentence[] {
  return doc.sentences.slice(0, 3);
}

function greetingReport(doc: RuleDoc): RuleReport | undefined {
  let first: Sentence | undefined;
  let m: ReturnType<typeof doc.matchSentence<GreetingEntry>>[number] | undefined;
  for (const s of openingSentences(doc)) {
    const t0 = s.tokens[0];
    if (!t0) continue;
    // "y'all" counts anywhere in a short greeting line ("Happy holidays y'all!"), not in a sentence
    // of the body ("I wanted to send y'all an update").
    const short = s.tokens.filter((t) => t.isWord).length <= 6;
    m = doc.matchSentence(CASUAL_GREETINGS, s).find((x) => x.start === t0.start || (x.entry.tag === 'anywhere' && short));
    if (m) {
      first = s;
      break;
    }
    // A proper greeting ("Dear Mr. Ito,") opens the email: what follows is the body ("Hey, that
    // is a good idea" is an interjection there, not the greeting).
    const w1 = s.tokens.find((t, k) => k > 0 && t.isWord);
    if (/^(?:dear|hello|hi|good|greetings|to)$/.test(t0.norm) && w1 && /^\p{Lu}/u.test(w1.text)) break;
  }
  if (!first || !m) return undefined;
  const next = first.tokens.find((t) => t.start >= m.end);
  if (m.entry.tag === 'bare' && next && next.isWord && !/^\p{Lu}/u.test(next.text)) return undefined;
  const words = first.tokens.filter((t) => t.start >= m.start && t.end <= m.end && t.isWord);
  const groupWord = words[1]?.norm;
  // "Hello everyone" is neutral; "Hi all" is the "Hi guys" class (real mail's reading), as are
  // slang greetings with any group word.
  if (groupWord && NEUTRAL_GROUP.has(groupWord) && !SLANG_GREETING.has(words[0]!.norm) && !(words[0]!.norm === 'hi' && groupWord === 'all')) return undefined;
  let replacement = m.entry.replacement;
  if (m.entry.tag === 'word') {
    // "Hey Ken," -> "Dear Ken,"; "Hey," or "Howdy from Austin" -> "Hello".
    replacement = next?.isWord && /^\p{Lu}/u.test(next.text) ? 'Dear' : 'Hello';
  }
  return {
    start: m.start,
    end: m.end,
    messageId: 'greeting',
    data: { phrase: doc.body.slice(m.start, m.end) },
    suggestion: {
      text: {
        en: 'Open with the family name and -san, or Mr./Ms.: "Dear Tanaka-san," or "Dear Mr. Tanaka,"',
        ja: '姓に「-san」か Mr./Ms. を付けて始めましょう: "Dear Tanaka-san," または "Dear Mr. Tanaka,"',
      },
      ...(replacement ? { replacement } : {}),
    },
  };
}

/** The sign-off line the engine found, or (when it did not know the phrase) one of the last short lines. */
function signOffCandidates(doc: RuleDoc): Sentence[] {
  if (doc.signOffStart >= 0) {
    const s = doc.sentenceAt(doc.signOffStart);
    return s ? [s] : [];
  }
  return doc.sentences.slice(-3);
}

function signOffReport(doc: RuleDoc): RuleReport | undefined {
  for (const s of signOffCandidates(doc)) {
    const firstToken = s.tokens[0];
    if (!firstToken) continue;
    const m = doc.matchSentence(CASUAL_SIGN_OFFS, s).find((x) => x.start === firstToken.start);
    if (!m || !isWholeSignOff(s, m.start, m.end)) continue;
    return {
      start: m.start,
      end: m.end,
      messageId: 'signOff',
      data: { phrase: doc.body.slice(m.start, m.end) },
      suggestion: {
        text: {
          en: 'Close with "Best regards," or "Thank you very much,"',
          ja: '"Best regards," や "Thank you very much," で締めくくりましょう。',
        },
        ...(m.entry.replacement ? { replacement: m.entry.replacement } : {}),
      },
    };
  }
  return undefined;
}

const english = defineRule({
  id: 'ja/casual-register',
  pack: 'ja',
  severity: 'info',
  description: {
    en: 'Casual greetings and sign-offs (Hey, Hi guys, Howdy, Cheers, Thx, Catch you later).',
    ja: 'くだけた書き出し・結び（Hey、Hi guys、Howdy、Cheers、Thx、Catch you later など）。',
  },
  messages: {
    default: {
      en: 'Casual register: "{phrase}".',
      ja: 'くだけた表現: 「{phrase}」。',
    },
    greeting: {
      en: 'Casual greeting: "{phrase}". Address your partner by family name.',
      ja: 'くだけた書き出し: 「{phrase}」。相手は姓で呼びかけましょう。',
    },
    signOff: {
      en: 'Casual sign-off: "{phrase}". Close more formally.',
      ja: 'くだけた結び: 「{phrase}」。もう少し改まった結びにしましょう。',
    },
  },
  rationales: {
    default: {
      en: 'Japanese business email keeps a polite register from the first line to the last; a slang greeting or sign-off can look careless about the relationship.',
      ja: '日本のビジネスメールは、最初から最後まで丁寧な文体を保ちます。くだけた書き出しや結びは、関係を軽んじているように見えかねません。',
    },
  },
  advice: {
    en: 'Address the reader by family name with -san or Mr./Ms., and close with "Best regards" or "Thank you very much".',
    ja: '相手は姓に「-san」か Mr./Ms. を付けて呼び、"Best regards" や "Thank you very much" で締めくくりましょう。',
  },
  check(doc) {
    const reports: RuleReport[] = [];
    const greeting = greetingReport(doc);
    if (greeting) reports.push(greeting);
    // The subject the writer typed ("Hey", "Yo!"), not an inherited Re:/Fwd: one.
    const subject = doc.draft.subject?.trim() ?? '';
    if (!greeting && !doc.isReply && subject !== '' && SUBJECT_GREETING.test(subject)) {
      reports.push({ target: 'subject', messageId: 'greeting', data: { phrase: subject } });
    }
    const signOff = signOffReport(doc);
    if (signOff && signOff.start !== greeting?.start) reports.push(signOff);
    return reports;
  },
  examples: {
    fire: [
      { draft: { body: 'Are we still on for Friday night?', subject: 'Hey' } },
      { text: "Happy holidays y'all!\n\nThe Johnstons", excerpt: "y'all" },
      { text: 'Hi all,\n\nThe samples ship today.', excerpt: 'Hi all' },
      { text: "hi.  how's things.  The deck is nearly done.", excerpt: "how's things" },
      { text: 'Kenji,\n\nWhat is happening? The files never came.', excerpt: 'What is happening' },
      { text: 'Hi honey,\n\nPlease print the tickets too.', excerpt: 'Hi honey' },
      { text: 'The tickets are on your desk.\n\nLove,\nSally', excerpt: 'Love' },
      { text: 'The tickets are on your desk.\n\nRgds', excerpt: 'Rgds' },
      { text: 'Hey team,\n\nThe samples ship today.\n\nBest regards,\nRyan', excerpt: 'Hey team', output: 'Dear all,\n\nThe samples ship today.\n\nBest regards,\nRyan' },
      { text: 'Howdy from Austin!\n\nThe samples ship today.', excerpt: 'Howdy', output: 'Hello from Austin!\n\nThe samples ship today.' },
      { text: 'Hi Ogawa-san,\n\nSee you on Thursday.\n\nCheers,\nJason', excerpt: 'Cheers', output: 'Hi Ogawa-san,\n\nSee you on Thursday.\n\nBest regards,\nJason' },
      { text: 'Hello Mr. Ono,\n\nThe contract is attached.\n\nCatch you later,\nPriya', excerpt: 'Catch you later' },
      { text: 'Hi guys, the shipment left Kobe today.', excerpt: 'Hi guys' },
      { text: 'Dear Mr. Tanaka,\n\nThe file is attached.\n\nThx,\nTom', excerpt: 'Thx', output: 'Dear Mr. Tanaka,\n\nThe file is attached.\n\nThank you,\nTom' },
      { text: 'Yo Ken, the demo is ready.', excerpt: 'Yo', output: 'Dear Ken, the demo is ready.' },
      { text: 'Dear Ms. Sato,\n\nThe agenda is attached.\n\nSee ya,\nMike', excerpt: 'See ya' },
    ],
    pass: [
      { text: 'Hi Tanaka-san,\n\nThe samples ship today.\n\nBest regards,\nTom' },
      { text: 'Dear Mr. Tanaka,\n\nThank you for your email.\n\nThank you very much,\nTom' },
      { text: 'Hello everyone,\n\nThe agenda is attached.\n\nBest,\nRachel' },
      { text: 'Dear Ms. Fujita,\n\nWe will confirm the schedule later.\n\nBest regards,\nSteven' },
      { text: 'Dear Mr. Ito,\n\nHey, that is a good idea, thank you.\n\nSincerely,\nLaura' },
      { text: 'Morning sessions start at 9:00 in Hall 5.\n\nBest regards,\nEmi' },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/casual-register.ts) runs instead.
export default withJapanese(english, casualRegisterJa);
