import { defineRule, definePhrases, firstTokenFrom, tokenize, type RuleDoc, type RuleReport } from '../../src/engine';
import { withJapanese } from './japanese/extend';
import { contractOnFirstContactJa } from './japanese/contract-on-first-contact';

/**
 * The body pushes a contract: asks for a signature, points to e-signature, or presents "our
 * contract" as attached. Bare words like "contract" or "terms" are not here on purpose: "our
 * contract manufacturer" and "terms can be discussed later" are not a contract on the table.
 */
export const CONTRACT_PUSH_PHRASES = definePhrases([
  'please [kindly] sign|countersign|execute|e-sign',
  'sign and return|send|email|scan',
  'sign , date and return',
  'countersign|countersigned|countersignature|countersigning|counter-sign|counter-signed',
  'docusign|adobesign|hellosign|pandadoc|echosign',
  'adobe|dropbox sign',
  'e-sign|e-signature|e-signatures|esign|esignature|e-signed',
  'electronic|digital signature|signatures',
  'signature page|block',
  'return the|a signed copy|version',
  'attached is|are our|the [*] [*] contract|contracts|agreement|agreements|nda|msa|sow|terms',
  '(i|we) have attached our|the [*] [*] contract|agreement|nda|msa|sow|terms',
  'please find attached our|the [*] [*] contract|agreement|nda|msa|sow|terms',
  'attached please find our|the [*] [*] contract|agreement|nda|msa|sow|terms',
  'our [*] [*] contract|agreement|nda|msa|sow is attached',
  'sign the|our [*] contract|agreement|nda|msa|sow|terms|documents',
  'ご署名',
  '署名捺印',
  '押印',
  'ご捺印',
]);

/** Words that name a contract in a file name or subject. */
const CONTRACT_WORDS = new Set([
  'contract', 'contracts', 'agreement', 'agreements', 'nda', 'ndas', 'mnda', 'msa', 'msas', 'sow', 'sows', 'terms',
  'tos', 'eula', 'mou', 'loi', 'addendum', 'amendment', 'termsheet', 'countersign', 'countersigned', 'dpa', 'sla',
]);
/** Two-word contract names: "order form", "term sheet", "engagement letter", "letter of intent". */
const CONTRACT_PAIRS = new Set(['order form', 'term sheet', 'engagement letter', 'statement work', 'letter intent', 'signature page']);
const CONTRACT_CJK = ['契約', '覚書', '秘密保持', '合意書', '約款', '規約', '誓約書', '念書'];
/** "contract manufacturer", "contract research": the word in another sense. */
const OTHER_SENSE_AFTER_CONTRACT = /^(?:manufactur|research|packag|work|staff|employ|position|role|engineer|farm|cleaning|logistics)/;
/** A sentence that defers the contract ("can wait", "later") is the advice followed, not ignored. */
const DEFERRAL = new Set(['later', 'wait', 'eventually', 'future', 'afterwards', 'someday']);
const NEGATORS = new Set(['no', 'not', "don't", "doesn't", 'never', 'without', "won't", 'nothing']);

/** Words of a file name or subject, with camelCase, underscores, dashes and dots split. */
function nameWords(name: string): string[] {
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  // "NDAForReview" → "NDA For Review"; a lookahead, because ([A-Z]+)([A-Z][a-z]) backtracks
  // quadratically on a long run of capitals (tests/regex-safety.test.ts).
  const spaced = stem.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ');
  return spaced
    .toLowerCase()
    .split(/[^a-z0-9&]+/)
    .filter((w) => w !== '' && w !== 'of' && w !== 'and' && w !== 'the');
}

/** Whether a file name or subject names a contract. */
export function namesContract(name: string): boolean {
  if (CONTRACT_CJK.some((w) => name.includes(w))) return true;
  const words = nameWords(name);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'contract' && OTHER_SENSE_AFTER_CONTRACT.test(words[i + 1] ?? '')) continue;
    if (CONTRACT_WORDS.has(w)) return true;
    if (words[i + 1] && CONTRACT_PAIRS.has(`${w} ${words[i + 1]}`)) return true;
  }
  return false;
}

/** Body matches that push a contract, minus negated ones and ones in a sentence that defers it. */
function findContractPush(doc: RuleDoc): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  // Read once per sentence, not once per match: a sentence of many matches was quadratic.
  const defers = new Map<object, boolean>();
  for (const m of doc.match(CONTRACT_PUSH_PHRASES)) {
    const s = doc.sentenceAt(m.start);
    if (!s) continue;
    // findIndex's answer by binary search (-1 when no token starts at or after the match).
    const found = firstTokenFrom(s.tokens, m.start);
    const i = found < s.tokens.length ? found : -1;
    const next = s.tokens[i + (m.tokenEnd - m.tokenStart)]?.norm ?? '';
    // "sign up", "sign in", "sign off on the plan".
    if (['up', 'in', 'off', 'out', 'on'].includes(next) && /sign$/i.test(doc.body.slice(m.start, m.end))) continue;
    if (s.tokens.slice(Math.max(0, i - 4), i).some((t) => NEGATORS.has(t.norm))) continue;
    let deferred = defers.get(s);
    if (deferred === undefined) defers.set(s, (deferred = s.tokens.some((t) => DEFERRAL.has(t.norm))));
    if (deferred) continue;
    out.push({ start: m.start, end: m.end });
  }
  return out;
}

const english = defineRule({
  id: 'ja/contract-on-first-contact',
  pack: 'ja',
  severity: 'error',
  description: {
    en: 'A contract sent or pushed in a first email to a Japanese partner.',
    ja: '初めてのメールで契約書を送付・署名を求めている。',
  },
  messages: {
    default: {
      en: 'A first email that puts a contract on the table ("{phrase}").',
      ja: '初めてのメールで契約の話を持ち出しています（「{phrase}」）。',
    },
    attachment: {
      en: 'First contact with a contract attached: {phrase}.',
      ja: '初回の連絡に契約書が添付されています: {phrase}',
    },
    subject: {
      en: 'The subject of a first email is a contract: "{phrase}".',
      ja: '初めてのメールの件名が契約になっています: 「{phrase}」',
    },
  },
  rationales: {
    default: {
      en: 'In Japan the contract comes at the end, to record terms already agreed in person. A contract in the first email signals a transactional relationship instead of one built on trust.',
      ja: '日本では契約書は最後に、直接会って合意した条件をまとめるためのものです。最初のメールで契約書を出すと、信頼関係ではなく取引だけを求めていると受け取られます。',
    },
  },
  advice: {
    en: 'Introduce yourself and your company, propose a meeting (in person if you can), and share terms later, once you have discussed them.',
    ja: 'まず自己紹介と会社紹介をし、（できれば対面での）打ち合わせを提案しましょう。条件は話し合った後で共有します。',
  },
  check(doc) {
    if (!doc.firstContact) return [];
    const reports: RuleReport[] = [];
    const advice = {
      en: 'Remove the contract from this first email; introduce yourself and propose a meeting, and send the contract once terms are agreed.',
      ja: 'この初回メールから契約書を外し、自己紹介と打ち合わせの提案にとどめましょう。契約書は条件の合意後に送ります。',
    };
    (doc.draft.attachments ?? []).forEach((a, index) => {
      if (a && typeof a.name === 'string' && namesContract(a.name)) {
        reports.push({ target: 'attachment', attachmentIndex: index, messageId: 'attachment', data: { phrase: a.name }, suggestion: { text: advice } });
      }
    });
    const subject = doc.draft.subject ?? '';
    if (subject && (namesContract(subject) || CONTRACT_PUSH_PHRASES.match(tokenize(subject), subject).length > 0)) {
      reports.push({ target: 'subject', messageId: 'subject', data: { phrase: subject }, suggestion: { text: advice } });
    }
    for (const p of findContractPush(doc)) {
      reports.push({ start: p.start, end: p.end, data: { phrase: doc.body.slice(p.start, p.end) }, suggestion: { text: advice } });
    }
    return reports;
  },
  examples: {
    fire: [
      {
        text: 'Allow me to introduce myself. I lead sales at Acme in Boston.',
        draft: { attachments: [{ name: 'Acme_Mutual_NDA.pdf' }] },
        context: { firstContact: 'yes' },
      },
      {
        text: 'My name is Jo Smith. Attached is our standard contract; please sign and return it.',
        context: { firstContact: 'yes' },
        excerpt: 'Attached is our standard contract',
      },
      {
        text: "I'm reaching out about a partnership. You can e-sign the order form through DocuSign.",
        context: { firstContact: 'auto' },
        excerpt: 'DocuSign',
      },
      {
        text: 'We would like to work with your company.',
        draft: { attachments: [{ name: '業務委託契約書.pdf' }] },
        context: { firstContact: 'yes' },
      },
      {
        text: 'I am writing to propose a partnership.',
        draft: { subject: 'Master Services Agreement for review' },
        context: { firstContact: 'yes' },
      },
    ],
    pass: [
      {
        text: 'As agreed, the final contract is attached. Please sign and return it.',
        draft: { subject: 'Re: Supply agreement', attachments: [{ name: 'Supply_Agreement_final.pdf' }] },
      },
      { text: 'I am reaching out because our contract manufacturer in Shenzhen recommended you.', context: { firstContact: 'yes' } },
      { text: 'Allow me to introduce myself. The terms can be discussed later, after we meet.', context: { firstContact: 'yes' } },
      {
        text: 'Any agreement, including an NDA, can wait until we know each other better.',
        context: { firstContact: 'yes' },
        draft: { attachments: [{ name: 'Company_Profile.pdf' }] },
      },
      { text: 'Please sign up for the seminar on our website.', context: { firstContact: 'yes' } },
    ],
  },
});

// In a draft written in Japanese, the rule's Japanese wording (japanese/contract-on-first-contact.ts) runs as well.
export default withJapanese(english, contractOnFirstContactJa);
