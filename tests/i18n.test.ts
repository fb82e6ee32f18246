import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEVERITIES, PACKS } from '../src/engine/types';
import { fillPlaceholders } from '../src/engine/fill';
import { resolveLanguage, type Strings, type Text } from '../src/i18n';
import { commonStrings } from '../src/i18n/common';
import { overlayStrings, t as overlayT } from '../src/i18n/overlay';
import { pagesStrings, t } from '../src/i18n/pages';

const NAMESPACES: Record<string, Strings<string>> = { common: commonStrings, overlay: overlayStrings, pages: pagesStrings };
const forms = (text: Text): string[] => (typeof text === 'string' ? [text] : [text.other, ...(text.one === undefined ? [] : [text.one])]);
const placeholders = (text: Text) => [...new Set(forms(text).flatMap((s) => [...s.matchAll(/\{(\w{1,40})\}/g)].map((m) => m[1]!)))].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const root = join(import.meta.dirname, '..');
/** Every source file that may show a UI string (the catalogue itself excluded). */
const sources = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'entrypoints'))]
  .filter((f) => !relative(root, f).startsWith(join('src', 'i18n')))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

/**
 * The values a key built from a template (`severity.${s}`) may take: the enumerations of the
 * types those templates are checked against, so a key outside them still counts as unused.
 */
const TEMPLATE_VALUES = new Set<string>([
  ...PACKS,
  ...SEVERITIES,
  ...['east', 'west', 'traditional', 'modern', 'auto', 'always', 'never', 'en', 'ja', 'us', 'off', 'cc', 'bcc'],
  ...['subject', 'attachment', 'draft', 'body'],
  ...Object.keys(pagesStrings.en).filter((k) => k.startsWith('problem.')).map((k) => k.slice('problem.'.length)),
]);
const templates = [...sources.matchAll(/`([\w.]+\.)\$\{[^}`]+\}([\w.]*)`/g)].map(([, prefix, suffix]) => ({ prefix: prefix!, suffix: suffix! }));

function isUsed(key: string): boolean {
  if (sources.includes(`'${key}'`)) return true;
  return templates.some(({ prefix, suffix }) => {
    if (!key.startsWith(prefix) || !key.endsWith(suffix)) return false;
    const value = key.slice(prefix.length, key.length - suffix.length);
    return TEMPLATE_VALUES.has(value);
  });
}

describe('the UI catalogue (src/i18n)', () => {
  it.each(Object.entries(NAMESPACES))('%s: every key exists in English and Japanese, non-empty, with the same placeholders', (_, ns) => {
    const en = Object.keys(ns.en).sort();
    expect(Object.keys(ns.ja).sort()).toEqual(en);
    for (const key of en) {
      for (const s of [...forms(ns.en[key]!), ...forms(ns.ja[key]!)]) expect(s.trim(), key).not.toBe('');
      expect(placeholders(ns.ja[key]!), key).toEqual(placeholders(ns.en[key]!));
    }
  });

  it('a key is defined once, in one namespace', () => {
    const all = Object.values(NAMESPACES).flatMap((ns) => Object.keys(ns.en));
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
  });

  it('every key is used somewhere in the code', () => {
    const unused = Object.values(NAMESPACES)
      .flatMap((ns) => Object.keys(ns.en))
      .filter((k) => !isUsed(k));
    expect(unused).toEqual([]);
  });

  it('every key the code names exists', () => {
    const all = new Set(Object.values(NAMESPACES).flatMap((ns) => Object.keys(ns.en)));
    const named = [...sources.matchAll(/\bt\(\s*[\w.]+,\s*'([\w.-]{1,80})'/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(150);
    expect(named.filter((k) => !all.has(k))).toEqual([]);
  });

  it('the test notices an unused key', () => {
    expect(isUsed('options.nothing.uses.this')).toBe(false);
    expect(isUsed('severity.catastrophic')).toBe(false);
    expect(isUsed('severity.error')).toBe(true);
  });

  it('Japanese strings are translated, not copied (except names and examples)', () => {
    const same = Object.values(NAMESPACES).flatMap((ns) => Object.keys(ns.en).filter((k) => JSON.stringify(ns.en[k]) === JSON.stringify(ns.ja[k])));
    expect(same.sort()).toEqual(['lang.en', 'lang.ja', 'options.sites.placeholder', 'popup.occurrences', 'sendDialog.bcc', 'sendDialog.cc'].sort());
  });

  it('fills placeholders with the engine’s filler and leaves unknown ones visible', () => {
    expect(t('en', 'popup.siteOff', { host: 'mail.example.com' })).toBe('Nemawashi is turned off on mail.example.com.');
    expect(t('ja', 'popup.siteOff', { host: 'mail.example.com' })).toBe('mail.example.com では Nemawashi はオフです。');
    expect(t('en', 'popup.siteOff')).toContain('{host}');
    expect(t('en', 'popup.siteOff', { host: '{item}', item: 'x' })).toBe('Nemawashi is turned off on {item}.');
    expect(fillPlaceholders('a {constructor} b', {})).toBe('a {constructor} b');
  });

  it('picks the plural form with Intl.PluralRules', () => {
    expect(t('en', 'popup.findingCount', { count: 1 })).toBe('1 finding');
    expect(t('en', 'popup.findingCount', { count: 3 })).toBe('3 findings');
    expect(t('en', 'popup.findingCount', { count: 0 })).toBe('0 findings');
    expect(t('ja', 'popup.findingCount', { count: 1 })).toBe('指摘 1 件');
    expect(overlayT('en', 'overlay.badgeLabel', { count: 1 })).toBe('Nemawashi: 1 finding in this draft');
    expect(overlayT('en', 'sendDialog.summary_error', { count: 2 })).toBe('Nemawashi found 2 problems that may hurt trust with these recipients.');
  });

  it('the overlay and the pages share the common words', () => {
    expect(overlayT('ja', 'severity.info')).toBe(t('ja', 'severity.info'));
    expect(overlayT('en', 'action.apply')).toBe('Apply');
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
