import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages, resolveLanguage, t, tCount, type MessageKey } from '../src/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w{1,32})\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('every key exists in English and Japanese, non-empty, with the same placeholders', () => {
    const en = Object.keys(messages.en).sort();
    expect(Object.keys(messages.ja).sort()).toEqual(en);
    for (const key of en as MessageKey[]) {
      expect(messages.en[key].trim(), key).not.toBe('');
      expect(messages.ja[key].trim(), key).not.toBe('');
      expect(placeholders(messages.ja[key]), key).toEqual(placeholders(messages.en[key]));
    }
  });

  it('Japanese strings are translated, not copied (except names and examples)', () => {
    const same = (Object.keys(messages.en) as MessageKey[]).filter((k) => messages.en[k] === messages.ja[k]);
    expect(same.sort()).toEqual(['lang.en', 'lang.ja', 'options.sites.placeholder', 'popup.occurrences'].sort());
  });

  it('every key used by the popup and the options page exists', () => {
    const dir = join(import.meta.dirname, '../src/ui');
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const src = readFileSync(join(dir, file), 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([\w.-]{1,80})'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(Object.keys(messages.en), key).toContain(key);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('popup.siteOff', 'en', { host: 'mail.example.com' })).toBe('Nemawashi is turned off on mail.example.com.');
    expect(t('popup.siteOff', 'ja', { host: 'mail.example.com' })).toBe('mail.example.com では Nemawashi はオフです。');
    expect(t('popup.siteOff', 'en')).toContain('{host}');
    expect(tCount('popup.findingCount', 'en', 1)).toBe('1 finding');
    expect(tCount('popup.findingCount', 'en', 3)).toBe('3 findings');
  });
});

describe('language resolution', () => {
  it('the settings override wins', () => {
    expect(resolveLanguage('ja', 'en-US')).toBe('ja');
    expect(resolveLanguage('en', 'ja-JP')).toBe('en');
  });
  it('auto follows the browser: Japanese for ja and ja-JP, English for everything else', () => {
    expect(resolveLanguage('auto', 'ja')).toBe('ja');
    expect(resolveLanguage('auto', 'ja-JP')).toBe('ja');
    expect(resolveLanguage('auto', 'en-GB')).toBe('en');
    expect(resolveLanguage('auto', 'fr')).toBe('en');
    expect(resolveLanguage('auto', undefined)).toBe('en');
  });
});
