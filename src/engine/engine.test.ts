import { describe, expect, it } from 'vitest';
import { buildDoc, createEngine, defineRule, definePhrases, DEFAULT_CONTEXT, splitBody } from './index';

const ctx = { ...DEFAULT_CONTEXT, packs: ['common', 'ja', 'us'] as const } as typeof DEFAULT_CONTEXT;

describe('splitBody', () => {
  it('keeps only the new words, with offsets into the body', () => {
    const body = 'Hi Ken,\n\nThanks.\n\nBest regards,\nTom Kessler\nACME CORP\n\nOn Mon, Nov 3, 2025 at 4:40 PM Ken <k@x.jp> wrote:\n> Please confirm.\n';
    const { segments, hasQuote } = splitBody(body);
    expect(hasQuote).toBe(true);
    const news = segments.filter((s) => s.kind === 'new').map((s) => body.slice(s.start, s.end)).join('');
    expect(news).toContain('Best regards,');
    expect(news).not.toContain('ACME');
    expect(news).not.toContain('Please confirm');
  });
  it('recognises Outlook header blocks and Original Message separators', () => {
    const a = 'Fine.\n\n-----Original Message-----\nFrom: a\nSent: b\nSEND IT NOW\n';
    expect(splitBody(a).segments.find((s) => s.kind === 'quote')).toBeTruthy();
    const b = 'Fine.\n\n________________________________\nFrom: Ken <k@x.jp>\nSent: Monday\nTo: me\nSubject: x\n\nSEND IT NOW\n';
    const q = splitBody(b).segments.find((s) => s.kind === 'quote')!;
    expect(b.slice(q.start)).toContain('SEND IT NOW');
  });
});

describe('phrase tables', () => {
  const table = definePhrases(['sorry, but', 'take it or leave it', 'as i [have] (said|explained) before', '申し訳']);
  it('matches alternatives, optional parts and punctuation, with offsets', () => {
    const doc = buildDoc({ body: "Sorry, but no. As I have explained before, take it or leave it. 申し訳ない" }, ctx);
    const m = doc.match(table).map((x) => doc.body.slice(x.start, x.end));
    expect(m).toEqual(['Sorry, but', 'As I have explained before', 'take it or leave it', '申し訳']);
  });
  it('takes alternatives of several words in a group, and keeps a literal "*" literal', () => {
    const t = definePhrases(["(i am|i'm) reaching out", 'we [very much|really] regret', '*wink*', 'your * report']);
    const doc = buildDoc({ body: "I'm reaching out. I am reaching out. We very much regret it. We regret it. A *wink* here, a big wink there. Your final report." }, ctx);
    expect(doc.match(t).map((x) => doc.body.slice(x.start, x.end))).toEqual([
      "I'm reaching out",
      'I am reaching out',
      'We very much regret',
      'We regret',
      '*wink*',
      'Your final report',
    ]);
    // "( wink )" has no "|": the parentheses are literal text.
    const lit = buildDoc({ body: 'ha ( wink ) ha, wink' }, ctx);
    expect(lit.match(definePhrases(['( wink )'])).map((x) => lit.body.slice(x.start, x.end))).toEqual(['( wink )']);
  });
  it('does not match across word boundaries', () => {
    const doc = buildDoc({ body: 'sorrys, butter' }, ctx);
    expect(doc.match(table)).toEqual([]);
  });
  it('makes the phrases of a table given as a function on first use, once, and matches as the list would', () => {
    let made = 0;
    const lazy = definePhrases(() => {
      made++;
      return ['sorry, but', { pattern: 'take it or leave it', tag: 'final' }];
    });
    const listed = definePhrases(['sorry, but', { pattern: 'take it or leave it', tag: 'final' }]);
    expect(made).toBe(0);
    const doc = buildDoc({ body: 'Sorry, but take it or leave it.' }, ctx);
    const ends = (t: typeof listed) => doc.match(t).map((m) => [m.start, m.end, m.entry.pattern, m.entry.tag]);
    expect(ends(lazy)).toEqual(ends(listed));
    expect(ends(lazy)).toHaveLength(2);
    expect(lazy.entries).toEqual(listed.entries);
    expect(made).toBe(1);
  });
});

describe('engine', () => {
  const rule = defineRule({
    id: 'common/test-rule',
    pack: 'common',
    severity: 'warning',
    description: { en: 'd', ja: 'd' },
    messages: { default: { en: 'Found {word}', ja: '{word} があります' } },
    rationales: { default: { en: 'why', ja: 'なぜ' } },
    advice: { en: 'advice', ja: '助言' },
    check: (doc) => doc.match(definePhrases(['banana'])).map((m) => ({ start: m.start, end: m.end, data: { word: 'banana' } })),
    examples: { fire: [], pass: [] },
  });
  const engine = createEngine([rule]);
  it('reports localized findings on the new words only', () => {
    const body = 'A banana here.\n\nOn Mon, Ken wrote:\n> banana there';
    const f = engine.analyze({ body }, ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'common/test-rule', start: 2, end: 8, excerpt: 'banana', message: 'Found banana' });
    expect(engine.analyze({ body }, { ...ctx, lang: 'ja' })[0]!.message).toBe('banana があります');
  });
  it('honours disabled rules, packs and severity overrides', () => {
    expect(engine.analyze({ body: 'banana' }, { ...ctx, disabledRules: ['common/test-rule'] })).toEqual([]);
    expect(engine.analyze({ body: 'banana' }, { ...ctx, packs: ['ja'] })).toEqual([]);
    expect(engine.analyze({ body: 'banana' }, { ...ctx, severityOverrides: { 'common/test-rule': 'error' } })[0]!.severity).toBe('error');
  });
  it('matches user phrases literally', () => {
    const f = engine.analyze({ body: 'We say (a|b) and [x] here.' }, { ...ctx, userPhrases: [{ id: 'p1', phrase: '(a|b)', pack: 'common', message: 'no' }] });
    expect(f.filter((x) => x.ruleId === 'user/p1')).toHaveLength(0);
    const g = engine.analyze({ body: 'Please revert back to me.' }, { ...ctx, userPhrases: [{ id: 'p2', phrase: 'revert back', pack: 'common', message: 'Say reply', replacement: 'reply' }] });
    expect(g.find((x) => x.ruleId === 'user/p2')).toMatchObject({ excerpt: 'revert back', suggestion: { replacement: 'reply' } });
  });
  it('never throws on odd input', () => {
    for (const body of ['', '\u0000\uffff', '😂'.repeat(1000), 'あ'.repeat(5000), '>\n'.repeat(100), '<img src=x onerror=alert(1)>']) {
      expect(() => engine.analyze({ body }, ctx)).not.toThrow();
    }
  });
});
