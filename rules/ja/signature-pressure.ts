import { dateIndexWithin, defineRule, definePhrases, type RuleDoc, type RuleReport, type Sentence } from '../../src/engine';
import { namesContract } from './contract-on-first-contact';
import { withJapanese } from './japanese/extend';
import { signaturePressureJa } from './japanese/signature-pressure';

/**
 * Telling the partner there is nothing to review: their legal team is not needed, nothing can
 * change. Only read in a draft that is about a contract (a signature, a contract word or file).
 */
export const NO_REVIEW_PHRASES = definePhrases([
  'nothing to discuss|negotiate|review|change|read|check|amend',
  'nothing to go through|over',
  'nothing for your|the legal|lawyers|lawyer|counsel|attorneys|attorney',
  'nothing for you to review|check|read|discuss|change',
  'no need for your|the legal|lawyers|lawyer|counsel|attorneys|attorney',
  'no need to review|read|check|negotiate|discuss|involve|consult|change',
  "(don't|doesn't) need to review|read|check|go",
  "cannot|can't be changed|modified|amended|negotiated|edited",
  'no changes|edits|modifications [are|will be|can be] accepted|possible|allowed',
  'rubber-stamp|rubber-stamped',
  'rubber stamp',
  'just|only|merely a formality',
  'a mere formality',
]);

const SIGN_WORDS = new Set([
  'sign', 'signs', 'signed', 'signing', 'signature', 'signatures', 'countersign', 'countersigned', 'countersigning',
  'countersignature', 'e-sign', 'e-signed', 'e-signature', 'esign', 'esignature', 'docusign',
]);
const SIGN_CJK = ['署名', '押印', '捺印'];
/** Words that bring a deadline or urgency into a sentence about signing. */
const URGENT = new Set([
  'today', 'tonight', 'tomorrow', 'asap', 'immediately', 'urgently', 'urgent', 'quickly', 'promptly', 'deadline',
  'eod', 'cob', 'hurry', 'rush', 'time-critical', 'time-sensitive',
]);
const DEADLINE_PREPS = new Set(['by', 'before', 'until', 'till']);
const MINIMIZERS = new Set(['just', 'simply', 'only', 'merely', 'quickly']);
const WRITER_SUBJECT = new Set(['we', 'i', "we've", "i've", 'have', 'has', 'had']);

/** The span of the pressure in a sentence that mentions signing, if any. */
function signaturePressureIn(s: Sentence): { start: number; end: number } | undefined {
  const toks = s.tokens.filter((t) => t.isWord);
  const signAt = toks.findIndex((t, i) => {
    if (!SIGN_WORDS.has(t.norm)) return false;
    if (['up', 'in', 'off', 'out', 'on'].includes(toks[i + 1]?.norm ?? '')) return false;
    // "We signed it today" is the writer's own news, not a push.
    return !(t.norm === 'signed' && WRITER_SUBJECT.has(toks[i - 1]?.norm ?? ''));
  });
  const cjkAt = signAt === -1 ? SIGN_CJK.findIndex((w) => s.text.includes(w)) : -1;
  if (signAt === -1 && cjkAt === -1) return undefined;
  if (signAt === -1) {
    return /至急|本日中|までに/.test(s.text) ? { start: s.start, end: s.end } : undefined;
  }
  const sign = toks[signAt]!;
  // "just sign", "all you need to do is sign", "signs as is".
  const before = toks.slice(Math.max(0, signAt - 6), signAt).map((t) => t.norm);
  if (MINIMIZERS.has(before[before.length - 1] ?? '') || before.join(' ').endsWith('all you need to do is') || before.join(' ').endsWith('all you have to do is')) {
    const from = toks[signAt - 1]!;
    const allYou = before.join(' ').endsWith('to do is') ? toks[signAt - 6]! : from;
    return { start: allYou.start, end: sign.end };
  }
  if (toks[signAt + 1]?.norm === 'as' && toks[signAt + 2]?.norm === 'is') return { start: sign.start, end: toks[signAt + 2]!.end };
  // The deadline nearest to the signature word is the one that presses it.
  const order = toks.map((_, i) => i).sort((a, b) => Math.abs(a - signAt) - Math.abs(b - signAt));
  for (const i of order) {
    const w = toks[i]!.norm;
    const prev = toks[i - 1]?.norm;
    const isDeadline =
      URGENT.has(w) ||
      (DEADLINE_PREPS.has(w) && dateIndexWithin(toks, i) !== -1) ||
      // "at the latest", "as soon as possible" (not "the latest version").
      (w === 'latest' && prev === 'the' && toks[i - 2]?.norm === 'at') ||
      (w === 'possible' && prev === 'as' && toks[i - 2]?.norm === 'soon');
    if (!isDeadline) continue;
    // "the contract signed by both parties": "by" introduces the signer, not a date.
    const end = DEADLINE_PREPS.has(w) ? toks[dateIndexWithin(toks, i)]!.end : toks[i]!.end;
    return i > signAt ? { start: sign.start, end } : { start: toks[i]!.start, end: sign.end };
  }
  return undefined;
}

/** Whether the draft is about a contract at all (for the "nothing to review" phrases). */
function aboutContract(doc: RuleDoc): boolean {
  if ((doc.draft.attachments ?? []).some((a) => typeof a?.name === 'string' && namesContract(a.name))) return true;
  return doc.words.some((t) => SIGN_WORDS.has(t.norm) || namesContract(t.text));
}

const english = defineRule({
  id: 'ja/signature-pressure',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'Pushing for a signature with a deadline, or telling the partner there is nothing to review.',
    ja: '期限を付けて署名を迫る、または「確認は不要」と伝えている。',
  },
  messages: {
    default: {
      en: '"{phrase}" pushes your partner to sign.',
      ja: '「{phrase}」は相手に署名を急がせています。',
    },
    noReview: {
      en: '"{phrase}" tells your partner not to review the contract.',
      ja: '「{phrase}」は相手に契約書を確認しなくてよいと伝えています。',
    },
  },
  rationales: {
    default: {
      en: 'A Japanese company reviews a contract carefully, often with several departments, and signs only terms already agreed. Rushing the signature or dismissing their review reads as distrust and can end the deal.',
      ja: '日本企業は契約書を複数の部署で慎重に確認し、すでに合意した条件にだけ署名します。署名を急がせたり確認を不要と言ったりすると、不信感の表れと受け取られ、取引を失うこともあります。',
    },
  },
  advice: {
    en: 'Confirm the terms were agreed, and let your partner review at their own pace: "Please take the time your legal team needs; we would be glad to answer any questions."',
    ja: '条件の合意を確認し、相手のペースで確認してもらいましょう。例: "Please take the time your legal team needs; we would be glad to answer any questions."',
  },
  check(doc) {
    // Sentence-local, so cached per paragraph: an edit re-checks only the edited paragraph.
    const reports: RuleReport[] = doc.reportsPerParagraph('ja/signature-pressure', (p) => {
      const found: RuleReport[] = [];
      for (const s of p.sentences) {
        const span = signaturePressureIn(s);
        if (span) found.push({ ...span, data: { phrase: doc.body.slice(span.start, span.end) } });
      }
      return found;
    });
    if (doc.has(NO_REVIEW_PHRASES) && aboutContract(doc)) {
      for (const m of doc.match(NO_REVIEW_PHRASES)) {
        if (reports.some((r) => r.start! < m.end && r.end! > m.start)) continue;
        reports.push({ start: m.start, end: m.end, messageId: 'noReview', data: { phrase: doc.body.slice(m.start, m.end) } });
      }
    }
    return reports.sort((a, b) => a.start! - b.start!);
  },
  examples: {
    fire: [
      { text: 'Please sign the agreement by Friday.', excerpt: 'sign the agreement by Friday' },
      { text: 'We need your signature ASAP.', excerpt: 'signature ASAP' },
      { text: 'Just sign and send it back.', excerpt: 'Just sign' },
      { text: 'These are our standard terms, nothing to discuss. Please sign page 2.', excerpt: 'nothing to discuss' },
      { text: 'To secure the discount, both documents need to be signed by October 31.', excerpt: 'signed by October' },
      { text: 'All you need to do is sign page 4 and send it back.', excerpt: 'All you need to do is sign' },
      { text: 'It is the agreement every supplier signs as is, so there is no need for your lawyers to read it.', excerpt: 'signs as is' },
    ],
    pass: [
      { text: 'As agreed in our meeting, the final contract is attached for your review.' },
      { text: 'Please take as much time as your legal department needs to review the agreement.' },
      { text: 'Once the NDA is countersigned on your side, we can share our documentation.' },
      { text: 'The contract was signed by both parties in March.' },
      { text: 'We signed the amendment today; a copy is attached.' },
      { text: 'There is no need to prepare anything formal for our visit.' },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/signature-pressure.ts) runs as well.
export default withJapanese(english, signaturePressureJa);
