import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  HISTORY_LIMIT,
  buildAnalysisContext,
  clearHistory,
  hasWrittenTo,
  historyChecker,
  historyCount,
  historyItem,
  isSiteEnabled,
  lookupHistory,
  recordSent,
  type Settings,
} from '../src/settings';
import { analyze } from '../src/nemawashi';
import type { Recipient } from '../src/engine/types';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('first-contact history', () => {
  it('remembers addresses, case- and space-insensitively', async () => {
    expect(await hasWrittenTo('ken@bank.co.jp')).toBe(false);
    await recordSent(['Ken@Bank.co.jp ', 'amy@acme.com']);
    expect(await hasWrittenTo('ken@bank.co.jp')).toBe(true);
    expect(await hasWrittenTo('<AMY@acme.com>')).toBe(true);
    expect(await hasWrittenTo('bob@acme.com')).toBe(false);
    expect(await historyCount()).toBe(2);
    await recordSent(['ken@bank.co.jp', 'not an address']);
    expect(await historyCount()).toBe(2);
  });

  it('stores only salted SHA-256 hashes in local storage, never the address', async () => {
    await recordSent(['ken@bank.co.jp']);
    const local = await fakeBrowser.storage.local.get(null);
    const dump = JSON.stringify(local);
    expect(dump).not.toContain('ken');
    expect(dump).not.toContain('bank');
    const salt = local.historySalt as string;
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    const expected = createHash('sha256').update(`${salt}:ken@bank.co.jp`).digest('hex');
    expect(local.sentHashes).toEqual([expected]);
    // An unsalted hash of the address must not appear (no dictionary matching).
    expect(dump).not.toContain(createHash('sha256').update('ken@bank.co.jp').digest('hex'));
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('each profile gets its own salt', async () => {
    await recordSent(['ken@bank.co.jp']);
    const first = (await fakeBrowser.storage.local.get('sentHashes')).sentHashes;
    await clearHistory();
    expect(await historyCount()).toBe(0);
    expect(await hasWrittenTo('ken@bank.co.jp')).toBe(false);
    await recordSent(['ken@bank.co.jp']);
    const second = (await fakeBrowser.storage.local.get('sentHashes')).sentHashes;
    expect(second).not.toEqual(first);
    expect(await hasWrittenTo('ken@bank.co.jp')).toBe(true);
  });

  it('keeps the newest hashes beyond the limit', async () => {
    await historyItem.setValue(Array.from({ length: HISTORY_LIMIT }, (_, i) => i.toString(16).padStart(64, '0')));
    await recordSent(['new@acme.com']);
    expect(await historyCount()).toBe(HISTORY_LIMIT);
    expect(await hasWrittenTo('new@acme.com')).toBe(true);
  });

  it('lookup says "unknown" while the history is empty, then known/new', async () => {
    expect(await lookupHistory(['a@b.com'])).toEqual({ 'a@b.com': undefined });
    await recordSent(['a@b.com']);
    const check = historyChecker(await lookupHistory(['A@b.com', 'c@d.com']));
    expect(check('a@b.com')).toBe(true);
    expect(check('c@d.com')).toBe(false);
    expect(check('elsewhere@x.com')).toBeUndefined();
  });
});

describe('analysis context from settings and recipients', () => {
  const to = (address: string): Recipient => ({ address, field: 'to' });
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    language: 'ja',
    audienceMap: [
      { match: 'osaka-trading.com', audience: 'ja', region: 'west', sector: 'modern' },
      { match: 'acme.com', audience: 'us' },
    ],
    disabledRules: ['ja/humor'],
    severityOverrides: { 'us/hedging': 'info' },
    userPhrases: [{ id: 'p1', phrase: 'circle back', pack: 'us', message: 'Say when.' }],
  };

  it('turns packs on from recipients in auto mode', () => {
    const { context, audience } = buildAnalysisContext(settings, [to('ken@osaka-trading.com'), to('amy@acme.com')]);
    expect(context.packs).toEqual(['common', 'ja', 'us']);
    expect(context.region).toBe('west');
    expect(context.sector).toBe('modern');
    expect(context.lang).toBe('ja');
    expect(context.disabledRules).toEqual(['ja/humor']);
    expect(context.severityOverrides).toEqual({ 'us/hedging': 'info' });
    expect(context.userPhrases).toEqual(settings.userPhrases);
    expect(audience.source).toBe('auto');
    expect(audience.sources).toEqual([
      { pack: 'ja', address: 'ken@osaka-trading.com', via: 'mapping' },
      { pack: 'us', address: 'amy@acme.com', via: 'mapping' },
    ]);
  });

  it('.jp recipients use the default region and sector', () => {
    const { context } = buildAnalysisContext({ ...settings, defaultRegion: 'west' }, [to('a@bank.co.jp')]);
    expect(context.packs).toEqual(['common', 'ja']);
    expect(context.region).toBe('west');
    expect(context.sector).toBe('traditional');
  });

  it('honours always / never and the common switch', () => {
    const s: Settings = { ...settings, packs: { common: false, ja: 'never', us: 'always' } };
    expect(buildAnalysisContext(s, [to('a@bank.co.jp')]).context.packs).toEqual(['us']);
  });

  it('a per-draft override wins and is labelled as set by the user', () => {
    const { context, audience } = buildAnalysisContext(settings, [to('a@bank.co.jp')], {
      audienceOverride: { packs: ['us', 'common'], region: 'west', sector: 'modern' },
      firstContact: 'yes',
    });
    expect(context.packs).toEqual(['common', 'us']);
    expect(context.firstContact).toBe('yes');
    expect(audience.source).toBe('user');
  });

  it('follows the browser language when the setting is auto', () => {
    const s: Settings = { ...settings, language: 'auto' };
    expect(buildAnalysisContext(s, [], { browserLanguage: 'ja-JP' }).context.lang).toBe('ja');
    expect(buildAnalysisContext(s, [], { browserLanguage: 'en-GB' }).context.lang).toBe('en');
  });

  it('drives the engine: user phrases warn only when their pack is on', () => {
    const draft = { body: "Let's circle back on this next week.", recipients: [to('amy@acme.com')] };
    const withUs = buildAnalysisContext(settings, draft.recipients, { lang: 'en' }).context;
    expect(analyze(draft, withUs).map((f) => f.ruleId)).toContain('user/p1');
    const withoutUs = buildAnalysisContext(settings, [to('ken@bank.co.jp')], { lang: 'en' }).context;
    expect(analyze(draft, withoutUs).map((f) => f.ruleId)).not.toContain('user/p1');
  });

  it('history feeds first-contact detection through the context', async () => {
    await recordSent(['old@acme.com']);
    const recipients = [to('new@acme.com')];
    const lookup = await lookupHistory(recipients.map((r) => r.address));
    const { context } = buildAnalysisContext(settings, recipients, { hasWrittenTo: historyChecker(lookup) });
    expect(context.hasWrittenTo?.('new@acme.com')).toBe(false);
  });

  it('sites turned off include their subdomains', () => {
    const s: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.org'] };
    expect(isSiteEnabled(s, 'mail.example.org')).toBe(false);
    expect(isSiteEnabled(s, 'Example.org')).toBe(false);
    expect(isSiteEnabled(s, 'notexample.org')).toBe(true);
  });
});
