import { firstTokenFrom, defineRule, definePhrases, type PhraseMatch, type PhraseEntry, type RuleDoc, type Sentence, type Token, FIRST_PERSON } from '../../src/engine';
import { withJapanese } from './japanese/extend';
import { missingApologyJa } from './japanese/missing-apology';

/**
 * Apologies are a class: every form of sorry / apologize / apology / regret / forgive, in English
 * and Japanese. Sympathy ("sorry to hear") is not an apology for one's own problem, so it is
 * listed with the tag `sympathy` (the longer match wins) and ignored.
 */
export const APOLOGY_PHRASES = definePhrases([
  'sorry|sorrier',
  'apologize|apologise|apologizes|apologises|apologized|apologised|apologizing|apologising',
  'apology|apologies',
  'regret|regrets|regretted|regretfully|regrettably',
  'forgive|forgiveness',
  'pardon [us|me] for',
  'excuse us|me for',
  'my bad',
  'mea culpa',
  '申し訳',
  'お詫び',
  'おわび',
  '詫び',
  'すみません',
  'すいません',
  'ごめんなさい',
  '失礼いたしました',
  '失礼しました',
  { pattern: 'sorry to hear|learn|read|see', tag: 'sympathy' },
  { pattern: 'sorry for your loss', tag: 'sympathy' },
  { pattern: "[i|we] don't|never regret", tag: 'sympathy' },
]);

/**
 * Words that report a problem. Each is a member of a class the writer's side can cause for the
 * partner: delays, mistakes, wrong or damaged goods, missed deadlines, outages, bugs, things
 * forgotten or impossible, postponements and cancellations. Negated and hypothetical uses, and
 * problems the recipient caused, are filtered in `findProblems`.
 */
export const PROBLEM_PHRASES = definePhrases([
  'delay|delays|delayed|delaying',
  'behind schedule',
  'late',
  'overdue',
  'pushed back|out',
  'slipped',
  'postpone|postpones|postponed|postponing|postponement',
  'cancel|cancels|cancelled|canceled|cancelling|canceling|cancellation',
  'mistake|mistakes|mistaken|mistakenly',
  'accidentally|inadvertently|unintentionally',
  'by mistake',
  'in error',
  'error|errors|erroneous|erroneously',
  'incorrect|incorrectly|inaccurate|wrong|wrongly',
  'mislabeled|mislabelled|misprinted|miscalculated|miscounted|misrouted|misplaced|misread',
  'mix-up|mixup',
  'mixed up',
  'typo|typos|oversight',
  'damage|damaged',
  'defect|defects|defective|faulty|broken|cracked|dented|contaminated',
  'missed|miss [the|our|this|its|their] [*] deadline|deadlines|date|window|cutoff|cut-off|shipment|delivery|milestone|vessel|flight|sailing|train|truck|pickup|connection|slot|booking',
  'later|longer than planned|expected|scheduled|promised|agreed|originally|initially|anticipated|quoted|committed|our|we',
  'outage|outages|downtime|disruption',
  '(system|systems|server|servers|service|site|website|portal|platform|network|app|api|line|database|machine|machines|equipment|press|tool|robot|furnace|scanner|email|phones|internet|connection|vpn|plant|factory) (went|was|were|is|are|been) down',
  'crash|crashed|crashes',
  'bug|bugs|glitch|glitches|malfunction|malfunctioned|malfunctioning',
  'failure|failures',
  'forgot|forgotten|neglected',
  'overlooked',
  'unable to',
  'not able to',
  "wasn't|weren't able to",
  "not be able to",
  "(couldn't|cannot|can't|didn't|won't|not) (meet|make|hit) [*] [*] deadline|deadlines|date|schedule",
  'shortage|shortfall|short-shipped|shortshipped',
  'out of stock',
  'overcharged|double-charged|overbilled',
  'leak|leaked|breach',
  'incident',
  // The writer's own numbers or work gone wrong, in words that carry no problem noun.
  "(i|we) (did not|didn't) * [*] correctly|properly|right",
  'was|were off by',
  '(was|were|got|been|went) lost|misplaced|missing',
  'fell through the cracks',
  'lost in the shuffle',
  'catching up on|with [*] [old|older|past] emails|email|e-mails|mail|messages',
  { pattern: '(we|i) (have|had|found|discovered|encountered|experienced|identified|noticed|hit) [*] [*] problem|problems|issue|issues', tag: 'issue' },
  { pattern: '(we|i) ran into [*] [*] problem|problems|issue|issues|trouble', tag: 'issue' },
  { pattern: '(we|i) (are|were) having [*] problem|problems|issue|issues|trouble', tag: 'issue' },
  { pattern: '(there|this) (is|was|has been) [a|an] [*] [*] problem|issue', tag: 'issue' },
]);

/** Tokens that, shortly before a problem word, mean no problem is being reported. */
const NEGATORS = new Set([
  'no', 'not', "n't", 'without', 'never', 'zero', 'avoid', 'avoiding', 'prevent', 'preventing', 'free',
  'minimize', 'minimise', 'reduce', 'eliminate', 'any', 'nor', 'none', 'neither', 'against',
]);
/** Hypotheticals: a problem that might happen, not one that did. */
const HYPOTHETICAL = new Set(['if', 'unless', 'whether', 'case', 'event', 'should', 'risk', 'chance', 'possible', 'potential', 'ensure']);
/** Words after "late" that make it a time reference ("late May", "late afternoon"). */
const TIME_AFTER_LATE = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'morning', 'afternoon', 'evening', 'night', 'spring', 'summer', 'autumn', 'fall', 'winter', 'q1', 'q2',
  'q3', 'q4', 'next', 'this', 'last', '1990s', 'stage', 'stages', 'reply', 'response', 'notice',
]);
/** The recipient as the agent: "you missed", "your team made a mistake", "an error in your invoice". */
const RECIPIENT_AGENT_VERBS = new Set([
  'made', 'make', 'missed', 'forgot', 'sent', 'entered', 'used', 'submitted', 'paid', 'were', 'are', 'was', 'did',
  "didn't", 'failed', 'gave', 'provided', 'typed', 'filled', 'ordered', 'specified', 'had', 'have', 'cancelled',
  'canceled', 'postponed', 'delayed', 'asked', 'requested', 'changed', 'can', 'could', 'may', 'might', 'need',
  'want', 'wish', 'decide', 'decided', 'choose', 'chose',
]);
const RECIPIENT_THINGS = new Set([
  'team', 'side', 'company', 'staff', 'colleague', 'colleagues', 'engineers', 'department', 'office', 'payment',
  'payments', 'invoice', 'invoices', 'file', 'files', 'spreadsheet', 'data', 'drawing', 'drawings', 'specification',
  'specifications', 'spec', 'specs', 'forecast', 'figures', 'numbers', 'po', 'end', 'system', 'network', 'firewall',
  'server', 'bank', 'remittance', 'transfer', 'form', 'entry', 'request', 'calculation', 'records', 'accounting',
  'area', 'region', 'city', 'town', 'prefecture', 'country', 'home', 'family', 'neighborhood', 'neighbourhood',
]);
const HEDGES = new Set(['seems', 'seem', 'appears', 'appear', 'apparently']);

/** Index of the token at `offset` within `tokens`. */

/**
 * Whether the problem at tokens[i] belongs to the recipient: "you" or "your <team|invoice|...>"
 * acts on it (before it in the sentence, with no first-person word in between), or it sits
 * "in/on/from your <invoice|file|...>".
 */
function isRecipientSide(tokens: readonly Token[], i: number, end: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    const w = tokens[k]!.norm;
    // A clause boundary or a first-person word ends the recipient's part ("As you know, we...").
    if (FIRST_PERSON.has(w) || w === ',' || w === ';' || w === ':') break;
    if (w === 'you' && (RECIPIENT_AGENT_VERBS.has(tokens[k + 1]?.norm ?? '') || k + 1 === i)) return true;
    if (w === 'your' && RECIPIENT_THINGS.has(tokens[k + 1]?.norm ?? '')) return true;
    // "There seems to be a mix-up": a writer hedges about the partner's error, never about its own.
    if (HEDGES.has(w)) return true;
  }
  for (let k = end; k < tokens.length && k < end + 4; k++) {
    if (tokens[k]!.norm === 'your' && RECIPIENT_THINGS.has(tokens[k + 1]?.norm ?? '')) return true;
    if (tokens[k]!.norm === 'you' && tokens[k - 1]?.norm === 'by') return true;
  }
  // "... in the confirmation you sent".
  for (let k = end; k < tokens.length && k < end + 7; k++) {
    if (FIRST_PERSON.has(tokens[k]!.norm)) break;
    if (tokens[k]!.norm === 'you' && RECIPIENT_AGENT_VERBS.has(tokens[k + 1]?.norm ?? '')) return true;
  }
  return false;
}

/** Whether the words just before the problem negate it or make it hypothetical. */
function isNegatedOrHypothetical(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const t = tokens[k]!;
    if (NEGATORS.has(t.norm) || t.norm.endsWith("n't")) return true;
    if (!t.isWord && t.norm !== '-' && t.norm !== "'") break;
  }
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    if (HYPOTHETICAL.has(tokens[k]!.norm)) return true;
    if (!tokens[k]!.isWord && [',', ';', ':'].includes(tokens[k]!.norm)) break;
  }
  return false;
}

/**
 * Things a writer delivers to a partner: a problem with one of them is the writer's even when the
 * sentence names no "we" ("The shipment will be delayed", "The release slipped").
 */
const DELIVERABLES = new Set([
  'shipment', 'shipments', 'delivery', 'deliveries', 'order', 'orders', 'parts', 'goods', 'product', 'products',
  'release', 'launch', 'payment', 'invoice', 'report', 'quote', 'quotation', 'samples', 'sample', 'package',
  'parcel', 'cargo', 'container', 'containers', 'build', 'update', 'patch', 'version', 'system', 'service',
  'server', 'servers', 'site', 'website', 'portal', 'platform', 'app', 'api', 'network', 'database', 'line',
  'production', 'project', 'schedule', 'meeting', 'call', 'visit', 'reply', 'response', 'answer', 'documents',
  'contract', 'draft', 'confirm', 'confirmation', 'statement', 'books', 'numbers', 'figures', 'data', 'file',
  'files', 'units', 'batch', 'lot', 'order', 'items', 'item', 'materials', 'equipment', 'machine', 'outage',
  'downtime', 'email', 'mail', 'papers', 'paperwork', 'originals', 'seminar', 'event', 'webinar', 'conference',
  'workshop', 'session', 'training', 'tour', 'course', 'class', 'demo', 'presentation', 'boxes', 'cartons', 'pallets',
  // Goods on their way to the partner: "two housings arrived damaged", "the bolts you received".
  'arrived', 'received', 'shipped', 'delivered', 'installed', 'sent',
]);
/** Prepositions that make "issue"/"problem" a topic ("the issue of", "what I found on the issue"). */
const TOPIC_PREPOSITIONS = new Set(['on', 'of', 'about', 'regarding', 're', 'concerning', 'with', 'for', 'to', 'into']);
/** Object pronouns after "bug": the verb "to bother" ("bug you about it"). */
const OBJECT_PRONOUNS = new Set(['you', 'me', 'him', 'her', 'them', 'us', 'everyone', 'people']);

/**
 * Whether the sentence ties the problem to the writer: a first-person word in the sentence, or a
 * deliverable the writer owes ("the shipment", "the release"). News, other people's troubles and
 * quotations of a third party ("the court found the order defective") name neither.
 */
function tiedToWriter(tokens: readonly Token[]): boolean {
  // Read once per sentence's token array: a scan per problem word was quadratic in one long sentence.
  let v = tiedCache.get(tokens);
  if (v === undefined) {
    v = tokens.some((t) => FIRST_PERSON.has(t.norm) || DELIVERABLES.has(t.norm));
    tiedCache.set(tokens, v);
  }
  return v;
}
const tiedCache = new WeakMap<readonly Token[], boolean>();

/** "Sorry to hear" in the sentence: looked up once per sentence, not once per problem word. */
function hasSympathy(doc: RuleDoc, sentence: Sentence): boolean {
  let v = sympathyCache.get(sentence);
  if (v === undefined) {
    v = doc.matchSentence(APOLOGY_PHRASES, sentence).some((a) => a.entry.tag === 'sympathy');
    sympathyCache.set(sentence, v);
  }
  return v;
}
const sympathyCache = new WeakMap<Sentence, boolean>();

/** Possessives that give a problem to someone else: "their failure to make an offer". */
const THIRD_PARTY_POSSESSIVES = new Set(['their', 'his', 'her']);
/** Words before "'s" that own nothing ("yesterday's outage", "it's late", "Monday's delay"). */
const NOT_AN_OWNER = new Set([
  'it', 'that', 'there', 'what', 'here', 'who', 'where', 'let', 'today', 'yesterday', 'tonight', 'tomorrow', 'week', 'weekend',
  'month', 'year', 'quarter', 'morning', 'night', 'evening', 'afternoon', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'company', 'team', 'project', 'system', 'site', 'server', 'factory', 'plant', 'warehouse',
]);
/** Verbs that report someone else's finding or claim: "the court held that the order was defective". */
const REPORTING_VERBS = new Set(['found', 'held', 'ruled', 'said', 'says', 'claimed', 'claims', 'alleged', 'alleges', 'reported', 'concluded', 'determined', 'argued', 'argues', 'stated', 'states', 'decided']);

/**
 * Whether the problem at tokens[i] is a third party's: owned by one ("their failure", "the
 * vendor's mistake", unless it is "our vendor's") or reported as another's finding or claim ("the
 * court held that the order was defective"), with no first-person word between.
 */
function isThirdPartys(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (before && THIRD_PARTY_POSSESSIVES.has(before.norm)) return true;
  if (before && before.norm.endsWith("'s") && !NOT_AN_OWNER.has(before.norm.slice(0, -2))) {
    const owner = tokens[i - 2]?.norm ?? '';
    if (!FIRST_PERSON.has(owner)) return true;
  }
  // Bounded look-back, so many problem words in one long sentence stay linear.
  for (let k = i - 1; k >= 1 && k >= i - 40; k--) {
    const w = tokens[k]!.norm;
    if (FIRST_PERSON.has(w)) return false;
    if (REPORTING_VERBS.has(w) && tokens[k + 1]?.norm === 'that') return !FIRST_PERSON.has(tokens[k - 1]!.norm);
  }
  return false;
}

/** Whether a problem phrase in this sentence is a problem on the writer's side. */
function isProblemOnWritersSide(doc: RuleDoc, sentence: Sentence, m: PhraseMatch<PhraseEntry>): boolean {
  const tokens = sentence.tokens;
  const i = firstTokenFrom(tokens, m.start);
  const end = firstTokenFrom(tokens, m.end);
  const first = tokens[i]?.norm ?? '';
  // "Late in the afternoon", "late at night": a time, not a delay.
  if (first === 'late' && (tokens[end]?.norm === 'in' || tokens[end]?.norm === 'at') && (TIME_AFTER_LATE.has(tokens[end + 1]?.norm ?? '') || TIME_AFTER_LATE.has(tokens[end + 2]?.norm ?? '') || tokens[end + 1]?.norm === 'the')) return false;
  if (first === 'bug' && OBJECT_PRONOUNS.has(tokens[end]?.norm ?? '')) return false;
  // "Forgot your password?": the reader's trouble.
  if (tokens[end]?.norm === 'your') return false;
  if (m.entry.tag === 'issue' && tokens.slice(i, end).some((t, k) => k > 0 && TOPIC_PREPOSITIONS.has(t.norm))) return false;
  if (!tiedToWriter(tokens)) return false;
  if (isThirdPartys(tokens, i)) return false;
  if (first === 'late' && TIME_AFTER_LATE.has(tokens[end]?.norm ?? '')) return false;
  // "the late Mr. Sato": a proper name follows.
  if (first === 'late' && /^\p{Lu}/u.test(tokens[end]?.text ?? '')) return false;
  // "Sorry to hear about the typhoon damage": sympathy is about the partner's problem.
  if (hasSympathy(doc, sentence)) return false;
  // "Late" as a name part or "later": only the adjective counts, and "too late to join" is not a problem.
  if (first === 'late' && tokens[i - 1]?.norm === 'too') return false;
  if (isNegatedOrHypothetical(tokens, i)) return false;
  // "We have no problem with..." : the wildcard of an `issue` pattern swallowed the negation.
  if (m.entry.tag === 'issue' && tokens.slice(i, end).some((t) => NEGATORS.has(t.norm))) return false;
  return !isRecipientSide(tokens, i, end);
}

const problemCache = new WeakMap<RuleDoc, PhraseMatch<PhraseEntry>[]>();

/** Every problem on the writer's side that the draft reports (negated, hypothetical and recipient-side uses removed). */
export function findProblems(doc: RuleDoc): PhraseMatch<PhraseEntry>[] {
  const hit = problemCache.get(doc);
  if (hit) return hit;
  // Sentence-local: cached per paragraph, so an edit re-reads only the edited paragraph.
  const out = doc.reportsPerParagraph('ja/missing-apology:problems', (p) => {
    const found: PhraseMatch<PhraseEntry>[] = [];
    for (const sentence of p.sentences) {
      for (const m of doc.matchSentence(PROBLEM_PHRASES, sentence)) {
        if (isProblemOnWritersSide(doc, sentence, m)) found.push(m);
      }
    }
    return found;
  });
  problemCache.set(doc, out);
  return out;
}

/** The draft reports a problem on the writer's side (delay, mistake, outage, postponement...). */
export function reportsProblem(doc: RuleDoc): boolean {
  return findProblems(doc).length > 0;
}

/** Every apology in the draft (sympathy such as "sorry to hear" excluded). */
export function findApologies(doc: RuleDoc): PhraseMatch<PhraseEntry>[] {
  return doc.match(APOLOGY_PHRASES).filter((m) => m.entry.tag !== 'sympathy');
}

/** The draft apologizes somewhere: sorry, apologize, apologies, regret, please forgive, 申し訳... */
export function hasApology(doc: RuleDoc): boolean {
  return doc.has(APOLOGY_PHRASES) && findApologies(doc).length > 0;
}

const english = defineRule({
  id: 'ja/missing-apology',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'A problem on your side is reported without an apology.',
    ja: 'こちら側の問題を伝えているのに、お詫びの言葉がありません。',
  },
  messages: {
    default: {
      en: 'This reports a problem ("{phrase}") but the email never apologizes.',
      ja: '問題（「{phrase}」）を伝えていますが、メールのどこにもお詫びがありません。',
    },
  },
  rationales: {
    default: {
      en: 'In Japan, a problem is first met with a sincere apology, even when the cause was outside your control; reporting it without one reads as not owning it, which damages trust.',
      ja: '日本では、原因がこちらの手の及ばないものであっても、まず誠実にお詫びするのが基本です。お詫びなしに問題だけを伝えると、責任を引き受けていないと受け取られ、信頼を損ないます。',
    },
  },
  advice: {
    en: 'Open with a sincere apology, then explain what happened and what you will do: "We sincerely apologize for the delay. We will ship on May 10 and have added a check to prevent this."',
    ja: 'まず誠実にお詫びし、その後で経緯と対応を伝えましょう。例: "We sincerely apologize for the delay. We will ship on May 10 and have added a check to prevent this."',
  },
  check(doc) {
    const problems = findProblems(doc);
    if (problems.length === 0 || hasApology(doc)) return [];
    const first = problems[0]!;
    return [
      {
        start: first.start,
        end: first.end,
        data: { phrase: doc.body.slice(first.start, first.end) },
        suggestion: {
          text: {
            // The trigger ("unable to", "delayed") is not a noun phrase, so it is quoted, never
            // spliced into a sentence ("apologize for the unable to" read as broken English).
            en: 'Open with a sincere apology for this ("{phrase}"), for example "We sincerely apologize for the trouble this has caused you." Then say what you will do about it.',
            ja: 'この件（「{phrase}」）について、まず誠実にお詫びしましょう。例: "We sincerely apologize for the trouble this has caused you." その後で今後の対応を伝えます。',
          },
        },
      },
    ];
  },
  examples: {
    fire: [
      { text: 'The shipment is delayed by two weeks. The new date is May 10.', excerpt: 'delayed' },
      { text: 'We made a mistake in the invoice. A corrected copy is attached.', excerpt: 'mistake' },
      { text: 'We forgot to include the manual in the box. It will follow by courier.', excerpt: 'forgot' },
      { text: 'The typhoon closed the port, so the containers will be late.', excerpt: 'late' },
      { text: 'Our payroll service had an outage this morning between 9 and 11.', excerpt: 'outage' },
      { text: 'We were unable to finish the translation by Friday.', excerpt: 'unable to' },
      { text: 'The seminar on May 3 has been postponed to June.', excerpt: 'postponed' },
      { text: 'Some of the bolts you received were the wrong size.', excerpt: 'wrong' },
      { text: 'A bug in our release caused duplicate emails.', excerpt: 'bug' },
    ],
    pass: [
      { text: 'We apologize for the delay. The shipment will leave on May 10.' },
      { text: 'We will ship the order without delay.' },
      { text: 'We checked the file and no errors were found.' },
      { text: 'The new firmware is error-free in all our tests.' },
      { text: 'It seems there was a mistake in your invoice: the quantity should be 200.' },
      { text: 'Your payment was late this month; could you check with your bank?' },
      { text: 'Please let us know if you find any errors in the draft.' },
      { text: 'We are sorry to report that the parts are damaged.' },
      { text: 'The event is in late May, and we look forward to seeing you.' },
      { text: '出荷が遅れており、大変申し訳ございません。The shipment is delayed.' },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/missing-apology.ts) runs instead.
export default withJapanese(english, missingApologyJa);
