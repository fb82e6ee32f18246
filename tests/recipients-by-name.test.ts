/**
 * Recipients the webmail shows by display name only (Outlook's pill before the draft is
 * reopened, issue 9): the recipients map accepts names next to domains and addresses, the
 * audience resolves from them, unmapped names are reported for the badge to ask about, and a
 * map holding names survives validation, export and import.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { looksLikeName, resolveAudience, type AudienceMapping } from '../src/engine/audience';
import type { Recipient } from '../src/engine/types';
import { DEFAULT_SETTINGS, exportSettings, getSettings, importSettings, updateSettings, validateSettings, type Settings } from '../src/settings';
import { buildAnalysisContext } from '../src/settings/context';
import { isRecipientName } from '../src/settings/validate';
import { matchEntry } from '../src/settings/normalize';

const endo: Recipient = { address: '', name: 'Hiroki Endo', field: 'to' };
const sato: Recipient = { address: '', name: '佐藤 健', field: 'cc' };

describe('names in the recipients map', () => {
  it.each([
    ['Hiroki Endo', true],
    ['遠藤 浩樹', true],
    ['J. Smith', true],
    ['Endo', true],
    ['example.co.jp', false],
    ['ken@example.com', false],
    ['@example.co.jp', false],
    ['acme..co.jp', false],
    ['', false],
  ])('%s reads as a name: %s', (match, expected) => {
    expect(looksLikeName(match)).toBe(expected);
  });

  it('validates names: a letter, no control characters or angle brackets, at most 128 characters', () => {
    expect(isRecipientName('Hiroki Endo')).toBe(true);
    expect(isRecipientName('1234')).toBe(false);
    expect(isRecipientName('Endo <script>')).toBe(false);
    expect(isRecipientName('Endo\u0007')).toBe(false);
    expect(isRecipientName('x'.repeat(129))).toBe(false);
  });

  it('accepts a map with names and reports a name twice (whatever its case and spaces) as a duplicate', () => {
    const ok: Settings = { ...DEFAULT_SETTINGS, audienceMap: [{ match: 'Hiroki Endo', kind: 'name', audience: 'ja', region: 'west' }, { match: 'bank.co.jp', audience: 'ja' }] };
    expect(validateSettings(ok)).toEqual([]);
    const dup = { ...DEFAULT_SETTINGS, audienceMap: [{ match: 'Hiroki Endo', kind: 'name', audience: 'ja' }, { match: 'hiroki  endo', kind: 'name', audience: 'us' }] };
    expect(validateSettings(dup)).toEqual([{ path: 'audienceMap[1]', code: 'duplicate', found: '"hiroki  endo"' }]);
  });

  it('files a typed name as a name when the user says so, as written (spaces collapsed); domains and addresses lower-cased', () => {
    expect(matchEntry('  Hiroki   Endo ', 'name')).toEqual({ match: 'Hiroki Endo', kind: 'name' });
    expect(matchEntry('佐藤 健', 'name')).toEqual({ match: '佐藤 健', kind: 'name' });
    expect(matchEntry('not a domain')).toEqual({ match: 'not a domain' });
    expect(matchEntry(' @Example.CO.jp ')).toEqual({ match: 'example.co.jp' });
    expect(matchEntry(' Ken@Example.com ')).toEqual({ match: 'ken@example.com' });
  });

  it('reads an entry as a name only when it says so: a name-like text without kind is a bad domain', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, audienceMap: [{ match: 'Hiroki Endo', audience: 'ja' }] })).toEqual([
      { path: 'audienceMap[0].match', code: 'domain-or-address', found: '"Hiroki Endo"' },
    ]);
    expect(validateSettings({ ...DEFAULT_SETTINGS, audienceMap: [{ match: 'bank.co.jp', kind: 'name', audience: 'ja' }] })).toEqual([
      { path: 'audienceMap[0].match', code: 'name', found: '"bank.co.jp"' },
    ]);
    expect(validateSettings({ ...DEFAULT_SETTINGS, audienceMap: [{ match: 'Endo', kind: 'person', audience: 'ja' }] })).toEqual([
      { path: 'audienceMap[0].kind', code: 'enum', expected: 'name', found: '"person"' },
      { path: 'audienceMap[0].match', code: 'domain-or-address', found: '"Endo"' },
    ]);
  });
});

describe('audience of name-only recipients', () => {
  const map: AudienceMapping[] = [{ match: 'Hiroki Endo', kind: 'name', audience: 'ja', region: 'west', sector: 'modern' }];

  it('comes from the map by name, ignoring case and spaces', () => {
    const a = resolveAudience([{ ...endo, name: 'hiroki  ENDO' }], map);
    expect(a.packs).toEqual(['common', 'ja']);
    expect(a.region).toBe('west');
    expect(a.sector).toBe('modern');
    expect(a.sources).toEqual([{ pack: 'ja', address: 'hiroki  ENDO', via: 'name' }]);
    expect(a.unmappedNames).toEqual([]);
  });

  it('reports names the map does not know, once each, and sets no pack for them', () => {
    const a = resolveAudience([endo, sato, { ...sato, field: 'to' }], []);
    expect(a.packs).toEqual(['common']);
    expect(a.unmappedNames).toEqual(['Hiroki Endo', '佐藤 健']);
  });

  it('a name entry never matches an address or a domain, and an address entry wins over the name', () => {
    expect(resolveAudience([{ address: 'x@hiroki-endo.jp', field: 'to' }], [{ match: 'hiroki-endo.jp', kind: 'name', audience: 'us' }]).packs).toEqual(['common', 'ja']);
    const withAddress: Recipient = { address: 'h.endo@gmail.com', name: 'Hiroki Endo', field: 'to' };
    // The address is not mapped and not .jp: the name the user mapped (from the badge) decides.
    expect(resolveAudience([withAddress], map).sources).toEqual([{ pack: 'ja', address: 'Hiroki Endo', via: 'name' }]);
    const both: AudienceMapping[] = [...map, { match: 'h.endo@gmail.com', audience: 'us' }];
    expect(resolveAudience([withAddress], both).packs).toEqual(['common', 'us']);
  });

  it('turns the ja pack on in the analysis context, and the unmapped names reach the badge', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, audienceMap: map };
    expect(buildAnalysisContext(settings, [endo]).context.packs).toEqual(['common', 'ja']);
    expect(buildAnalysisContext(DEFAULT_SETTINGS, [endo]).audience.unmappedNames).toEqual(['Hiroki Endo']);
    expect(buildAnalysisContext(DEFAULT_SETTINGS, [endo], { audienceOverride: { packs: ['common', 'us'], region: 'east', sector: 'traditional' } }).audience.unmappedNames).toEqual([
      'Hiroki Endo',
    ]);
  });
});

describe('storage, export and import with names', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips a map holding names', async () => {
    const audienceMap: AudienceMapping[] = [
      { match: '遠藤 浩樹', kind: 'name', audience: 'ja', region: 'east', sector: 'traditional' },
      { match: 'Sam Porter', kind: 'name', audience: 'us' },
      { match: 'bank.co.jp', audience: 'ja' },
    ];
    await updateSettings({ audienceMap });
    const json = await exportSettings();
    fakeBrowser.reset();
    expect((await importSettings(json)).ok).toBe(true);
    expect((await getSettings()).audienceMap).toEqual(audienceMap);
  });
});
