/**
 * The analysis in slices of a long draft (src/engine/sliced.ts) gives exactly the findings of the
 * one-step analysis of the same draft: same rule ids, spans, messages and order, and the same
 * facts. Rules that judge the whole draft (its length, an apology anywhere covering a problem
 * anywhere, an ask anywhere, the first and last sentences, first contact) judge the whole draft,
 * not each window (issue 10).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDraft, analyzeInSlices, draftWindows, LARGE_DRAFT_CHARS, rules, WINDOW_CHARS, type AnalysisContext, type Draft } from '../src/nemawashi';

/** Runs the sliced analysis with a deadline already past: one unit of work per step. */
function sliced(draft: Draft, ctx: Partial<AnalysisContext>) {
  const job = analyzeInSlices(draft, ctx);
  let guard = 0;
  while (!job.step(0)) if (++guard > 1_000_000) throw new Error('never done');
  return { result: job.result(), windows: job.windows, steps: job.steps };
}

const ALL = { packs: ['common', 'ja', 'us'] as AnalysisContext['packs'] };

// Paragraphs of real-mail kinds, English and Japanese: greetings, apologies, problems, asks,
// dates, contract pushes, pressure, shouting, hedges, sign-offs, addressee blocks.
const PARAGRAPHS = [
  'Hi Ken,',
  'Dear Mr. Tanaka,',
  'Hey guys,',
  'I am writing to introduce our company, which makes precision valves for the semiconductor industry.',
  'The shipment was delayed because of the typhoon, and the parts will arrive two weeks late.',
  'We made a mistake in the invoice: the unit price should have been $12.40, not $14.20.',
  'I am so sorry for the trouble this has caused your team.',
  'We sincerely apologize for the inconvenience.',
  'Sorry to hear about the storm damage at your plant.',
  'Could you confirm the new delivery date by Friday, March 3?',
  'Please send me the signed NDA by tomorrow.',
  'Please sign and return the attached agreement.',
  'We need your answer ASAP, or we will give the slot to another customer.',
  'I will send the revised quote by Thursday, October 9.',
  'The quarterly figures for the northern region were reviewed by the team and the summary is attached for reference.',
  'I just wanted to check in and maybe see if you might possibly have some time, if that is okay.',
  'This is VERY IMPORTANT for us!!! Please CALL US before Friday!',
  'We CANNOT pass that increase on to our retailers.',
  'Let me know which day works for you.',
  'Why would you change the spec without telling us??',
  'No.',
  'Seriously?',
  'We will consider it and come back to you.',
  'About starting in January, I think it might be possible.',
  'あなたの説明は間違っています。なぜ確認しなかったのですか？',
  'I think we could perhaps consider a slightly later date, maybe.',
  'Our team will review the proposal and get back to you with our thoughts on the terms.',
  'Best regards,\nAmy',
  'Thanks,\nJenna',
  '株式会社山田商事\n営業部 田中様',
  '田中さん',
  'いつもお世話になっております。',
  '申し訳ございませんが、納期が遅れております。',
  '大変申し訳ございません。',
  '至急ご確認ください。本日中に必ずご返送ください。',
  '了解しました。資料を送らせていただきます。',
  '契約書にご署名のうえ、ご返送ください。',
  'よろしくお願いいたします。',
];

/** A pasted block: a log, a run with no sentence end, repeated urgency, punctuation runs. */
const pasted = fc.oneof(
  fc.integer({ min: 3_000, max: 12_000 }).map((n) => 'ASAP '.repeat(Math.ceil(n / 5))),
  fc.integer({ min: 3_000, max: 12_000 }).map((n) => 'The quarterly figures were reviewed by the team. '.repeat(Math.ceil(n / 49))),
  fc.integer({ min: 3_000, max: 9_000 }).map((n) => '2026-11-30 01:02:03 INFO worker started job 42 in 17 ms\n'.repeat(Math.ceil(n / 56))),
  fc.integer({ min: 2_000, max: 8_000 }).map((n) => '.'.repeat(n)),
  fc.integer({ min: 2_000, max: 8_000 }).map((n) => '納期が遅れております。'.repeat(Math.ceil(n / 11))),
  fc.integer({ min: 3_000, max: 9_000 }).map((n) => 'word '.repeat(Math.ceil(n / 5)).trim()),
);

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PARAGRAPHS) },
  { weight: 1, arbitrary: pasted },
);

/** A draft over LARGE_DRAFT_CHARS: pieces joined by blank lines (sometimes single line breaks), padded with ordinary prose. */
const longBody = fc
  .tuple(
    fc.array(piece, { minLength: 4, maxLength: 40 }),
    fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n'), { minLength: 40, maxLength: 40 }),
    fc.array(fc.constantFrom(...PARAGRAPHS), { minLength: 1, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([pieces, seps, filler, quote]) => {
    let body = pieces.map((p, i) => p + seps[i % seps.length]).join('');
    // Padding of a few paragraph kinds before the rest, so whole-draft verdicts depend on where
    // each part falls.
    const pad = `${filler.join('\n\n')}\n\n`;
    if (body.length <= LARGE_DRAFT_CHARS + 2_000) body = pad.repeat(Math.ceil((LARGE_DRAFT_CHARS + 2_000 - body.length) / pad.length)) + body;
    if (quote) body += '\n\nOn Mon, Nov 3, 2025 at 4:40 PM Greg <g@example.com> wrote:\n> Sorry for the delay.\n> Can you send it?';
    return body;
  });

const context = fc.record({
  firstContact: fc.constantFrom('auto', 'yes', 'no') as fc.Arbitrary<AnalysisContext['firstContact']>,
  lang: fc.constantFrom('en', 'ja') as fc.Arbitrary<AnalysisContext['lang']>,
  region: fc.constantFrom('east', 'west') as fc.Arbitrary<AnalysisContext['region']>,
});

const extras = fc.record({
  subject: fc.constantFrom<string | undefined>(undefined, 'Contract for signature', 'Re: delivery', 'Hey'),
  attachments: fc.constantFrom<Draft['attachments']>(undefined, [{ name: 'NDA_draft.pdf' }], [{ name: 'photos.zip' }]),
});

describe('the analysis in slices equals the one-step analysis', () => {
  it('for generated long drafts of real-mail paragraphs and pasted blocks (fast-check)', () => {
    fc.assert(
      fc.property(longBody, context, extras, fc.boolean(), (body, ctx, more, oneStepFirst) => {
        const draft: Draft = { body, ...(more.subject ? { subject: more.subject } : {}), ...(more.attachments ? { attachments: more.attachments } : {}) };
        const c = { ...ALL, ...ctx, userPhrases: [{ id: 'p1', phrase: 'ASAP', message: 'Say when', pack: 'common' as const }] };
        // Either order: the engine's caches must not change the answer.
        const one = oneStepFirst ? analyzeDraft(draft, c) : undefined;
        const { result, windows } = sliced(draft, c);
        const whole = one ?? analyzeDraft(draft, c);
        expect(windows).toBeGreaterThan(1);
        expect(result.facts).toEqual(whole.facts);
        // Compared as text: a failure prints the first differing finding, not the whole draft.
        expect(result.findings.map((f) => JSON.stringify(f))).toEqual(whole.findings.map((f) => JSON.stringify(f)));
      }),
      { numRuns: 40, seed: 20261130, endOnFailure: true },
    );
  }, 600_000);

  it('for short drafts analysed in steps on request (inSteps: the content script\'s first analysis, one rule a step; fast-check)', () => {
    const shortBody = fc.array(fc.constantFrom(...PARAGRAPHS), { minLength: 0, maxLength: 10 }).map((ps) => ps.join('\n\n'));
    fc.assert(
      fc.property(shortBody, context, extras, (body, ctx, more) => {
        const draft: Draft = { body, ...(more.subject ? { subject: more.subject } : {}), ...(more.attachments ? { attachments: more.attachments } : {}) };
        const c = { ...ALL, ...ctx, userPhrases: [{ id: 'p1', phrase: 'ASAP', message: 'Say when', pack: 'common' as const }] };
        const job = analyzeInSlices(draft, c, { inSteps: true });
        let guard = 0;
        while (!job.step(0)) if (++guard > 100_000) throw new Error('never done');
        const whole = analyzeDraft(draft, c);
        // Each rule is a step of its own (in one step, the first analysis compiled them all at once).
        expect(job.steps).toBeGreaterThan(rules.length);
        expect(job.result().facts).toEqual(whole.facts);
        expect(job.result().findings.map((f) => JSON.stringify(f))).toEqual(whole.findings.map((f) => JSON.stringify(f)));
      }),
      { numRuns: 60, seed: 20261130, endOnFailure: true },
    );
  });

  it('for generated long Japanese drafts, where a window may open with lines that look like an addressee block (fast-check)', () => {
    const JA = PARAGRAPHS.filter((p) => /[ぁ-んァ-ン一-龯]/u.test(p));
    // Short lines ending in 様 read as the addressee block when they open the draft, and only then.
    const lookalike = '至急ご確認ください\n営業部 田中様';
    const draft = fc
      .tuple(fc.array(fc.constantFrom(...JA), { minLength: 2000, maxLength: 2400 }), fc.array(fc.nat(2399), { minLength: 20, maxLength: 60 }))
      .map(([paras, at]) => {
        for (const i of at) paras.splice(i % (paras.length + 1), 0, lookalike);
        return paras.join('\n\n');
      });
    fc.assert(
      fc.property(draft, fc.constantFrom('auto', 'yes', 'no') as fc.Arbitrary<AnalysisContext['firstContact']>, (body, firstContact) => {
        const c = { ...ALL, firstContact };
        const { result, windows } = sliced({ body }, c);
        const whole = analyzeDraft({ body }, c);
        expect(windows).toBeGreaterThan(1);
        expect(whole.facts.language).toBe('ja');
        expect(result.facts).toEqual(whole.facts);
        expect(result.findings.map((f) => JSON.stringify(f))).toEqual(whole.findings.map((f) => JSON.stringify(f)));
      }),
      { numRuns: 8, seed: 20261130, endOnFailure: true },
    );
  }, 600_000);

  it("reads the addressee block from the draft's first paragraph, not from the first paragraph of each window", () => {
    const JA = PARAGRAPHS.filter((p) => /[ぁ-んァ-ン一-龯]/u.test(p));
    let body = Array.from({ length: 2200 }, (_, i) => JA[i % JA.length]!).join('\n\n');
    // Lines that would be an addressee block if they opened the draft, put where windows start.
    const lookalike = '至急ご確認ください\n営業部 田中様';
    for (const w of draftWindows(body).slice(2, 6).reverse()) body = body.slice(0, w.start) + lookalike + body.slice(body.indexOf('\n\n', w.start));
    expect(draftWindows(body).filter((w) => body.startsWith(lookalike, w.start)).length).toBeGreaterThan(0);
    const { result } = sliced({ body }, ALL);
    const whole = analyzeDraft({ body }, ALL);
    // The 至急 of each such window is pressure, as in the one-step analysis.
    const urgent = (fs: typeof whole.findings) => fs.filter((f) => f.ruleId === 'ja/pressure' && body.startsWith(lookalike, f.start!)).length;
    expect(urgent(result.findings)).toBe(urgent(whole.findings));
    expect(urgent(whole.findings)).toBeGreaterThan(0);
    expect(result.findings.map((f) => JSON.stringify(f))).toEqual(whole.findings.map((f) => JSON.stringify(f)));
  });

  it('counts the whole draft for us/too-long, not its first window', () => {
    const para = 'The quarterly figures for the northern region were reviewed by the team and the summary is attached.';
    const body = Array.from({ length: 400 }, () => para).join('\n\n');
    const { result, windows } = sliced({ body }, ALL);
    expect(windows).toBeGreaterThan(10);
    const tooLong = result.findings.filter((f) => f.ruleId === 'us/too-long');
    expect(tooLong).toHaveLength(1);
    expect(tooLong[0]!.message).toContain(`${400 * 17} words`);
    expect(result.facts.wordCount).toBe(400 * 17);
  });

  it('lets an apology in the first window cover a problem in the last (ja/missing-apology), and an ask at the end answer us/no-clear-ask', () => {
    const filler = Array.from({ length: 500 }, () => 'The quarterly figures for the northern region were reviewed by the team.').join('\n\n');
    const apologyFirst = `Hi Ken,\n\nI am so sorry for the trouble.\n\n${filler}\n\nThe shipment was delayed because of the typhoon.\n\nCould you confirm the new date by Friday?\n\nBest regards,\nAmy`;
    const { result, windows } = sliced({ body: apologyFirst }, ALL);
    expect(windows).toBeGreaterThan(5);
    const ids = result.findings.map((f) => f.ruleId);
    expect(ids).not.toContain('ja/missing-apology');
    expect(ids).not.toContain('us/no-clear-ask');
    // The ask is buried at the end of a long draft: judged on the whole draft, it is.
    expect(ids).toContain('us/buried-ask');
    expect(result).toEqual(analyzeDraft({ body: apologyFirst }, ALL));

    // Without the apology, the problem in the last window is reported once.
    const noApology = apologyFirst.replace('I am so sorry for the trouble.', 'I hope you are well.');
    const r2 = sliced({ body: noApology }, ALL).result;
    expect(r2.findings.filter((f) => f.ruleId === 'ja/missing-apology')).toHaveLength(1);
    expect(r2).toEqual(analyzeDraft({ body: noApology }, ALL));
  });

  it('keeps each step to one bounded unit: a paragraph piece, a window or one rule over the whole draft', () => {
    const body = `${'ASAP '.repeat(20_000)}\n\n${'The figures were reviewed. '.repeat(2_000)}`;
    const { windows, steps } = sliced({ body }, ALL);
    // Every piece is read, every window collected, every rule judged: each one step.
    expect(windows).toBeGreaterThanOrEqual(Math.floor(body.length / WINDOW_CHARS));
    expect(steps).toBeGreaterThan(2 * windows);
  });
});
