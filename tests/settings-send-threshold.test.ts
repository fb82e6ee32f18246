/**
 * The send threshold (settings v4): its default, the v3 → v4 migration (stored values and
 * exported files), validation and the repair of a damaged value.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, parseSettingsFile, updateSettings, validateSettings, type SettingsV3 } from '../src/settings';

async function freshModule(): Promise<typeof import('../src/settings')> {
  vi.resetModules();
  return import('../src/settings');
}

const { sendThreshold: _t, ...rest } = DEFAULT_SETTINGS;
const v3: SettingsV3 = { ...rest, version: 3, language: 'ja', disabledRules: ['ja/humor'], genericSites: ['webmail.example.net'] };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('send threshold', () => {
  it('is error by default', () => {
    expect(SETTINGS_VERSION).toBe(4);
    expect(DEFAULT_SETTINGS.sendThreshold).toBe('error');
  });

  it('a stored v3 value gains the threshold (error) and keeps everything else', async () => {
    await fakeBrowser.storage.sync.set({ settings: v3, settings$: { v: 3 } });
    const mod = await freshModule();
    const s = await mod.getSettings();
    expect(s).toEqual({ ...v3, version: 4, sendThreshold: 'error' });
    expect(await mod.getSettingsRecovery()).toBeNull();
    expect((await fakeBrowser.storage.sync.get('settings$'))['settings$']).toEqual({ v: 4 });
  });

  it('a file exported by version 3 imports with the threshold', () => {
    const result = parseSettingsFile(JSON.stringify(v3));
    expect(result).toEqual({ ok: true, settings: { ...v3, version: 4, sendThreshold: 'error' } });
  });

  it('accepts off, error and warning and nothing else', async () => {
    for (const t of ['off', 'error', 'warning'] as const) expect(validateSettings({ ...DEFAULT_SETTINGS, sendThreshold: t })).toEqual([]);
    expect(validateSettings({ ...DEFAULT_SETTINGS, sendThreshold: 'info' })).toEqual([
      { path: 'sendThreshold', code: 'enum', expected: 'off | error | warning', found: '"info"' },
    ]);
    await expect(updateSettings({ sendThreshold: 'always' as never })).rejects.toThrow(/sendThreshold/);
    expect((await updateSettings({ sendThreshold: 'warning' })).sendThreshold).toBe('warning');
  });

  it('a damaged stored threshold is repaired to error, the rest kept', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, language: 'en', sendThreshold: 7 }, settings$: { v: 4 } });
    const mod = await freshModule();
    const s = await mod.getSettings();
    expect(s.sendThreshold).toBe('error');
    expect(s.language).toBe('en');
    expect((await mod.getSettingsRecovery())?.paths).toEqual(['sendThreshold']);
  });
});
