import { tokenIndexAt, defineRule, definePhrases, nextWordWhere, sentenceWords, isInfinitiveVerb, type PhraseEntry, type PhraseMatch, type RuleDoc, type Sentence, type Token, WRITER_SUBJECTS } from '../../src/engine';
import { bareImperatives } from './blunt-imperative';
import { withJapanese } from './japanese/extend';
import { pressureJa } from './japanese/pressure';

/**
 * Urgency and ultimatums. `urgency` entries are pressure only when aimed at the recipient: "we
 * will ship immediately" promises speed, it does not push. `deadline` and `ultimatum` entries push
 * whoever they are about. The soft form "at your earliest convenience" is deliberately absent and
 * is offered as the replacement where it is a drop-in.
 */
export const PRESSURE_PHRASES = definePhrases<PhraseEntry>([
  { pattern: 'asap|a.s.a.p', tag: 'urgency', replacement: 'at your earliest convenience' },
  { pattern: 'as soon as possible', tag: 'urgency', replacement: 'at your earliest convenience' },
  { pattern: 'immediately', tag: 'urgency', replacement: 'at your earliest convenience' },
  { pattern: 'right away|now', tag: 'urgency', replacement: 'at your earliest convenience' },
  { pattern: 'straight away', tag: 'urgency', replacement: 'at your earliest convenience' },
  { pattern: 'straightaway', tag: 'urgency', replacement: 'at your earliest convenience' },
  { pattern: 'at once', tag: 'urgency', replacement: 'at your earliest convenience' },
  { pattern: 'urgent|urgently|urgency', tag: 'urgency' },
  { pattern: 'time-critical|time-sensitive', tag: 'urgency' },
  { pattern: 'time critical|sensitive', tag: 'urgency' },
  { pattern: 'hurry', tag: 'urgency' },
  { pattern: 'rush', tag: 'urgency' },
  { pattern: 'without fail', tag: 'deadline' },
  { pattern: '[by|before] [the] end of [the] day|business', tag: 'deadline' },
  { pattern: '[by|before] [the] close of business|play', tag: 'deadline' },
  { pattern: '[by|before] eod|cob|eob|e.o.d', tag: 'deadline' },
  { pattern: 'no later than', tag: 'deadline' },
  { pattern: 'at the [very] latest', tag: 'deadline' },
  { pattern: 'hard|firm|strict|final deadline', tag: 'deadline' },
  { pattern: 'the deadline is', tag: 'deadline' },
  { pattern: 'within the hour', tag: 'deadline' },
  { pattern: 'within (24|48|twenty-four|forty-eight) hours', tag: 'deadline' },
  { pattern: 'will not be available after|beyond', tag: 'ultimatum' },
  { pattern: 'offer expires|ends', tag: 'ultimatum' },
  { pattern: 'final|last offer', tag: 'ultimatum' },
  { pattern: 'best and final [offer]', tag: 'ultimatum' },
  { pattern: 'last and best [offer]', tag: 'ultimatum' },
  { pattern: 'take it or leave it', tag: 'ultimatum' },
  { pattern: 'non-negotiable|nonnegotiable', tag: 'ultimatum' },
  { pattern: 'not negotiable|up for negotiation', tag: 'ultimatum' },
  { pattern: 'no room for negotiation|discussion', tag: 'ultimatum' },
  { pattern: 'now or never', tag: 'ultimatum' },
  { pattern: 'last chance', tag: 'ultimatum' },
  { pattern: 'act now', tag: 'ultimatum' },
  { pattern: 'no exceptions', tag: 'ultimatum' },
  { pattern: "or (we|i) will|shall|must", tag: 'ultimatum' },
  { pattern: 'or else', tag: 'ultimatum' },
  { pattern: 'by|before tomorrow [morning|noon]', tag: 'deadline' },
  { pattern: 'by|before tonight', tag: 'deadline' },
  { pattern: '至急', tag: 'urgency' },
  { pattern: '大至急', tag: 'urgency' },
  { pattern: '本日中', tag: 'deadline' },
]);

/** Same-day time words: "we need your answer today" is pressure, "the event is today" is not. */
const SAME_DAY = new Set(['today', 'tonight', 'now']);
const SAME_DAY_PAIRS = new Set(['this morning', 'this afternoon', 'this evening', 'first thing']);
/** Words that make the writer demand something ("we need", "I must have", "we require"). */
const DEMAND = new Set(['need', 'needs', 'must', 'require', 'requires', 'expect', 'want', 'insist']);
/** Words after "immediately" that make it a time or place ("immediately after the meeting"). */
const POSITIONAL = new Set(['after', 'before', 'following', 'upon', 'on', 'next', 'adjacent', 'behind', 'afterwards', 'preceding', 'below', 'above']);
/** Words that aim a sentence at the reader: urgency pushes only someone it is aimed at. */
const READER = new Set(['you', 'your', "you're", "you'll", "you've", 'please', 'pls', 'plz', 'kindly', 'u', 'ur']);
/** "Takes effect immediately", "available right away": urgency that describes, not pushes. */
const DESCRIBED_BEFORE = new Set(['effect', 'effective', 'available', 'applies', 'apply', 'began', 'begin', 'begins', 'started', 'starts', 'start', 'stopped', 'resigned', 'ended', 'changed']);
/** "an urgent request", "this is urgent": the word that makes "urgent" a push rather than a name ("urgency statute", "urgent care"). */
const URGENT_PUSH_AFTER = new Set(['request', 'matter', 'attention', 'reply', 'response', 'action', 'issue', 'need', 'question', 'favor', 'favour', '!']);
const URGENT_PUSH_BEFORE = new Set(['is', 'are', "it's", 'very', 'extremely', 'most', 'really', 'quite', 'so']);
/** Before "at once", words that make it "all together" ("all the rows at once"). */
const WHOLE = new Set(['all', 'both', 'every', 'everything', 'everyone', 'whole', 'entire', 'single', 'several', 'many', 'multiple', 'two', 'three']);
const NOT_PRESSURE_BEFORE = new Set(['not', 'no', "isn't", "aren't", "wasn't", "don't", "doesn't", 'never', 'without']);

const commandStarts = new WeakMap<Sentence, number>();

/**
 * Where the first command of the sentence starts (its first word, or the first word after a
 * comma or semicolon, when that word is a base-form verb: "Hey guys, send me…"), or Infinity.
 * "Take effect immediately" is what a rule does, not a command.
 */
function firstCommandStart(s: Sentence, words: readonly Token[]): number {
  const hit = commandStarts.get(s);
  if (hit !== undefined) return hit;
  const opensCommand = (k: number): boolean => {
    const w = words[k];
    if (!w || !/^[a-z]+$/.test(w.norm) || WRITER_SUBJECTS.has(w.norm)) return false;
    if (w.norm === 'take' && words[k + 1]?.norm === 'effect') return false;
    return isInfinitiveVerb(w.norm) && words.length - k > 2;
  };
  let found = Infinity;
  if (words[0] && /^\p{Lu}/u.test(words[0].text) && opensCommand(0)) found = words[0].start;
  else {
    let k = 0;
    for (const t of s.tokens) {
      if (t.text !== ',' && t.text !== ';') continue;
      while (k < words.length && words[k]!.start <= t.start) k++;
      if (k < words.length && opensCommand(k)) {
        found = words[k]!.start;
        break;
      }
    }
  }
  commandStarts.set(s, found);
  return found;
}

/**
 * Whether an urgency word is aimed at the reader: the sentence speaks to them (you, your,
 * please), demands something (we need, must), or opens with a command ("Reply right away").
 * "Takes effect immediately" and "my fund has 12% right now" describe; they push nobody.
 */
function aimedAtReader(s: Sentence, at: number): boolean {
  // Indexed per sentence (src/engine/scan.ts): a scan of the sentence per match was quadratic.
  const words = sentenceWords(s);
  if (nextWordWhere(s, 'ja/pressure:reader', (t) => READER.has(t.norm))) return true;
  // "We need it immediately" presses; "I still need to enter it right now" is the writer's own task.
  const demand = nextWordWhere(s, 'ja/pressure:demand-not-to', (t, k, w) => DEMAND.has(t.norm) && w[k + 1]?.norm !== 'to');
  if (demand && demand.end <= at) return true;
  // A command opening the sentence or a clause before the urgency word: "Send it ASAP",
  // "Hey guys, send me the report ASAP". Found once per sentence, so many matches stay linear.
  return firstCommandStart(s, words) < at;
}

/**
 * Whether an urgency word describes the writer's own promptness ("We will fix it immediately")
 * rather than pushing the recipient: a first-person subject before it in the sentence, unless the
 * writer is demanding ("we need it immediately").
 */
function isWritersOwnSpeed(s: Sentence, at: number): boolean {
  const demand = nextWordWhere(s, 'ja/pressure:demand', (t) => DEMAND.has(t.norm));
  if (demand && demand.end <= at) return false;
  // The subject is the first pronoun of the sentence: "I'll get back to you right away" is the
  // writer's promise even though "you" follows.
  const subject = nextWordWhere(s, 'ja/pressure:pronoun', (t) => WRITER_SUBJECTS.has(t.norm) || t.norm === 'you' || t.norm === 'your');
  if (subject && subject.end <= at) return WRITER_SUBJECTS.has(subject.norm);
  // "Right now we are finalizing the quote": the adverb opens a clause whose subject is the writer.
  const after = nextWordWhere(s, 'ja/pressure:after', (t) => !/^(?:right|now|immediately|away|asap|urgently)$/.test(t.norm), at);
  return !!after && WRITER_SUBJECTS.has(after.norm);
}

/** Commands that invite rather than demand. */
const INVITING_VERBS = new Set(['come', 'stop', 'drop', 'join', 'enjoy', 'have', 'swing', 'pop', 'feel', 'relax', 'rest', 'take']);

/**
 * "Update your data today", "Call me tonight": a bare command with a same-day time limit pushes
 * the reader as "we need it today" does. The span runs from the command's verb to the time word.
 */
function findSameDayCommands(doc: RuleDoc, taken: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const r of bareImperatives(doc)) {
    const s = doc.sentenceAt(r.start!);
    if (!s) continue;
    // "Come by anytime today", "Join us tonight": an invitation leaves the time to the reader.
    const verb = s.tokens.find((t) => t.start === r.start)?.norm ?? '';
    if (INVITING_VERBS.has(verb) || s.tokens.some((t, k) => t.norm === 'anytime' || t.norm === 'whenever' || (t.norm === 'any' && s.tokens[k + 1]?.norm === 'time'))) continue;
    for (let i = 0; i < s.tokens.length; i++) {
      const t = s.tokens[i]!;
      if (t.start < r.start!) continue;
      // "…, and I will send mine tonight": the writer's own timing.
      if (WRITER_SUBJECTS.has(t.norm)) break;
      const pair = `${t.norm} ${s.tokens[i + 1]?.norm ?? ''}`;
      if (t.norm !== 'today' && t.norm !== 'tonight' && !SAME_DAY_PAIRS.has(pair)) continue;
      const end = SAME_DAY_PAIRS.has(pair) ? s.tokens[i + 1]!.end : t.end;
      if (!taken.some((m) => m.start < end && m.end > r.start!)) out.push({ start: r.start!, end });
      break;
    }
  }
  return out;
}

/** "We need the signed copy back today": a demand word followed by a same-day time word. */
function findSameDayDemands(doc: RuleDoc, taken: readonly PhraseMatch[]): Array<{ start: number; end: number }> {
  // Sentence-local: cached per paragraph, so an edit re-reads only the edited paragraph. What a
  // phrase match already took is left out afterwards (it does not change what a sentence holds).
  return doc
    .reportsPerParagraph('ja/pressure:same-day-demands', (p) => sameDayDemandsIn(p.sentences))
    .filter((d) => !taken.some((m) => m.start < d.end && m.end > d.start));
}

/** Each sentence's demand word to its first same-day time word, in order. */
function sameDayDemandsIn(sentences: readonly Sentence[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of sentences) {
    const toks = s.tokens;
    const d = toks.findIndex((t, i) => DEMAND.has(t.norm) && toks[i + 1]?.norm !== 'to');
    if (d === -1) continue;
    // "whatever you want": the reader's wish, not the writer's demand.
    if (toks.slice(Math.max(0, d - 3), d).some((t) => t.norm === 'you' || t.norm === 'if')) continue;
    for (let i = d + 1; i < toks.length; i++) {
      // "…, and I will make the transaction this evening": the writer's own timing.
      if (WRITER_SUBJECTS.has(toks[i]!.norm) && /^(?:will|shall|can|'ll)$/.test(toks[i + 1]?.norm ?? '')) break;
      if (toks[i]!.norm === "i'll" || toks[i]!.norm === "we'll") break;
      const pair = `${toks[i]!.norm} ${toks[i + 1]?.norm ?? ''}`;
      if (SAME_DAY.has(toks[i]!.norm) || SAME_DAY_PAIRS.has(pair)) {
        const end = SAME_DAY_PAIRS.has(pair) ? toks[i + 1]!.end : toks[i]!.end;
        out.push({ start: toks[d]!.start, end });
        break;
      }
    }
  }
  return out;
}

const english = defineRule({
  id: 'ja/pressure',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'Urgency, deadlines pressed on the partner, and ultimatums.',
    ja: '相手を急かす表現、押しつけの期限、最後通告。',
  },
  messages: {
    default: {
      en: 'Pressure: "{phrase}" pushes your partner.',
      ja: '「{phrase}」は相手を急かす表現です。',
    },
    ultimatum: {
      en: 'Ultimatum: "{phrase}" leaves your partner no room.',
      ja: '「{phrase}」は最後通告のように響き、相手に余地を残しません。',
    },
  },
  rationales: {
    default: {
      en: 'Japanese partners decide carefully and by consensus; urgency words and ultimatums read as disrespect for that process and can stall the relationship instead of speeding it up.',
      ja: '日本の取引先は合意を重ねて慎重に判断します。急かす言葉や最後通告はその過程を軽んじていると受け取られ、かえって関係を停滞させます。',
    },
  },
  advice: {
    en: 'State the date and the reason, and leave room: "Would it be possible to reply by Friday, as our board meets on Monday?"',
    ja: '日付と理由を示し、相手に余地を残しましょう。例: "Would it be possible to reply by Friday, as our board meets on Monday?"',
  },
  // Each finding is its sentence's own (and the Japanese wording's, its paragraph's): a long
  // draft's slices keep them window by window (src/engine/sliced.ts).
  scope: 'sentence',
  check(doc) {
    const reports = [];
    const matches = doc.match(PRESSURE_PHRASES).filter((m) => {
      const s = doc.sentenceAt(m.start);
      if (!s) return false;
      const i = tokenIndexAt(s.tokens, m.start);
      const prev = s.tokens[i - 1]?.norm ?? '';
      if (NOT_PRESSURE_BEFORE.has(prev)) return false;
      // "We will produce the summary today or Tuesday at the latest": the writer's own timing.
      // "If I don't hear from you by tomorrow, …" still presses: the condition is on the reader.
      if (m.entry.tag === 'deadline') {
        const condition = nextWordWhere(s, 'ja/pressure:condition', (t) => t.norm === 'if' || t.norm === 'unless');
        return !isWritersOwnSpeed(s, m.start) || (!!condition && condition.end <= m.start);
      }
      const next = s.tokens[i + (m.tokenEnd - m.tokenStart)]?.norm ?? '';
      // "…, or else your queue keeps growing" explains a consequence; "or else we will cancel" and
      // a bare "or else!" threaten.
      if (m.entry.pattern === 'or else') return next === '' || WRITER_SUBJECTS.has(next) || !s.tokens[i + 2]!.isWord;
      if (m.entry.tag !== 'urgency') return true;
      // "Look at all the members at once", "load the whole input at once": all together, not now.
      if (m.entry.pattern === 'at once') {
        const whole = nextWordWhere(s, 'ja/pressure:whole', (t) => WHOLE.has(t.norm));
        if (s.isQuestion || (whole && whole.end <= m.start)) return false;
      }
      if (DESCRIBED_BEFORE.has(prev)) return false;
      const word = doc.body.slice(m.start, m.end).toLowerCase();
      // "This is time-critical", "it's urgent": a predicate that presses the request itself.
      if (URGENT_PUSH_BEFORE.has(prev) && !/^(?:now|right|immediately|away)/.test(word)) {
        // kept
      } else if (word.startsWith('urgen')) {
        // "urgent care", "an urgency statute": a name unless it presses ("this is urgent", "an urgent request").
        if (!URGENT_PUSH_AFTER.has(next) && !aimedAtReader(s, m.start)) return false;
      } else if (!aimedAtReader(s, m.start)) return false;
      if (/^immediately$/i.test(doc.body.slice(m.start, m.end)) && POSITIONAL.has(next)) return false;
      // "right now we are..." and "for now" describe the present, not a demand.
      if (doc.body.slice(m.start, m.end).toLowerCase() === 'now' || prev === 'for' || prev === 'until') return false;
      return !isWritersOwnSpeed(s, m.start);
    });
    for (const m of matches) {
      const phrase = doc.body.slice(m.start, m.end);
      reports.push({
        start: m.start,
        end: m.end,
        messageId: m.entry.tag === 'ultimatum' ? 'ultimatum' : 'default',
        data: { phrase },
        suggestion: m.entry.replacement
          ? {
              text: {
                en: 'Ask softly, and give the date and the reason if there is one: "at your earliest convenience".',
                ja: '柔らかく依頼し、必要なら日付と理由を添えましょう（"at your earliest convenience"）。',
              },
              replacement: m.entry.replacement,
            }
          : {
              text: {
                en: 'State the date and the reason, and leave room: "Would it be possible to reply by Friday, as our board meets on Monday?"',
                ja: '日付と理由を示し、余地を残しましょう。例: "Would it be possible to reply by Friday, as our board meets on Monday?"',
              },
            },
      });
    }
    const demands = findSameDayDemands(doc, matches);
    for (const d of [...demands, ...findSameDayCommands(doc, [...matches, ...demands])]) {
      reports.push({ start: d.start, end: d.end, data: { phrase: doc.body.slice(d.start, d.end) } });
    }
    return reports.sort((a, b) => a.start - b.start);
  },
  examples: {
    fire: [
      { text: 'Hey guys, send me the report ASAP!!', excerpt: 'ASAP' },
      { text: 'Please send it ASAP.', excerpt: 'ASAP', output: 'Please send it at your earliest convenience.' },
      { text: 'We need an answer today.', excerpt: 'need an answer today' },
      { text: 'Send the signed forms back to me today.', excerpt: 'Send the signed forms back to me today' },
      { text: 'Reply by end of day.', excerpt: 'by end of day' },
      { text: 'This is our final offer; take it or leave it.', excerpt: 'final offer' },
      { text: 'The price is non-negotiable.', excerpt: 'non-negotiable' },
      { text: 'Please confirm the booking immediately.', excerpt: 'immediately' },
      { text: 'The samples must arrive no later than June 2.', excerpt: 'no later than' },
      { text: 'This is time-critical on our end.', excerpt: 'time-critical' },
      { text: 'The discount will not be available after that date.', excerpt: 'will not be available after' },
      { text: 'Send us the signed form by tomorrow at noon or we will release the stock.', excerpt: 'by tomorrow' },
      { text: 'Confirm the order, or we will give the slot to another customer.', excerpt: 'or we will' },
    ],
    pass: [
      { text: 'Come by the booth anytime today.' },
      { text: 'We will send the summary by Tuesday at the latest.' },
      { text: 'The new rule takes effect immediately under the urgency statute.' },
      { text: 'When the parts arrive, we install them right away.' },
      { text: 'My fund holds 12% right now; should I raise it?' },
      { text: 'That item is at the top of my list right now.' },
      { text: 'Send whatever you want, and I will make the transfer this evening.' },
      { text: 'Could you reply at your earliest convenience?' },
      { text: 'The event is on May 3, at the Osaka office.' },
      { text: 'We will ship the replacement immediately.' },
      { text: 'I will call you right after the meeting.' },
      { text: 'We will send the minutes immediately after the meeting.' },
      { text: 'Would it be possible to reply by Friday, as our board meets on Monday?' },
      { text: 'For now, the schedule is unchanged.' },
      { text: 'The factory tour is today at 3 pm.' },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/pressure.ts) runs instead.
export default withJapanese(english, pressureJa);
