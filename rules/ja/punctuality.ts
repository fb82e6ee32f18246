import { defineRule, definePhrases, type PhraseEntry, type RuleReport, type Sentence, type Token, WRITER_SUBJECTS } from '../../src/engine';
import { withJapanese } from './japanese/extend';
import { punctualityJa } from './japanese/punctuality';

/**
 * - `exact`: arriving at the stroke of the hour ("on the dot");
 * - `sharp`, `exactly`: the same, but only next to a clock time ("3 sharp", "at 4:00 exactly");
 * - `vague`: an approximate time for a meeting ("10-ish", "give or take");
 * - `late`: lateness the writer announces ("running late", "a few minutes late");
 * - `hedged`: "I'll try to make it on time" (on time in Japan means early).
 */
type PunctualityKind = 'exact' | 'sharp' | 'exactly' | 'vague' | 'ish' | 'late' | 'minutes-late' | 'hedged' | 'needs-time';
interface PunctualityEntry extends PhraseEntry {
  tag: PunctualityKind;
}

const HOURS = Array.from({ length: 12 }, (_, i) => String(i + 1));
/** "10-ish", "3pm-ish", "noonish": one token each in the engine's tokenizer. */
const ISH_TOKENS = [
  ...HOURS.flatMap((h) => [`${h}-ish`, `${h}ish`, `${h}am-ish`, `${h}pm-ish`, `${h}amish`, `${h}pmish`]),
  '00-ish', '15-ish', '30-ish', '45-ish', 'am-ish', 'pm-ish', "o'clock-ish", "o'clockish", 'noon-ish', 'noonish',
];

export const PUNCTUALITY_PHRASES = definePhrases<PunctualityEntry>([
  { pattern: 'on the dot', tag: 'exact' },
  { pattern: 'not a (minute|moment|second) (before|earlier|sooner|early)', tag: 'exact' },
  { pattern: 'on the nose', tag: 'needs-time' },
  { pattern: 'sharp', tag: 'sharp' },
  { pattern: 'exactly|precisely|punctually', tag: 'exactly' },
  { pattern: ISH_TOKENS.join('|'), tag: 'vague' },
  { pattern: 'ish', tag: 'ish' },
  { pattern: 'give or take', tag: 'needs-time' },
  { pattern: 'more or less on time', tag: 'vague' },
  { pattern: 'roughly|approximately on time', tag: 'vague' },
  { pattern: 'running [a] [bit|little|few|couple] [of] [minutes] late|behind', tag: 'late' },
  { pattern: '(minutes|minute|mins|min) late', tag: 'minutes-late' },
  { pattern: "(i|we) (might|may|will|could|should|would) be [a] [bit|little] late", tag: 'late' },
  { pattern: '(arrive|come|join|dial|turn|show) [in|up] [a] (bit|little) late', tag: 'late' },
  { pattern: '(try|trying|hope|hoping|aim|aiming|attempt|best) to (make|be|get|arrive) [it] [there|here] on time', tag: 'hedged' },
  { pattern: 'hopefully (make|be|get|arrive) [it] [there|here] on time', tag: 'hedged' },
  { pattern: 'hopefully on time', tag: 'hedged' },
]);

/** The writer as the one arriving ("our shipment is running late" is a delay, not a late arrival). */
const TIME_WORDS = new Set(['am', 'pm', 'a.m', 'p.m', "o'clock", 'oclock', 'noon', 'midnight']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']);
const BEFORE_A_TIME = new Set(['at', 'by', 'from', 'until', 'till', 'around', 'starts', 'start', 'begins', 'begin']);

/** A token that is, or ends, a clock time: "3", "3pm", "pm", "noon", "00" in "10:00". */
function isClockToken(t: Token | undefined, prev?: Token): boolean {
  if (!t) return false;
  if (TIME_WORDS.has(t.norm) || NUMBER_WORDS.has(t.norm)) return true;
  if (/^\d{1,2}(?:am|pm)?$/.test(t.norm)) return true;
  return /^\d\d$/.test(t.norm) && prev?.norm === ':';
}

function tokenIndex(tokens: readonly Token[], offset: number): number {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.start >= offset) return i;
  return tokens.length;
}

/** The clock time just before index i (skipping the period of "p.m."), if any. */
function clockBefore(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  if (tokens[k]?.norm === '.') k--;
  return isClockToken(tokens[k], tokens[k - 1]);
}

/**
 * Whether the sentence names a clock time ("3 pm", "10:00", "at 10", "10-ish"), so that a vague
 * phrase is about an arrival, not a duration ("an hour, give or take") or a quantity.
 */
function hasClockTime(tokens: readonly Token[]): boolean {
  return tokens.some(
    (t, k) =>
      TIME_WORDS.has(t.norm) ||
      /^\d{1,2}(?:am|pm)$/.test(t.norm) ||
      t.norm.endsWith('-ish') ||
      (t.norm === ':' && /^\d/.test(tokens[k - 1]?.norm ?? '') && /^\d\d$/.test(tokens[k + 1]?.norm ?? '')) ||
      (/^\d{1,2}$/.test(t.norm) && BEFORE_A_TIME.has(tokens[k - 1]?.norm ?? '')),
  );
}

function writerIsSubject(tokens: readonly Token[], i: number): boolean {
  for (let k = 0; k <= i && k < tokens.length; k++) if (WRITER_SUBJECTS.has(tokens[k]!.norm)) return true;
  return false;
}

/** "exactly at 10", "at exactly 10", "at 4:00 exactly", "precisely at noon". */
function isExactTime(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (next?.norm === 'at' && isClockToken(tokens[i + 2])) return true;
  if (isClockToken(next) && BEFORE_A_TIME.has(tokens[i - 1]?.norm ?? '')) return true;
  if (!clockBefore(tokens, i)) return false;
  for (let k = i - 1; k >= 0 && k >= i - 6; k--) if (BEFORE_A_TIME.has(tokens[k]!.norm)) return true;
  return false;
}

function isPunctualityIssue(sentence: Sentence, kind: PunctualityKind, i: number): boolean {
  const tokens = sentence.tokens;
  switch (kind) {
    case 'exact':
    case 'vague':
    case 'hedged':
    case 'minutes-late':
      return true;
    case 'sharp':
    case 'ish':
      return clockBefore(tokens, i);
    case 'exactly':
      return isExactTime(tokens, i);
    case 'needs-time':
      return hasClockTime(tokens);
    case 'late':
      // "The shipment will be late" is a delay (ja/missing-apology); here the writer is late.
      return writerIsSubject(tokens, i);
  }
}

const ON_TIME_SUGGESTION = {
  en: 'Plan to arrive early and say so: "I will arrive a few minutes before the meeting time."',
  ja: '早めの到着を伝えましょう: "I will arrive a few minutes before the meeting time."',
};
const LATE_SUGGESTION = {
  en: 'Leave earlier, or apologize in advance and give a firm time: "I am very sorry, I will arrive at 3:10."',
  ja: '早めに出発するか、事前にお詫びして確かな到着時刻を伝えましょう: "I am very sorry, I will arrive at 3:10."',
};

const english = defineRule({
  id: 'ja/punctuality',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'Arriving "on the dot", approximately, or late to a meeting.',
    ja: '会議に「時間ちょうど」「だいたい」「遅れて」到着するという表現。',
  },
  messages: {
    default: {
      en: 'Punctuality: "{phrase}". In Japan, on time means a few minutes early.',
      ja: '時間の表現: 「{phrase}」。日本で「時間どおり」とは数分前に着くことです。',
    },
  },
  rationales: {
    default: {
      en: 'For Japanese partners, "on time" means 5 to 10 minutes before the start; arriving exactly on the hour, roughly, or late reads as a lack of respect for their time.',
      ja: '日本の取引先にとって「時間どおり」とは開始の5〜10分前のことです。ちょうどの時刻、おおよその時刻、遅刻は、相手の時間を軽んじていると受け取られます。',
    },
  },
  advice: {
    en: 'Say you will arrive a few minutes early: "I will arrive a few minutes before 3:00."',
    ja: '数分前に着くと伝えましょう: "I will arrive a few minutes before 3:00."',
  },
  check(doc) {
    const reports: RuleReport[] = [];
    for (const m of doc.match(PUNCTUALITY_PHRASES)) {
      const sentence = doc.sentenceAt(m.start);
      if (!sentence) continue;
      const i = tokenIndex(sentence.tokens, m.start);
      if (!isPunctualityIssue(sentence, m.entry.tag, i)) continue;
      const late = m.entry.tag === 'late' || m.entry.tag === 'minutes-late';
      // "2:30-ish" is three tokens: report the whole time.
      const t = sentence.tokens;
      const start = m.entry.tag === 'vague' && t[i - 1]?.norm === ':' && /^\d/.test(t[i - 2]?.norm ?? '') ? t[i - 2]!.start : m.start;
      reports.push({
        start,
        end: m.end,
        data: { phrase: doc.body.slice(start, m.end) },
        suggestion: { text: late ? LATE_SUGGESTION : ON_TIME_SUGGESTION },
      });
    }
    return reports;
  },
  examples: {
    fire: [
      { text: "I'll be at your reception at 2:00 pm on the dot.", excerpt: 'on the dot' },
      { text: "I'll be there at 3 sharp.", excerpt: 'sharp' },
      { text: 'We will be there exactly at 10.', excerpt: 'exactly' },
      { text: 'We will walk into your conference room at 4:00 exactly, not a minute before.', excerpt: 'exactly' },
      { text: "I'll swing by your booth around 10 o'clock-ish, give or take.", excerpt: "o'clock-ish" },
      { text: 'I might be a few minutes late because of another meeting.', excerpt: 'minutes late' },
      { text: "Sorry, I'm running a little late.", excerpt: 'running a little late' },
      { text: "I'll try to make it on time.", excerpt: 'try to make it on time' },
      { text: 'See you at 3 p.m. sharp.', excerpt: 'sharp' },
      { text: 'We should arrive around 2:30-ish.', excerpt: '2:30-ish' },
    ],
    pass: [
      { text: 'See you at 3 pm on Tuesday.' },
      { text: 'I will arrive a few minutes early.' },
      { text: 'I will arrive a few minutes before 2:00 pm with my colleague.' },
      { text: 'The shipment will be late because of the typhoon.' },
      { text: 'Sales fell sharply in the third quarter, exactly as we expected.' },
      { text: 'That is exactly what we need for the launch.' },
      { text: 'The order is 200 kg, give or take.' },
      { text: 'We saw a sharp rise in demand in 2024.' },
      { text: 'The report arrived right on time, thank you.' },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/punctuality.ts) runs instead.
export default withJapanese(english, punctualityJa);
