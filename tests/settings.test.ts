import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  SettingsError,
  exportSettings,
  getSettings,
  getSettingsRecovery,
  importSettings,
  parseSettingsFile,
  updateSettings,
  validateSettings,
  watchSettings,
  repairSettings,
  type Settings,
  type SettingsV1,
  type SettingsV2,
} from '../src/settings';

/** Loads a fresh copy of the settings module, as a new extension context would on start-up. */
async function freshModule(): Promise<typeof import('../src/settings')> {
  vi.resetModules();
  return import('../src/settings');
}

const sample: Settings = {
  ...DEFAULT_SETTINGS,
  language: 'ja',
  packs: { common: true, ja: 'always', us: 'auto' },
  audienceMap: [
    { match: 'bank.co.jp', audience: 'ja', region: 'east', sector: 'traditional' },
    { match: 'acme.com', audience: 'us' },
  ],
  disabledRules: ['us/too-long'],
  severityOverrides: { 'ja/humor': 'info' },
  userPhrases: [{ id: 'p1', phrase: 'circle back', pack: 'us', message: 'Say when.', replacement: 'follow up on Friday' }],
  disabledSites: ['mail.example.org'],
  genericSites: ['webmail.example.net'],
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('reading and writing', () => {
  it('returns the defaults on a fresh install', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await getSettingsRecovery()).toBeNull();
  });

  it('stores a patch in sync storage and returns the merged settings', async () => {
    const next = await updateSettings({ language: 'en', disabledRules: ['ja/humor'] });
    expect(next.language).toBe('en');
    expect(next.packs).toEqual(DEFAULT_SETTINGS.packs);
    const raw = await fakeBrowser.storage.sync.get('settings');
    expect((raw.settings as Settings).disabledRules).toEqual(['ja/humor']);
    expect(await getSettings()).toEqual(next);
  });

  it('applies an updater function on a copy', async () => {
    await updateSettings({ audienceMap: [{ match: 'a.jp', audience: 'ja' }] });
    const next = await updateSettings((s) => ({ ...s, audienceMap: [...s.audienceMap, { match: 'b.com', audience: 'us' }] }));
    expect(next.audienceMap.map((m) => m.match)).toEqual(['a.jp', 'b.com']);
  });

  it('refuses an invalid update, says where, and leaves storage untouched', async () => {
    await updateSettings({ language: 'ja' });
    const err = await updateSettings({ audienceMap: [{ match: 'not a domain', audience: 'ja' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SettingsError);
    expect((err as SettingsError).problems).toEqual([{ path: 'audienceMap[0].match', code: 'domain-or-address', found: '"not a domain"' }]);
    expect((await getSettings()).language).toBe('ja');
    expect((await getSettings()).audienceMap).toEqual([]);
  });

  it('refuses settings too large for one storage.sync item', async () => {
    const userPhrases = Array.from({ length: 90 }, (_, i) => ({ id: `p${i}`, phrase: `phrase number ${i} `.repeat(8).trim(), pack: 'us' as const, message: 'x'.repeat(100) }));
    await expect(updateSettings({ userPhrases })).rejects.toThrow(/too-long/);
    expect((await getSettings()).userPhrases).toEqual([]);
  });

  it('tells watchers in other contexts about a change', async () => {
    const other = await freshModule();
    const seen: Settings[] = [];
    const unwatch = other.watchSettings((s) => seen.push(s));
    await updateSettings({ packs: { common: true, ja: 'never', us: 'always' } });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.packs.ja).toBe('never');
    unwatch();
    await updateSettings({ language: 'en' });
    expect(seen).toHaveLength(1);
  });

  it('watchSettings hears only the settings key of the sync area, and only real changes', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.local.set({ settings: { ...sample, language: 'ja' } });
    await fakeBrowser.storage.sync.set({ other: 1 });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(0);
    await fakeBrowser.storage.sync.set({ settings: { ...sample, language: 'ja' } });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    // The same value written again is no change.
    await fakeBrowser.storage.sync.set({ settings: { ...sample, language: 'ja' } });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.language).toBe('ja');
    unwatch();
  });

  it('a stored "__proto__" key is data, kept or dropped as data, never a prototype', async () => {
    const stored = JSON.parse(`{"severityOverrides": {"__proto__": {"polluted": true}, "ja/humor": "info"}}`) as unknown;
    const { settings } = repairSettings({ ...sample, ...(stored as object) });
    expect(Object.getPrototypeOf(settings.severityOverrides)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(settings.severityOverrides['ja/humor']).toBe('info');
  });

  it('watchSettings repairs what it passes on', async () => {
    const seen: Settings[] = [];
    watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.sync.set({ settings: { ...sample, language: 'fr' } });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.language).toBe('auto');
    expect(seen[0]!.audienceMap).toEqual(sample.audienceMap);
  });
});

describe('storage calls (issue 12: every webmail tab loads this module)', () => {
  const spyReads = () => {
    const calls: string[] = [];
    for (const area of ['sync', 'local', 'session', 'managed'] as const) {
      const a = fakeBrowser.storage[area];
      const get = a.get.bind(a);
      vi.spyOn(a, 'get').mockImplementation(((keys?: unknown) => {
        calls.push(`${area}:${JSON.stringify(keys ?? null)}`);
        return get(keys as string);
      }) as typeof a.get);
    }
    return calls;
  };
  const settle = () => new Promise((r) => setTimeout(r, 20));
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('loading the settings and history modules reads nothing from storage', async () => {
    const calls = spyReads();
    await freshModule();
    await settle();
    expect(calls).toEqual([]);
  });

  it('reads current settings in one call, the value with its version', async () => {
    await fakeBrowser.storage.sync.set({ settings: sample, settings$: { v: SETTINGS_VERSION } });
    const mod = await freshModule();
    const calls = spyReads();
    expect(await mod.getSettings()).toEqual(sample);
    await settle();
    expect(calls).toEqual(['sync:["settings","settings$"]']);
  });

  it('the first save on a fresh install still stores the version beside the value', async () => {
    const mod = await freshModule();
    await mod.getSettings();
    await mod.updateSettings({ language: 'en' });
    expect(await fakeBrowser.storage.sync.get(['settings$'])).toEqual({ settings$: { v: SETTINGS_VERSION } });
  });
});

describe('migrations from earlier versions', () => {
  const v1: SettingsV1 = {
    lang: 'ja',
    commonPack: false,
    japanesePack: 'on',
    americanPack: 'off',
    japanRegion: 'osaka',
    japanSector: 'modern',
    jpDomains: ['Toyota.co.jp', 'bank.example.com'],
    usDomains: ['acme.com'],
    disabledRuleIds: 'ja/humor, us/too-long,',
    pausedSites: ['Mail.Example.org'],
  };
  const v2: SettingsV2 = {
    version: 2,
    language: 'en',
    packs: { common: true, ja: 'auto', us: 'always' },
    defaultRegion: 'west',
    defaultSector: 'traditional',
    audienceMap: {
      'bank.co.jp': { audience: 'ja', region: 'east', sector: 'traditional' },
      'ken@example.com': { audience: 'ja' },
      'acme.com': { audience: 'us' },
    },
    disabledRules: ['common/shouting'],
    severityOverrides: { 'us/hedging': 'info' },
    disabledSites: [],
  };

  it('migrates a v1 (flat, pre-release) value stored without version meta', async () => {
    await fakeBrowser.storage.sync.set({ settings: v1 });
    const mod = await freshModule();
    const s = await mod.getSettings();
    expect(s).toEqual({
      version: SETTINGS_VERSION,
      language: 'ja',
      packs: { common: false, ja: 'always', us: 'never' },
      defaultRegion: 'west',
      defaultSector: 'modern',
      audienceMap: [
        { match: 'toyota.co.jp', audience: 'ja' },
        { match: 'bank.example.com', audience: 'ja' },
        { match: 'acme.com', audience: 'us' },
      ],
      disabledRules: ['ja/humor', 'us/too-long'],
      severityOverrides: {},
      userPhrases: [],
      disabledSites: ['mail.example.org'],
      genericSites: [],
      sendThreshold: 'error',
    } satisfies Settings);
    expect(await mod.getSettingsRecovery()).toBeNull();
    const meta = await fakeBrowser.storage.sync.get('settings$');
    expect(meta['settings$']).toEqual({ v: SETTINGS_VERSION });
  });

  it('migrates a v2 value (audience map keyed by domain)', async () => {
    await fakeBrowser.storage.sync.set({ settings: v2, settings$: { v: 2 } });
    const mod = await freshModule();
    const s = await mod.getSettings();
    expect(s.audienceMap).toEqual([
      { match: 'bank.co.jp', audience: 'ja', region: 'east', sector: 'traditional' },
      { match: 'ken@example.com', audience: 'ja' },
      { match: 'acme.com', audience: 'us' },
    ]);
    expect(s.packs).toEqual(v2.packs);
    expect(s.defaultRegion).toBe('west');
    expect(s.severityOverrides).toEqual({ 'us/hedging': 'info' });
    expect(s.userPhrases).toEqual([]);
    expect(s.genericSites).toEqual([]);
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(validateSettings(s)).toEqual([]);
  });

  it('leaves a current value as it is', async () => {
    await fakeBrowser.storage.sync.set({ settings: sample, settings$: { v: SETTINGS_VERSION } });
    const mod = await freshModule();
    expect(await mod.getSettings()).toEqual(sample);
  });

  it('a v1 value with a damaged field migrates the rest and repairs that field', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...v1, japanRegion: 'nagoya', jpDomains: ['ok.co.jp', 42, 'bad domain'] } });
    const mod = await freshModule();
    const s = await mod.getSettings();
    expect(s.defaultRegion).toBe('east');
    expect(s.defaultSector).toBe('modern');
    expect(s.audienceMap).toEqual([
      { match: 'ok.co.jp', audience: 'ja' },
      { match: 'acme.com', audience: 'us' },
    ]);
    expect((await mod.getSettingsRecovery())?.paths).toEqual(['defaultRegion', 'audienceMap[1]']);
  });
});

describe('corrupted stored values', () => {
  it('falls back field by field, keeps the valid fields, and records the repair', async () => {
    await fakeBrowser.storage.sync.set({
      settings: {
        ...sample,
        language: 42,
        packs: { common: 'yes', ja: 'always', us: 'sometimes' },
        audienceMap: [sample.audienceMap[0], { match: '', audience: 'ja' }, sample.audienceMap[1], sample.audienceMap[0]],
        severityOverrides: { 'ja/humor': 'info', 'bogus': 'error', 'us/hedging': 'loud' },
        genericSites: 'everywhere',
      },
      settings$: { v: SETTINGS_VERSION },
    });
    const s = await getSettings();
    expect(s.language).toBe('auto');
    expect(s.packs).toEqual({ common: true, ja: 'always', us: 'auto' });
    expect(s.audienceMap).toEqual(sample.audienceMap);
    expect(s.severityOverrides).toEqual({ 'ja/humor': 'info' });
    expect(s.genericSites).toEqual([]);
    expect(s.userPhrases).toEqual(sample.userPhrases);
    expect(s.disabledRules).toEqual(sample.disabledRules);
    const recovery = await getSettingsRecovery();
    expect(recovery?.paths).toEqual([
      'language',
      'packs.common',
      'packs.us',
      'audienceMap[1]',
      'audienceMap[3]',
      'severityOverrides.bogus',
      'severityOverrides.us/hedging',
      'genericSites',
    ]);
    // The repaired value was written back, so other contexts read the same settings.
    const raw = await fakeBrowser.storage.sync.get('settings');
    expect(raw.settings).toEqual(s);
  });

  it('a stored value that is not an object becomes the defaults, noted as the whole object', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage', settings$: { v: SETTINGS_VERSION } });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await getSettingsRecovery())?.paths).toEqual(['']);
  });
});

describe('validation', () => {
  it('accepts the defaults and a full sample', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual([]);
    expect(validateSettings(sample)).toEqual([]);
  });

  it('reports every problem with its path', () => {
    const problems = validateSettings({
      ...sample,
      version: SETTINGS_VERSION,
      colour: 'blue',
      language: 'fr',
      packs: { common: 1, ja: 'always' },
      audienceMap: [
        { match: 'acme.com', audience: 'us', region: 'east' },
        { match: 'ken@', audience: 'ja' },
        { match: 'a.co.jp', audience: 'jp' },
        { match: 'ACME.com', audience: 'us' },
      ],
      disabledRules: ['humor'],
      severityOverrides: { 'ja/humor': 'fatal' },
      userPhrases: [
        { id: 'p1', phrase: '  ', pack: 'us', message: 'm' },
        { id: 'p1', phrase: 'ok', pack: 'everyone', message: 'm', extra: true },
      ],
      disabledSites: ['has space.com'],
    });
    expect(problems).toEqual([
      { path: 'colour', code: 'unknown-field' },
      { path: 'language', code: 'enum', expected: 'auto | en | ja', found: '"fr"' },
      { path: 'packs.common', code: 'type', expected: 'boolean', found: 'number' },
      { path: 'packs.us', code: 'missing', expected: 'auto | always | never' },
      { path: 'audienceMap[0].region', code: 'region-not-ja' },
      { path: 'audienceMap[1].match', code: 'domain-or-address', found: '"ken@"' },
      { path: 'audienceMap[2].audience', code: 'enum', expected: 'ja | us', found: '"jp"' },
      { path: 'audienceMap[3]', code: 'duplicate', found: '"ACME.com"' },
      { path: 'disabledRules[0]', code: 'rule-id', found: '"humor"' },
      { path: 'severityOverrides.ja/humor', code: 'enum', expected: 'error | warning | info', found: '"fatal"' },
      { path: 'userPhrases[0].phrase', code: 'empty' },
      { path: 'userPhrases[1].extra', code: 'unknown-field' },
      { path: 'userPhrases[1].pack', code: 'enum', expected: 'common | ja | us', found: '"everyone"' },
      { path: 'userPhrases[1].id', code: 'duplicate', found: '"p1"' },
      { path: 'disabledSites[0]', code: 'host', found: '"has space.com"' },
    ]);
  });

  it('rejects something that is not an object', () => {
    expect(validateSettings([1, 2])).toEqual([{ path: '', code: 'not-object', found: 'array' }]);
    expect(validateSettings(null)).toEqual([{ path: '', code: 'not-object', found: 'null' }]);
  });

  it('accepts addresses, subdomains and IDN domains, and refuses hosts with ports or paths', () => {
    const ok = (match: string) => validateSettings({ ...DEFAULT_SETTINGS, audienceMap: [{ match, audience: 'ja' }] });
    expect(ok('ken.tanaka+sales@mail.bank.co.jp')).toEqual([]);
    expect(ok('例え.jp')).toEqual([]);
    expect(ok('xn--r8jz45g.jp')).toEqual([]);
    expect(ok('-bad.jp')).toHaveLength(1);
    expect(ok('bank.co.jp/path')).toHaveLength(1);
    expect(ok('localhost')).toHaveLength(1);
    expect(validateSettings({ ...DEFAULT_SETTINGS, genericSites: ['localhost', 'mail.example.com:8080'] })).toEqual([
      { path: 'genericSites[1]', code: 'host', found: '"mail.example.com:8080"' },
    ]);
  });
});

describe('import and export', () => {
  it('round-trips through export and import', async () => {
    await updateSettings({ ...sample });
    const json = await exportSettings();
    expect(JSON.parse(json)).toEqual(sample);
    fakeBrowser.reset();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    const result = await importSettings(json);
    expect(result.ok).toBe(true);
    expect(await getSettings()).toEqual(sample);
  });

  it('refuses broken JSON and leaves the settings untouched', async () => {
    await updateSettings({ ...sample });
    const result = await importSettings('{"version": 3, "language": "en",');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: '', code: 'json' });
    expect(await getSettings()).toEqual(sample);
  });

  it('refuses a file that does not validate, says what is wrong, and changes nothing', async () => {
    await updateSettings({ ...sample });
    const bad = { ...sample, language: 'en', audienceMap: [{ match: 'bank.co.jp', audience: 'japan' }] };
    const result = await importSettings(JSON.stringify(bad));
    expect(result).toEqual({ ok: false, problems: [{ path: 'audienceMap[0].audience', code: 'enum', expected: 'ja | us', found: '"japan"' }] });
    expect(await getSettings()).toEqual(sample);
  });

  it('refuses a file from a newer version, or without a version', () => {
    expect(parseSettingsFile(JSON.stringify({ ...sample, version: 9 }))).toEqual({
      ok: false,
      problems: [{ path: 'version', code: 'newer-version', expected: String(SETTINGS_VERSION), found: '9' }],
    });
    const { version: _v, ...noVersion } = sample;
    expect(parseSettingsFile(JSON.stringify(noVersion))).toMatchObject({ ok: false, problems: [{ path: 'version', code: 'missing' }] });
    expect(parseSettingsFile('"settings"')).toMatchObject({ ok: false, problems: [{ path: '', code: 'not-object' }] });
  });

  it('imports a file exported by version 2, migrating it', () => {
    const v2file = {
      version: 2,
      language: 'en',
      packs: { common: true, ja: 'auto', us: 'auto' },
      defaultRegion: 'east',
      defaultSector: 'modern',
      audienceMap: { 'acme.com': { audience: 'us' } },
      disabledRules: [],
      severityOverrides: {},
      disabledSites: [],
    };
    const result = parseSettingsFile(JSON.stringify(v2file));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.settings.audienceMap).toEqual([{ match: 'acme.com', audience: 'us' }]);
      expect(result.settings.version).toBe(SETTINGS_VERSION);
    }
  });
});
