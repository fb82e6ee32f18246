/**
 * What one analysis keeps for the next (issue 8): the body split's paragraph tests kept by text,
 * the opening read for first contact, language counts, the per-paragraph caches behind an LRU
 * that stamps hits instead of moving them. A keystroke that changes how the body splits (a
 * sign-off, an attribution line, a disclaimer, a footer, a "-- " delimiter, a contact block, a
 * Japanese signature frame appears or goes) must give exactly what a cold engine gives on the
 * edited draft: same findings, same facts.
 */
import { describe, expect, it, vi } from 'vitest';
import { Lru } from '../src/engine/lru';
import { analyzeDraft, type AnalysisContext, type Draft } from '../src/nemawashi';

type Nemawashi = typeof import('../src/nemawashi');

/** The same analysis from a second copy of the engine and catalogue, with every cache empty. */
async function cold(draft: Draft, ctx: Partial<AnalysisContext>): Promise<ReturnType<Nemawashi['analyzeDraft']>> {
  vi.resetModules();
  const fresh = (await import('../src/nemawashi')) as Nemawashi;
  expect(fresh.analyzeDraft).not.toBe(analyzeDraft);
  return fresh.analyzeDraft(draft, ctx);
}

const ALL: Partial<AnalysisContext> = { packs: ['common', 'ja', 'us'], firstContact: 'auto' };

/** Paragraphs of running text with findings in them, so that stale reuse would show. */
const FILLER = [
  'The shipment was delayed because of the typhoon, and the parts will arrive two weeks late.',
  'Please send me the signed NDA by tomorrow, we need it ASAP.',
  'I think we could perhaps consider a slightly later date, maybe.',
  'This is VERY IMPORTANT for us!!! Please CALL US before Friday!',
  'Our team will review the proposal and get back to you with our thoughts on the terms.',
  'Could you confirm the new delivery date by Friday, March 3?',
];

function body(parts: string[]): string {
  return parts.join('\n\n');
}

/**
 * Drafts in the order typed: each step is one edit of the one before, chosen so that the split
 * into the writer's words, quote, signature, disclaimer and footer changes at that step.
 */
const SEQUENCES: Record<string, string[]> = {
  'a sign-off line appears and goes': [
    body(['Hi Ken,', ...FILLER, 'Best regard', 'Amy Chen\nSales Director\nACME Corp']),
    body(['Hi Ken,', ...FILLER, 'Best regards,', 'Amy Chen\nSales Director\nACME Corp']),
    body(['Hi Ken,', ...FILLER, 'Best regardsx', 'Amy Chen\nSales Director\nACME Corp']),
  ],
  'an attribution line turns the rest into a quote and back': [
    body(['Hi Ken,', ...FILLER.slice(0, 3), 'On Mon, Nov 3, 2025 at 4:40 PM Hiroki Endo <h.endo@example.co.jp> wrote', ...FILLER.slice(3)]),
    body(['Hi Ken,', ...FILLER.slice(0, 3), 'On Mon, Nov 3, 2025 at 4:40 PM Hiroki Endo <h.endo@example.co.jp> wrote:', ...FILLER.slice(3)]),
    body(['Hi Ken,', ...FILLER.slice(0, 3), 'On Mon, Nov 3, 2025 at 4:40 PM Hiroki Endo <h.endo@example.co.jp> wrote', ...FILLER.slice(3)]),
  ],
  'a paragraph becomes a disclaimer when it names a second marker, and stops being one': [
    body([...FILLER, 'This message is confidential and may be read by the team.', ...FILLER.slice(0, 2)]),
    body([...FILLER, 'This message is confidential and intended only for the team.', ...FILLER.slice(0, 2)]),
    body([...FILLER, 'This message is confidential and may be read by the team.', ...FILLER.slice(0, 2)]),
  ],
  'a later paragraph of a disclaimer follows its first paragraph': [
    body([...FILLER, 'CONFIDENTIALITY NOTICE', 'This e-mail is intended only for the named addressee. If you received this message in error, please notify the sender.', 'Please send the figures by Friday ASAP.']),
    body([...FILLER, 'CONFIDENTIALITY NOTICE', 'This e-mail is intended only for the named addressee. If you received this message in error, please notify the sender.', 'Please send the figures by Friday ASAP, it is confidential.']),
    body([...FILLER, 'CONFIDENTIALITY NOTICE', 'This e-mail is for the named addressee.', 'Please send the figures by Friday ASAP, it is confidential.']),
  ],
  'a footer tagline hides what follows it': [
    body([...FILLER, 'Sent from my phone', 'Please CALL US before Friday!!!']),
    body([...FILLER, 'Sent from my iPhone', 'Please CALL US before Friday!!!']),
    body([...FILLER, 'Sent from my iPho', 'Please CALL US before Friday!!!']),
  ],
  'a "-- " delimiter hides the signature': [
    body([...FILLER, '-', 'Please send me the signed NDA by tomorrow, we need it ASAP.']),
    body([...FILLER, '--', 'Please send me the signed NDA by tomorrow, we need it ASAP.']),
    body([...FILLER, '-x', 'Please send me the signed NDA by tomorrow, we need it ASAP.']),
  ],
  'a contact block with no sign-off': [
    body([...FILLER, 'Amy Chen\nSales Director\nACME\nBoston']),
    body([...FILLER, 'Amy Chen\nSales Director\nACME Corp\nBoston']),
    body([...FILLER, 'Amy Chen\nSales Director\nACME\nBoston']),
  ],
  'a quoted line marked with ">" and unmarked': [
    body([...FILLER.slice(0, 3), 'Please sign and return the attached agreement ASAP.', ...FILLER.slice(3)]),
    body([...FILLER.slice(0, 3), '> Please sign and return the attached agreement ASAP.', ...FILLER.slice(3)]),
    body([...FILLER.slice(0, 3), 'Please sign and return the attached agreement ASAP.', ...FILLER.slice(3)]),
  ],
  'a Japanese signature frame': [
    body(['株式会社山田商事\n営業部 田中様', 'いつもお世話になっております。', '至急ご確認ください。本日中に必ずご返送ください。', '申し訳ございませんが、納期が遅れております。', '━━━━━━━━━━━━━━\n鈴木 一郎\n株式会社ABC\nTEL: 03-1234-5678', '了解しました。資料を送らせていただきます。']),
    body(['株式会社山田商事\n営業部 田中様', 'いつもお世話になっております。', '至急ご確認ください。本日中に必ずご返送ください。', '申し訳ございませんが、納期が遅れております。', '━━━━━━━━━━━━━━\n鈴木 一郎\n株式会社ABC\nTEL: 03-1234-5678\n━━━━━━━━━━━━━━', '了解しました。資料を送らせていただきます。']),
    body(['株式会社山田商事\n営業部 田中様', 'いつもお世話になっております。', '至急ご確認ください。本日中に必ずご返送ください。', '申し訳ございませんが、納期が遅れております。', '鈴木 一郎', '了解しました。資料を送らせていただきます。']),
  ],
  'an introduction in the opening appears and goes (first contact)': [
    body(['Hello,', 'My nam is Amy and I work at ACME.', ...FILLER]),
    body(['Hello,', 'My name is Amy and I work at ACME.', ...FILLER]),
    body(['Hello,', 'My nam is Amy and I work at ACME.', ...FILLER]),
  ],
};

describe('reuse from the previous analysis', () => {
  for (const [name, steps] of Object.entries(SEQUENCES)) {
    it(`${name}: each step equals a cold engine`, async () => {
      const subject = 'Delivery schedule';
      // The steps typed one after the other, each read by the warm engine...
      const warm = steps.map((b) => analyzeDraft({ body: b, subject }, ALL));
      // ...and each edited step read by an engine that never saw the others (a cold engine
      // costs an import of the catalogue: the first step, read before any edit, is left out).
      for (let i = 1; i < steps.length; i++) expect(warm[i], `step ${i}`).toEqual(await cold({ body: steps[i]!, subject }, ALL));
      // The steps differ in what they find or how they split, so a stale answer would show.
      expect(warm.some((w) => JSON.stringify(w) !== JSON.stringify(warm[0]))).toBe(true);
    });
  }

  it('a draft typed a paragraph at a time, with edits that move text across paragraphs, equals a cold engine at each step', async () => {
    const parts = ['Hi Ken,', ...FILLER, 'Best regards,', 'Amy Chen\nACME Corp\nTEL 617 555 0100'];
    const steps: string[] = [];
    for (let n = 1; n <= parts.length; n++) steps.push(body(parts.slice(0, n)));
    // Join two paragraphs, then split them again at another place.
    const full = steps[steps.length - 1]!;
    const joined = full.replace('late.\n\nPlease', 'late. Please');
    steps.push(joined, joined.replace('ASAP.', 'ASAP.\n\n'), full);
    const warm = steps.map((b) => analyzeDraft({ body: b }, ALL));
    // The sign-off's step, the contact block's, and the three edits across paragraphs.
    for (let i = parts.length - 2; i < steps.length; i++) expect(warm[i], `step ${i}`).toEqual(await cold({ body: steps[i]! }, ALL));
  });
});

describe('Lru', () => {
  it('keeps the most recently used entries up to its limit (plus its slack), and drops the least recently used first', () => {
    const lru = new Lru<number>(8);
    for (let i = 0; i < 8; i++) lru.set(`k${i}`, i);
    // Touch the oldest half: they become the most recent.
    for (let i = 0; i < 4; i++) expect(lru.get(`k${i}`)).toBe(i);
    // One over the limit plus slack (1 for a limit of 8) forces an eviction down to the limit.
    lru.set('k8', 8);
    lru.set('k9', 9);
    expect(lru.size).toBe(8);
    // Dropped: the two least recently used, k4 and k5 (never touched after they were set).
    expect(lru.get('k4')).toBeUndefined();
    expect(lru.get('k5')).toBeUndefined();
    for (const k of ['k0', 'k1', 'k2', 'k3', 'k6', 'k7', 'k8', 'k9']) expect(lru.get(k), k).toBeDefined();
  });

  it('stays bounded under any number of insertions, and a set of an existing key refreshes it', () => {
    const lru = new Lru<string>(100);
    for (let i = 0; i < 10_000; i++) {
      lru.set(`key ${i}`, `v${i}`);
      lru.set('kept', `v${i}`); // refreshed at every step: never the least recently used
      expect(lru.size).toBeLessThanOrEqual(100 + Math.ceil(100 / 8));
    }
    expect(lru.get('kept')).toBe('v9999');
    expect(lru.get('key 9999')).toBe('v9999');
    expect(lru.get('key 0')).toBeUndefined();
  });
});
