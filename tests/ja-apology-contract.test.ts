/**
 * Extra cases for the ja apology, contract and request rules, beyond each rule's examples: whole
 * drafts, interactions between rules (helpers shared with ja/humor and ja/offer-in-person), and
 * near-misses found while measuring on the corpus.
 */
import { describe, expect, it } from 'vitest';
import { buildDoc, createEngine, DEFAULT_CONTEXT, type AnalysisContext, type Draft, type Rule } from '../src/engine';
import bluntImperative from '../rules/ja/blunt-imperative';
import contractOnFirstContact from '../rules/ja/contract-on-first-contact';
import deflectingBlame from '../rules/ja/deflecting-blame';
import missingApology, { hasApology, reportsProblem } from '../rules/ja/missing-apology';
import nonApology from '../rules/ja/non-apology';
import pressure from '../rules/ja/pressure';
import signaturePressure from '../rules/ja/signature-pressure';

const RULES: Rule[] = [
  contractOnFirstContact,
  signaturePressure,
  missingApology,
  deflectingBlame,
  nonApology,
  bluntImperative,
  pressure,
];

function run(rule: Rule, draft: Partial<Draft> & { body: string }, ctx: Partial<AnalysisContext> = {}) {
  return createEngine([rule]).analyze(draft, { ...DEFAULT_CONTEXT, packs: ['ja'], ...ctx });
}

function doc(body: string) {
  return buildDoc({ body }, { ...DEFAULT_CONTEXT, packs: ['ja'] });
}

// The rules' own examples, runnable without the rest of the catalogue.
for (const rule of RULES) {
  describe(`${rule.id} examples`, () => {
    for (const ex of rule.examples.fire) {
      it(`fires: ${ex.text?.slice(0, 60) ?? 'draft'}`, () => {
        const findings = run(rule, { body: ex.text ?? '', ...ex.draft }, ex.context);
        expect(findings.length).toBeGreaterThan(0);
        if (ex.excerpt !== undefined) expect(findings.map((f) => f.excerpt)).toContain(ex.excerpt);
        if (ex.output !== undefined) {
          const body = ex.text ?? '';
          const fix = findings.find((f) => f.suggestion?.replacement !== undefined && f.start !== undefined)!;
          expect(body.slice(0, fix.start) + fix.suggestion!.replacement + body.slice(fix.end)).toBe(ex.output);
        }
      });
    }
    for (const ex of rule.examples.pass) {
      it(`passes: ${ex.text?.slice(0, 60) ?? 'draft'}`, () => {
        const findings = run(rule, { body: ex.text ?? '', ...ex.draft }, ex.context);
        expect(findings.map((f) => f.excerpt)).toEqual([]);
      });
    }
  });
}

describe('hasApology / reportsProblem (used by ja/humor and ja/offer-in-person)', () => {
  it.each([
    'We apologise for the trouble.',
    'Our apologies for the confusion.',
    'We deeply regret the error.',
    'Please forgive the late reply.',
    '大変申し訳ございません。',
    'Really sorry about the outage.',
  ])('finds an apology in %j', (text) => expect(hasApology(doc(text))).toBe(true));
  it.each(['Sorry to hear about the storm in Kyushu.', 'Thank you for your patience.', 'We look forward to the visit.'])(
    'finds no apology in %j',
    (text) => expect(hasApology(doc(text))).toBe(false),
  );
  it.each([
    'The shipment is delayed.',
    'We made an error in the quote.',
    'We sent the wrong parts.',
    'Two of the housings arrived damaged.',
    'We missed the deadline for the filing.',
    'Our API was down for six hours.',
    'We found a bug in the export.',
    'We forgot to attach the file.',
    'We were unable to finish the test.',
    'The seminar has been postponed.',
    'We had to cancel the shipment.',
    'Our EDM machine was down for a week.',
    'The container missed its scheduled vessel.',
    'The ETA is eight days later than our original plan.',
  ])('finds a problem in %j', (text) => expect(reportsProblem(doc(text))).toBe(true));
  it.each([
    'We will ship without delay.',
    'No errors were found in the audit.',
    'The data is error-free.',
    'You made an error in the PO: the quantity is 200, not 2000.',
    'There seems to be a mix-up in the confirmation you sent.',
    'If you find any errors, please tell us.',
    'To avoid delays, we booked an earlier vessel.',
    'The meeting is in late May.',
    'We have no problem with the new date.',
  ])('finds no problem in %j', (text) => expect(reportsProblem(doc(text))).toBe(false));
});

describe('ja/contract-on-first-contact', () => {
  const intro = 'Dear Mr. Sato,\n\nAllow me to introduce myself. I lead sales at Acme.\n\nBest regards,\nJo';
  it('reports each contract attachment of a first contact on the attachment', () => {
    const findings = run(contractOnFirstContact, {
      body: intro,
      attachments: [{ name: 'Acme_Brochure.pdf' }, { name: 'Acme-MutualNDA.pdf' }, { name: '業務委託契約書.docx' }],
    });
    expect(findings.map((f) => [f.target, f.attachmentIndex])).toEqual([
      ['attachment', 1],
      ['attachment', 2],
    ]);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });
  it('ignores names that only contain the letters (agenda, sowing)', () => {
    const findings = run(contractOnFirstContact, {
      body: intro,
      attachments: [{ name: 'Agenda.pdf' }, { name: 'Sowing_Guide.pdf' }, { name: 'Determs.png' }],
    });
    expect(findings).toEqual([]);
  });
  it('is silent in a reply', () => {
    const findings = run(contractOnFirstContact, {
      body: 'Please sign and return the agreement.',
      subject: 'Re: Supply agreement',
      attachments: [{ name: 'Supply_Agreement.pdf' }],
    });
    expect(findings).toEqual([]);
  });
});

describe('ja/blunt-imperative', () => {
  it('offers a question as a drop-in rewrite', () => {
    const body = 'Hello,\n\nSend me the report by Friday.\n\nBest regards,\nKen';
    const [f] = run(bluntImperative, { body });
    expect(f?.excerpt).toBe('Send me the report by Friday.');
    expect(f?.suggestion?.replacement).toBe('Could you please send me the report by Friday?');
  });
  it('ignores imperatives inside quoted text', () => {
    const body = 'Thank you, we will reply soon.\n\nOn Mon, Nov 3, 2025 at 4:40 PM Ken <k@x.jp> wrote:\n> Send me the report.\n> Call me tomorrow.';
    expect(run(bluntImperative, { body })).toEqual([]);
  });
});

describe('ja/missing-apology on whole drafts', () => {
  it('still fires when the cause is outside the writer\'s control', () => {
    const body =
      'Mr. Saito,\n\nThe typhoon closed the port for three days, so the container missed its vessel. The ETA is now October 6.\n\nRegards,\nMark';
    expect(run(missingApology, { body }).length).toBe(1);
  });
  it('is silent when the apology comes later in the draft', () => {
    const body = 'The container missed its vessel and will arrive on October 6.\n\nWe are very sorry for the trouble this causes.';
    expect(run(missingApology, { body })).toEqual([]);
  });
});

/**
 * Sentences from ordinary business email that none of these rules may flag (found while probing
 * for false positives), and members of each class that the catalogue does not list word for word.
 */
const ALL_MINE = (text: string) =>
  RULES.flatMap((r) => run(r, { body: text }, { firstContact: 'yes' }).map((f) => `${f.ruleId}: ${f.excerpt}`));

describe('no false positives on everyday sentences', () => {
  it.each([
    'Thank you for your quick reply.',
    'Please let me know if Tuesday works for you.',
    'The new catalogue is attached for your reference.',
    'Have a great weekend.',
    'We will send the samples immediately after the meeting.',
    'Right now we are finalizing the quote.',
    "I'll get back to you right away.",
    'The contract manufacturer in Vietnam will handle assembly.',
    'Sales increased by 12% last quarter.',
    'Lead retrieval scanners are $350 each.',
    'Make yourself at home when you visit.',
    "Don't worry about the paperwork; we will handle it.",
    'We are sorry to hear about the typhoon damage in your area.',
    'The late Mr. Sato founded the company.',
    'There were no delays this month.',
    'We are not responsible for the content of external websites.',
    'As I mentioned on the phone, we will visit on Monday.',
    'Our engineers made several improvements to the design.',
    'Our newsletter sign-up form is on our website.',
    'The agreement was signed by both companies last year.',
    'Terms and conditions can be discussed when we meet.',
    'Please find attached our company brochure.',
  ])('%j', (text) => expect(ALL_MINE(text)).toEqual([]));
});

describe('members of each class beyond the listed phrases', () => {
  it.each([
    ['I need the report right now.', 'ja/pressure'],
    ['This offer expires on Friday.', 'ja/pressure'],
    ['We accidentally sent you last year\'s price list.', 'ja/missing-apology'],
    ['The launch has slipped to October.', 'ja/missing-apology'],
    ['Our system went down on Tuesday night.', 'ja/missing-apology'],
    ['The delay was caused by our supplier.', 'ja/deflecting-blame'],
    ['Our vendor messed up the labels.', 'ja/deflecting-blame'],
    ['That is not on us.', 'ja/deflecting-blame'],
    ['As I have told you several times, we cannot change the design.', 'ja/deflecting-blame'],
    ['I regret if my tone offended you.', 'ja/non-apology'],
    ['Re-send the invoice with the correct address.', 'ja/blunt-imperative'],
    ['Double-check the dates before sending.', 'ja/blunt-imperative'],
    ['Email me the list by Monday.', 'ja/blunt-imperative'],
    ['Never use the old template again.', 'ja/blunt-imperative'],
    ['Just sign where indicated.', 'ja/signature-pressure'],
    ['The agreement is standard, so no need to review it.', 'ja/signature-pressure'],
    ['Please e-sign the attached agreement via DocuSign.', 'ja/contract-on-first-contact'],
  ])('%j fires %s', (text, id) => expect(ALL_MINE(text).some((f) => f.startsWith(`${id}:`))).toBe(true));
});
