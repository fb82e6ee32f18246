import { defineRule, definePhrases, type RuleDoc, type RuleReport, type Sentence, type Token } from '../../src/engine';
import { hasApology, PROBLEM_PHRASES } from './missing-apology';
import { withJapanese } from './japanese/extend';
import { deflectingBlameJa } from './japanese/deflecting-blame';

/**
 * Ways of saying "not us": denials, control disclaimers, the agentless passive, blaming the
 * reader, and reminding the reader they were already told. Blaming a third party or one's own
 * subordinate is found by `findBlamedParties` (a party noun + an error verb), since the parties
 * are an open class.
 */
export const DEFLECTION_PHRASES = definePhrases([
  { pattern: 'not our|my fault', tag: 'denial' },
  { pattern: 'no fault of (ours|mine|our|my) [own]', tag: 'denial' },
  { pattern: 'not (on|from) our|my side|end|part', tag: 'denial' },
  { pattern: 'not something on|from our|my side|end|part', tag: 'denial' },
  { pattern: 'not on us|me', tag: 'denial' },
  { pattern: 'nothing to do with us|me|our', tag: 'denial' },
  { pattern: 'not our|my responsibility|problem|doing|concern', tag: 'denial' },
  { pattern: 'not from anything we|i did', tag: 'denial' },
  { pattern: 'not because of anything we|i did', tag: 'denial' },
  { pattern: 'not due to anything we|i did', tag: 'denial' },
  { pattern: 'nothing that we|i did', tag: 'denial' },
  { pattern: 'nothing we|i did|could', tag: 'denial' },
  { pattern: 'beyond|outside our|my control|hands', tag: 'denial' },
  { pattern: 'out of our|my control|hands', tag: 'denial' },
  { pattern: '(we|i) (are|am|were|was) not responsible|liable|accountable', tag: 'liability' },
  { pattern: '(we|i) (are|am|were|was) not to blame', tag: 'denial' },
  { pattern: '(we|i) (cannot|can\'t) be held responsible|liable|accountable', tag: 'liability' },
  { pattern: "don't blame us|me", tag: 'denial' },
  { pattern: 'is|are to blame', tag: 'denial' },
  { pattern: 'the blame|fault lies|rests with', tag: 'denial' },
  { pattern: ', not ours|mine', tag: 'denial' },
  { pattern: 'their|his|her fault|mistake|mistakes|error|errors|doing|responsibility', tag: 'third' },
  { pattern: 'mistakes|errors were made', tag: 'passive' },
  { pattern: 'a mistake was made', tag: 'passive' },
  { pattern: 'an error was made', tag: 'passive' },
  { pattern: 'your team|side|staff|people|company|colleagues|department|engineers|office failed|neglected|forgot to', tag: 'reader' },
  { pattern: "because|since you failed|forgot|neglected|didn't", tag: 'reader' },
  { pattern: "due to your [team's] delay|mistake|error|oversight|late", tag: 'reader' },
  { pattern: "because of your [team's] delay|mistake|error|oversight|late", tag: 'reader' },
  { pattern: 'you should have told|informed|notified|warned|asked us|me', tag: 'reader' },
  { pattern: 'as i said|stated [before|previously|earlier|already]', tag: 'reminder' },
  { pattern: 'as i told you [before|previously|earlier|already]', tag: 'reminder' },
  { pattern: 'as i have|had told you', tag: 'reminder' },
  { pattern: 'as i (have|had) (said|stated|explained|mentioned|noted|written) (several|many|multiple|numerous) times', tag: 'reminder' },
  { pattern: 'as i [have|had] already said|stated|explained|mentioned|noted|written', tag: 'reminder' },
  { pattern: 'as i [have|had] already told you|pointed out', tag: 'reminder' },
  { pattern: 'as i (have|had) (said|stated|explained|mentioned|noted|written) (before|previously|earlier|twice|repeatedly)', tag: 'reminder' },
  { pattern: 'as i explained|mentioned|noted|wrote (twice|repeatedly|already)', tag: 'reminder' },
  { pattern: 'i have already explained|said', tag: 'reminder' },
  { pattern: 'i have already told you', tag: 'reminder' },
  { pattern: 'for the second|third|last time', tag: 'reminder' },
  { pattern: 'as you should know|remember', tag: 'reminder' },
]);

/**
 * Ownership after an apology: with these, naming the cause is an explanation, not a deflection
 * (RULES.md: "We apologize; we mislabeled the boxes").
 */
export const OWNERSHIP_PHRASES = definePhrases([
  '(that|this|it) (is|was) our|my failure|responsibility|mistake|fault',
  'that|this|it is|was on us|me',
  'we|i take [full|complete] responsibility',
  'we|i accept [full|complete] responsibility',
  'we|i own this|it|that',
  'we|i own the mistake',
  'not an excuse',
  'is no excuse',
  'our|my own failure|mistake|oversight',
  'full responsibility',
]);

/** People inside the writer's company a writer may hide behind. */
const SUBORDINATES = new Set([
  'intern', 'interns', 'trainee', 'trainees', 'junior', 'juniors', 'analyst', 'analysts', 'assistant', 'assistants',
  'colleague', 'colleagues', 'coworker', 'coworkers', 'co-worker', 'co-workers', 'staff', 'staffer', 'staffers',
  'employee', 'employees', 'subordinate', 'subordinates', 'clerk', 'clerks', 'temp', 'temps', 'hire', 'hires',
  'operator', 'operators', 'technician', 'technicians', 'engineer', 'engineers', 'developer', 'developers', 'someone',
  'somebody', 'person', 'guy', 'worker', 'workers', 'contractor', 'contractors', 'freelancer', 'accountant',
  'coordinator', 'planner', 'member', 'members', 'manager', 'secretary', 'receptionist', 'picker', 'pickers', 'packer',
]);
/** Outside parties a writer may blame. */
const THIRD_PARTIES = new Set([
  'supplier', 'suppliers', 'vendor', 'vendors', 'courier', 'couriers', 'carrier', 'carriers', 'warehouse', 'warehouses',
  'factory', 'factories', 'subcontractor', 'subcontractors', 'manufacturer', 'manufacturers', 'forwarder', 'forwarders',
  'terminal', 'airline', 'airlines', 'bank', 'partner', 'partners', 'agent', 'agents', 'distributor', 'distributors',
  'shipper', 'shippers', 'trucker', 'truckers', 'driver', 'drivers', 'customs', '3pl', 'provider', 'providers',
  'printer', 'translator', 'translators', 'agency', 'lab', 'laboratory', 'mill', 'plant', 'contractor',
  'contractors', 'ups', 'fedex', 'dhl', 'post', 'broker', 'brokers', 'host', 'isp', 'cloud',
]);
/** Verbs that say the party got something wrong (as opposed to neutral facts: "the port closed"). */
const ERROR_VERBS = new Set([
  'mixed', 'messed', 'screwed', 'forgot', 'overlooked', 'misread', 'mislabeled', 'mislabelled', 'miscounted',
  'miscalculated', 'misplaced', 'mistyped', 'misrouted', 'neglected', 'failed', 'botched', 'mishandled', 'lost',
  'blundered', 'goofed', 'confused', 'ignored', 'missed',
]);
/** Verbs that blame only with "wrong" after them: "picked the wrong bolts". */
const WRONG_VERBS = new Set(['sent', 'picked', 'shipped', 'loaded', 'used', 'entered', 'typed', 'packed', 'printed', 'delivered', 'put', 'gave', 'made']);
const FAULT_NOUNS = new Set(['fault', 'mistake', 'mistakes', 'error', 'errors', 'doing', 'responsibility', 'oversight', 'negligence', 'blunder']);
/** Collective nouns that with "our" take ownership ("our team's mistake") and with "your" blame the reader. */
const COLLECTIVE = new Set(['team', 'company', 'side', 'firm', 'department', 'office']);

function isParty(norm: string): boolean {
  return SUBORDINATES.has(norm) || THIRD_PARTIES.has(norm);
}

/**
 * A third party or subordinate named as the one who erred: "<party> mixed up / forgot / made a
 * mistake / picked the wrong ...", or "<party>'s mistake". Returns body spans.
 */
function findBlamedParties(doc: RuleDoc): Array<{ start: number; end: number }> {
  // Sentence-local: cached per paragraph, so an edit re-reads only the edited paragraph.
  return doc.reportsPerParagraph('ja/deflecting-blame:parties', (p) => blamedPartiesIn(p.sentences));
}

function blamedPartiesIn(sentences: readonly Sentence[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of sentences) {
    const toks: readonly Token[] = s.tokens.filter((t) => t.isWord);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.norm.endsWith("'s") && FAULT_NOUNS.has(toks[i + 1]?.norm ?? '')) {
        const base = t.norm.slice(0, -2);
        const owner = toks[i - 1]?.norm ?? '';
        // "our team's mistake" owns it; "your team's" blames the reader; "the trucking company's"
        // blames a third party.
        const blames = isParty(base) || (COLLECTIVE.has(base) && owner !== 'our' && owner !== 'my');
        if (blames) out.push({ start: t.start, end: toks[i + 1]!.end });
        continue;
      }
      // "The delay was caused by our supplier", "because of the courier".
      if ((t.norm === 'caused' && toks[i + 1]?.norm === 'by') || (t.norm === 'because' && toks[i + 1]?.norm === 'of')) {
        const party = toks.slice(i + 2, i + 6).find((x) => isParty(x.norm) || isParty(x.norm.replace(/'s$/, '')));
        if (party) out.push({ start: t.start, end: party.end });
        continue;
      }
      if (!isParty(t.norm)) continue;
      // "our team" and "we" own a mistake; a named party is someone else.
      let v = i + 1;
      if (['had', 'has', 'have', 'just', 'apparently', 'accidentally', 'mistakenly'].includes(toks[v]?.norm ?? '')) v++;
      const verb = toks[v]?.norm ?? '';
      const window = toks.slice(v + 1, v + 4).map((x) => x.norm);
      const erred =
        ERROR_VERBS.has(verb) ||
        (verb === 'made' && window.some((w) => w === 'mistake' || w === 'error' || w === 'mistakes' || w === 'errors')) ||
        (WRONG_VERBS.has(verb) && window.includes('wrong')) ||
        (verb === 'dropped' && window.includes('ball'));
      if (erred) out.push({ start: t.start, end: toks[Math.min(v + (verb === 'mixed' || verb === 'messed' ? 1 : 0), toks.length - 1)]!.end });
    }
  }
  return out;
}

const RATIONALE_SUFFIX_EN =
  ' Own it on behalf of your company, including what colleagues, subordinates and suppliers did.';
const RATIONALE_SUFFIX_JA = '同僚や部下、取引先の行為も含め、会社として責任を引き受けましょう。';

const english = defineRule({
  id: 'ja/deflecting-blame',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'Shifting responsibility to others, to circumstances, or to the reader.',
    ja: '責任を他者・状況・相手に転嫁する表現。',
  },
  messages: {
    default: {
      en: '"{phrase}" shifts responsibility away from your company.',
      ja: '「{phrase}」は責任を自社から他へ移す表現です。',
    },
    reader: {
      en: '"{phrase}" puts the blame on your partner.',
      ja: '「{phrase}」は相手に責任を押しつけています。',
    },
    reminder: {
      en: '"{phrase}" implies your partner did not listen.',
      ja: '「{phrase}」は相手が話を聞いていなかったと責める響きがあります。',
    },
    party: {
      en: '"{phrase}" blames a colleague or another company for the problem.',
      ja: '「{phrase}」は問題を同僚や他社のせいにしています。',
    },
  },
  rationales: {
    default: {
      en: 'In Japan, a company that does not own a mistake, its own or its staff\'s or its suppliers\', is seen as untrustworthy.' + RATIONALE_SUFFIX_EN,
      ja: '日本では、自社・社員・取引先のいずれの誤りであっても責任を引き受けない会社は信頼できないと見なされます。' + RATIONALE_SUFFIX_JA,
    },
  },
  advice: {
    en: 'Apologize and take ownership first ("We apologize; we shipped the wrong bolts"), then explain the cause neutrally and say what you will do.',
    ja: 'まず謝罪して責任を引き受け（"We apologize; we shipped the wrong bolts"）、その後で原因を中立的に説明し、対応を伝えましょう。',
  },
  check(doc) {
    const reports: RuleReport[] = [];
    const owned = hasApology(doc) && doc.has(OWNERSHIP_PHRASES);
    for (const m of doc.match(DEFLECTION_PHRASES)) {
      const tag = m.entry.tag ?? 'denial';
      // After an apology that takes ownership, naming who did what is an explanation.
      if (tag === 'third' && owned) continue;
      // A standing disclaimer ("we are not responsible for external websites") deflects only
      // when there is a problem to own.
      if (tag === 'liability' && !doc.has(PROBLEM_PHRASES)) continue;
      reports.push({
        start: m.start,
        end: m.end,
        messageId: tag === 'reader' ? 'reader' : tag === 'reminder' ? 'reminder' : tag === 'third' ? 'party' : 'default',
        data: { phrase: doc.body.slice(m.start, m.end) },
      });
    }
    if (!owned) {
      for (const p of findBlamedParties(doc)) {
        if (reports.some((r) => r.start! < p.end && r.end! > p.start)) continue;
        reports.push({ start: p.start, end: p.end, messageId: 'party', data: { phrase: doc.body.slice(p.start, p.end) } });
      }
    }
    return reports.sort((a, b) => a.start! - b.start!);
  },
  examples: {
    fire: [
      { text: 'The delay was not our fault.', excerpt: 'not our fault' },
      { text: 'It was the courier\'s mistake, not ours.', excerpt: "courier's mistake" },
      { text: 'Honestly it was the trucking company\'s fault.', excerpt: "company's fault" },
      { text: 'One of our junior analysts mixed up the columns.', excerpt: 'analysts mixed up' },
      { text: 'My colleague made a mistake in the quotation.', excerpt: 'colleague made' },
      { text: 'Mistakes were made in the packing list.', excerpt: 'Mistakes were made' },
      { text: 'The closure was due to circumstances beyond our control.', excerpt: 'beyond our control' },
      { text: 'Your team failed to send the drawings.', excerpt: 'Your team failed to' },
      { text: 'As I have already explained twice, the fee covers support.', excerpt: 'As I have already explained' },
      { text: 'The bolts were picked at the warehouse, so this was their mistake, not something on our side.', excerpt: 'their mistake' },
      { text: 'The congestion at the terminal was completely out of our hands.', excerpt: 'out of our hands' },
    ],
    pass: [
      { text: 'We apologize; we mislabeled the boxes. New labels are on the way.' },
      { text: 'We sincerely apologize for the delay. The port was closed by the typhoon, but that is no excuse: we should have warned you.' },
      { text: 'The typhoon closed the port for three days, so the vessel left on September 30.' },
      { text: 'Our engineers found the cause and fixed it last night.' },
      { text: 'It was our team\'s mistake, and we have corrected the records.' },
      { text: 'Thank you for your patience while our warehouse prepares the shipment.' },
      { text: 'We are sorry for the error. Our new clerk mistyped the quantity, and that was our responsibility to check.' },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/deflecting-blame.ts) runs instead.
export default withJapanese(english, deflectingBlameJa);
