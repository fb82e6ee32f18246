/**
 * Property tests on the engine (issue 5): whatever text a webmail hands us, `analyze` must not
 * throw, must point only inside the body (and only at the writer's new words), must give the
 * same answer twice, and must give after an edit the answer a cold engine gives.
 *
 * The texts are built from fragments that look like real mail (rule examples, quotes,
 * attributions, signatures) mixed with hostile unicode, so findings actually occur and their
 * offsets are exercised; runs are bounded so the file stays well under 30 s on a shared machine.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  analyze,
  createEngine,
  rules,
  splitBody,
  type AnalysisContext,
  type Draft,
  type Finding,
  type Pack,
  type Rule,
  type RuleReport,
} from '../src/nemawashi';

const ALL_PACKS: Pack[] = ['common', 'ja', 'us'];

// Fragments real drafts are made of. Rule examples come from the catalogue itself, so every
// rule added later is exercised here without touching this file.
const MAIL_FRAGMENTS = [
  'Hi Ken,',
  'Dear Tanaka-san,',
  'Best regards,',
  'Tom Kessler\nACME Corp\n+1 617 555 0100',
  '-- ',
  '--',
  '> Please confirm the schedule.',
  '>> > nested quote > still quoted',
  '>',
  'On Mon, Nov 3, 2025 at 4:40 PM Hiroki Endo <h.endo@example.co.jp> wrote:',
  'On Tue, Ken wrote:',
  '2025年11月3日(月) 16:40 遠藤 <h.endo@example.co.jp>:',
  '-----Original Message-----',
  '________________________________\nFrom: Ken <k@x.jp>\nSent: Monday',
  'From: a\nDate: b',
  'CONFIDENTIALITY NOTICE: this message is confidential.',
  'Please send me the report ASAP!!',
  "Sorry, but that's not our fault. lol 😂",
  'We will consider it positively.',
  'いつもお世話になっております。申し訳ございません。',
  'よろしくお願いいたします。',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  '\u0000\u0001\u0007\u001b[31m',
  '👨‍👩‍👧‍👦🏳️‍🌈👍🏽',
  'e\u0301\u0301\u0301',
  '\ud83d', // lone high surrogate
  '\ude00', // lone low surrogate
  '<img src=x onerror=window.__pwned=1>',
  '<script>alert(1)</script>',
  '- bullet one\n- bullet two\n1) first',
  'Mr. J. Smith of ACME Inc. said 2.5 is fine... right?!?',
  '「はい」と言いました。（本当？）',
  'x'.repeat(3000),
  'word '.repeat(400),
];

const SEPARATORS = [' ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\t', '  \n  \n', '. ', ', '];

let exampleTexts: string[] = [];

function fragmentArb(): fc.Arbitrary<string> {
  const pool = [...MAIL_FRAGMENTS, ...exampleTexts];
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...pool) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    // Any UTF-16 code unit, lone surrogates included: what a broken paste can produce.
    { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    // Long runs of one character: where a backtracking regex goes quadratic.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(' ', '\t', '>', '-', '.', '!', '*', 'a ', '\u3000', '_', '='), fc.integer({ min: 100, max: 20_000 }))
        .map(([c, n]) => c.repeat(n)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...pool))
        .map(([depth, text]) => text.split('\n').map((l) => '>'.repeat(depth) + ' ' + l).join('\n')),
    },
  );
}

function bodyArb(maxFragments = 30): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fragmentArb(), fc.constantFrom(...SEPARATORS)), { maxLength: maxFragments })
    .map((parts) => parts.map(([f, s]) => f + s).join(''));
}

const recipientArb = fc.record({
  address: fc.oneof(
    fc.constantFrom('h.endo@example.co.jp', 'ken@acme.com', '', '@', 'a@b', 'x@y.jp.'),
    fc.string({ maxLength: 30 }),
  ),
  field: fc.constantFrom('to' as const, 'cc' as const, 'bcc' as const),
});

function draftArb(body: fc.Arbitrary<string>): fc.Arbitrary<Draft> {
  return fc.record(
    {
      body,
      subject: fc.oneof(fc.constantFrom('Re: Schedule', 'Fwd: NDA', '返信: 件', 'Partnership'), fc.string({ maxLength: 60 })),
      recipients: fc.array(recipientArb, { maxLength: 3 }),
      attachments: fc.array(
        fc.record({ name: fc.oneof(fc.constantFrom('NDA.pdf', '契約書.docx', 'deck.pptx'), fc.string({ maxLength: 30 })) }),
        { maxLength: 2 },
      ),
      isReply: fc.boolean(),
      quoted: fc.string({ maxLength: 60 }),
      inReplyTo: fc.string({ maxLength: 20 }),
      references: fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 }),
    },
    { requiredKeys: ['body'] },
  );
}

const contextArb: fc.Arbitrary<Partial<AnalysisContext>> = fc.record({
  packs: fc.constant(ALL_PACKS),
  region: fc.constantFrom('east' as const, 'west' as const),
  sector: fc.constantFrom('traditional' as const, 'modern' as const),
  firstContact: fc.constantFrom('yes' as const, 'no' as const, 'auto' as const),
  lang: fc.constantFrom('en' as const, 'ja' as const),
  userPhrases: fc.constantFrom(
    [],
    [{ id: 'p1', phrase: 'revert back', pack: 'common' as const, message: 'Say reply', replacement: 'reply' }],
    [{ id: 'p2', phrase: '<img src=x onerror=window.__pwned=1>', pack: 'ja' as const, message: '<b>x</b>' }],
    [{ id: 'p3', phrase: '(a|b) [x] *', pack: 'us' as const, message: 'literal' }],
  ),
});

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
/** True when `offset` falls between the two halves of one surrogate pair. */
function splitsPair(body: string, offset: number): boolean {
  return offset > 0 && offset < body.length && isHighSurrogate(body.charCodeAt(offset - 1)) && isLowSurrogate(body.charCodeAt(offset));
}

/** The invariants every finding must hold; returns a description of the first violation. */
function checkFindings(draft: Draft, findings: Finding[]): string | undefined {
  const body = draft.body;
  const news = splitBody(body).segments.filter((s) => s.kind === 'new');
  const inNew = (o: number) => news.some((s) => o >= s.start && o < s.end);
  for (const f of findings) {
    const where = `${f.ruleId} [${f.start}, ${f.end})`;
    if (f.target === 'body') {
      if (f.start === undefined || f.end === undefined) return `${where}: body finding without offsets`;
      if (!Number.isInteger(f.start) || !Number.isInteger(f.end)) return `${where}: non-integer offsets`;
      if (f.start < 0 || f.end > body.length || f.start > f.end) return `${where}: outside the body (length ${body.length})`;
      if (f.excerpt !== body.slice(f.start, f.end)) return `${where}: excerpt ${JSON.stringify(f.excerpt)} is not the body slice`;
      if (splitsPair(body, f.start) || splitsPair(body, f.end)) return `${where}: splits a surrogate pair`;
      // Quoted text and signatures never produce findings (DESIGN.md).
      if (f.end > f.start && (!inNew(f.start) || !inNew(f.end - 1))) return `${where}: points outside the writer's new words`;
    } else {
      if (f.start !== undefined || f.end !== undefined) return `${where}: ${f.target} finding with body offsets`;
      if (f.target === 'subject' && f.excerpt !== (draft.subject ?? '')) return `${where}: subject excerpt differs`;
      if (f.target === 'attachment') {
        const i = f.attachmentIndex;
        if (i === undefined || !Number.isInteger(i) || i < 0 || i >= (draft.attachments?.length ?? 0))
          return `${where}: attachment index ${i} outside the attachments`;
        if (f.excerpt !== draft.attachments![i]!.name) return `${where}: attachment excerpt differs`;
      }
    }
    if (typeof f.message !== 'string' || f.message === '') return `${where}: empty message`;
    if (!['error', 'warning', 'info'].includes(f.severity)) return `${where}: bad severity ${f.severity}`;
    if (!ALL_PACKS.includes(f.pack)) return `${where}: bad pack ${f.pack}`;
  }
  return undefined;
}

/**
 * The engine catches a rule that throws and logs it (so one bad rule cannot take the overlay
 * down); for these tests a logged failure is as much a bug as a thrown one.
 */
function spyOnErrors() {
  return vi.spyOn(console, 'error').mockImplementation(() => undefined);
}

afterEach(() => {
  vi.restoreAllMocks();
});

beforeAll(() => {
  exampleTexts = rules.flatMap((r) =>
    [...r.examples.fire, ...r.examples.pass].map((e) => e.text ?? e.draft?.body ?? '').filter((t) => t !== ''),
  );
});

describe('analyze on arbitrary drafts', () => {
  it('never throws, never logs a failure, and every finding points inside the body', () => {
    const errors = spyOnErrors();
    fc.assert(
      fc.property(draftArb(bodyArb()), contextArb, (draft, ctx) => {
        const findings = analyze(draft, ctx);
        const problem = checkFindings(draft, findings);
        if (problem) throw new Error(problem);
        if (errors.mock.calls.length > 0) throw new Error(`engine logged: ${String(errors.mock.calls[0]!.join(' '))}`);
      }),
      { numRuns: 150 },
    );
  });

  it('every raw rule report has an integer span inside the body (checked before the engine filters it)', () => {
    // The engine turns an out-of-range span into a whole-draft finding; that would hide a rule's
    // offset bug, so the reports are checked as the rules return them.
    const bad: string[] = [];
    const wrapped: Rule[] = rules.map((rule) => ({
      ...rule,
      check(doc, ctx): RuleReport[] {
        const reports = rule.check(doc, ctx);
        for (const r of reports) {
          if (r.start === undefined && r.end === undefined) continue;
          const ok =
            Number.isInteger(r.start) && Number.isInteger(r.end) && r.start! >= 0 && r.start! <= r.end! && r.end! <= doc.body.length;
          if (!ok) bad.push(`${rule.id}: [${r.start}, ${r.end}) in a body of ${doc.body.length}`);
        }
        return reports;
      },
    }));
    const engine = createEngine(wrapped);
    const errors = spyOnErrors();
    fc.assert(
      fc.property(draftArb(bodyArb()), contextArb, (draft, ctx) => {
        engine.analyze(draft, { packs: ALL_PACKS, region: 'east', sector: 'traditional', firstContact: 'auto', disabledRules: [], lang: 'en', ...ctx });
        if (bad.length > 0) throw new Error(bad[0]);
        if (errors.mock.calls.length > 0) throw new Error(`engine logged: ${String(errors.mock.calls[0]!.join(' '))}`);
      }),
      { numRuns: 60 },
    );
  });

  it('handles 200,000-character drafts (long lines, many paragraphs, deep quotes) in bounded time', () => {
    const errors = spyOnErrors();
    fc.assert(
      fc.property(bodyArb(40), contextArb, fc.constantFrom(' ', '\n', '\n\n', '\n> '), (seed, ctx, joiner) => {
        let body = seed === '' ? 'word' : seed;
        while (body.length < 200_000) body += joiner + body;
        body = body.slice(0, 200_000);
        const draft = { body };
        const t0 = performance.now();
        const findings = analyze(draft, ctx);
        const ms = performance.now() - t0;
        const problem = checkFindings(draft, findings);
        if (problem) throw new Error(problem);
        if (errors.mock.calls.length > 0) throw new Error(`engine logged: ${String(errors.mock.calls[0]!.join(' '))}`);
        // Generous: a bad (quadratic) path takes minutes here, a linear one well under a few seconds.
        if (ms > 8_000) throw new Error(`200,000 characters took ${Math.round(ms)} ms`);
      }),
      { numRuns: 4 },
    );
  });
});

describe('counterexamples found by tests/regex-safety.test.ts', () => {
  // Each of these took seconds per 50,000 characters before the regexes were fixed (quadratic
  // backtracking over a run of whitespace); 100,000 characters must now be instant.
  const RUN = 100_000;
  const cases: Array<[string, Draft]> = [
    ['a line ending in a long run of spaces (paragraph trim)', { body: 'a' + ' '.repeat(RUN) + 'b\n\nHello.' }],
    ['a reply subject followed by tabs', { body: 'Hello.', subject: 'Re' + '\t'.repeat(RUN) }],
    ['a sign-off followed by spaces', { body: 'Thanks for the call.\n\nBest regards' + ' '.repeat(RUN) + 'x\nTom' }],
  ];
  for (const [name, draft] of cases) {
    it(`analyzes ${name} in linear time`, () => {
      const errors = spyOnErrors();
      const t0 = performance.now();
      const findings = analyze(draft, { packs: ALL_PACKS });
      const ms = performance.now() - t0;
      expect(checkFindings(draft, findings)).toBeUndefined();
      expect(errors).not.toHaveBeenCalled();
      expect(ms).toBeLessThan(1_500);
    });
  }
});

describe('time grows linearly with the draft', () => {
  it('costs about the same per 10,000 characters at 10k, 50k and 200k', () => {
    spyOnErrors();
    // Varied paragraphs (a counter in each), so the per-paragraph caches do not make repeats free.
    // Only the writer's own words: a quoted block or a signature would hide the rest of the draft.
    const pool = exampleTexts.filter((t) => splitBody(t).segments.every((seg) => seg.kind === 'new'));
    expect(pool.length).toBeGreaterThan(10);
    const draftOf = (size: number, salt: string): string => {
      let body = '';
      // The counter goes into every sentence too: the tagger caches by sentence text.
      for (let i = 0; body.length < size; i++) body += `Point ${salt}${i}: ${pool[i % pool.length]!.replace(/([.!?]) /g, `$1 ${i} `)}\n\n`;
      return body.slice(0, size);
    };
    // CPU time of this process, not wall time: the machine is shared.
    const cpuMs = (f: () => void): number => {
      const t0 = process.cpuUsage();
      f();
      const d = process.cpuUsage(t0);
      return (d.user + d.system) / 1000;
    };
    analyze({ body: draftOf(5_000, 'warm') }, { packs: ALL_PACKS });
    const perTenK: Record<number, number> = {};
    for (const size of [10_000, 50_000, 200_000]) {
      const runs = [0, 1, 2].map((k) => cpuMs(() => analyze({ body: draftOf(size, `${size}-${k}-`) }, { packs: ALL_PACKS })));
      perTenK[size] = (Math.min(...runs) / size) * 10_000;
    }
    console.info(
      `analyze, ms of CPU per 10,000 characters: ${Object.entries(perTenK)
        .map(([n, ms]) => `${Number(n) / 1000}k ${ms.toFixed(1)}`)
        .join(', ')}`,
    );
    // Linear: the cost per character at 200k stays within a small factor of the cost at 10k
    // (a quadratic step would make it 20 times higher).
    expect(perTenK[200_000]!).toBeLessThan(perTenK[10_000]! * 3 + 5);
    expect(perTenK[50_000]!).toBeLessThan(perTenK[10_000]! * 3 + 5);
  });
});

describe('determinism', () => {
  it('gives deep-equal findings for the same draft, cold and after other drafts warmed the caches', () => {
    spyOnErrors();
    fc.assert(
      fc.property(draftArb(bodyArb()), contextArb, fc.array(bodyArb(10), { maxLength: 3 }), (draft, ctx, others) => {
        const first = analyze(structuredClone(draft), ctx);
        for (const other of others) analyze({ body: other }, ctx);
        // Same text again, also with the paragraphs reached through a different prefix.
        const second = analyze(structuredClone(draft), ctx);
        expect(second).toEqual(first);
        const third = analyze(structuredClone(draft), ctx);
        expect(third).toEqual(first);
      }),
      { numRuns: 60 },
    );
  });
});

describe('incremental analysis', () => {
  /** One word of `body` replaced (or a word inserted) at a position chosen by `pick`. */
  function editOneWord(body: string, pick: number, word: string): string {
    const words = [...body.matchAll(/[\p{L}\p{N}]{1,50}/gu)];
    if (words.length === 0) return body + word;
    const m = words[pick % words.length]!;
    return body.slice(0, m.index) + word + body.slice(m.index + m[0].length);
  }

  it('after editing one word equals a fresh engine on the edited text', async () => {
    spyOnErrors();
    // A second copy of the engine and catalogue with empty caches: the cold reference.
    const samples = fc.sample(
      fc.tuple(
        draftArb(bodyArb(20)),
        contextArb,
        fc.nat(),
        fc.constantFrom('sorry', 'ASAP', 'please', 'contract', 'lol', '申し訳', 'NOT', 'immediately', 'we', 'you', '?', 'x'),
      ),
      { numRuns: 12, seed: 20251124 },
    );
    for (const [draft, ctx, pick, word] of samples) {
      analyze(draft, ctx); // warm every cache with A
      const edited: Draft = { ...draft, body: editOneWord(draft.body, pick, word) };
      const incremental = analyze(edited, ctx);
      vi.resetModules();
      const cold = (await import('../src/nemawashi')) as typeof import('../src/nemawashi');
      expect(cold.analyze).not.toBe(analyze);
      expect(incremental).toEqual(cold.analyze(edited, ctx));
    }
  });

  it('after editing one word equals the same engine on the edited text reached from scratch', () => {
    spyOnErrors();
    fc.assert(
      fc.property(draftArb(bodyArb(20)), contextArb, fc.nat(), fc.constantFrom('sorry', 'ASAP', 'please', 'Hey', '!!', '。'), (draft, ctx, pick, word) => {
        const edited: Draft = { ...draft, body: editOneWord(draft.body, pick, word) };
        const direct = analyze(structuredClone(edited), ctx);
        analyze(draft, ctx);
        expect(analyze(structuredClone(edited), ctx)).toEqual(direct);
      }),
      { numRuns: 60 },
    );
  });
});
