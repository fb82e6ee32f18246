/**
 * The UI's strings: one catalogue in English and Japanese, split into per-surface namespaces
 * (`common`, `overlay`, `pages`) so that the content script, which every webmail tab loads, carries
 * only the overlay's words and not the options page's. Every surface translates the same way:
 * `t(lang, key, data)` from `translator()`, `{name}` filled by the engine's own filler (the one
 * rule messages use), plurals chosen by `Intl.PluralRules`.
 * Rule messages are not here: they live in each rule's file, beside the rule.
 *
 * Why code and not `_locales/*.json` (`browser.i18n.getMessage`): that API always answers in the
 * browser's UI language, while Nemawashi follows the user's own language setting (a Japanese
 * writer may run an English browser) and the CLI's `--lang`, which has no extension API at all.
 * Typed keys also make a missing or misspelt key a compile error.
 */
import { fillPlaceholders } from '../engine/fill';
import type { Lang } from '../engine/types';

export type { Lang };
export const LANGS: readonly Lang[] = ['en', 'ja'];

/** A string that depends on a count: one form per plural category the language has. */
export interface PluralText {
  one?: string;
  other: string;
}
export type Text = string | PluralText;

/** One namespace of the catalogue: the English table fixes the keys, Japanese must have them all. */
export interface Strings<K extends string> {
  en: Readonly<Record<K, Text>>;
  ja: Readonly<Record<K, Text>>;
}

/** The keys of a namespace. */
export type KeyOf<S> = S extends Strings<infer K> ? K : never;

export type Translate<K extends string> = (lang: Lang, key: K, data?: Readonly<Record<string, string | number>>) => string;

const pluralRules = new Map<Lang, Intl.PluralRules>();
function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
}

/** The text of `key` in `lang` (English when a table lacks it), its plural form picked by `data.count`. */
export function localize(text: Text, lang: Lang, data: Readonly<Record<string, string | number>> | undefined): string {
  if (typeof text === 'string') return fillPlaceholders(text, data);
  const count = Number(data?.count ?? NaN);
  const category = Number.isFinite(count) ? pluralCategory(lang, count) : 'other';
  return fillPlaceholders((category === 'one' ? text.one : undefined) ?? text.other, data);
}

/** The `t` of a set of namespaces; each surface builds its own from the namespaces it shows. */
export function translator<N extends ReadonlyArray<Strings<string>>>(...namespaces: N): Translate<KeyOf<N[number]>> {
  type K = KeyOf<N[number]>;
  const tables: Record<Lang, Partial<Record<K, Text>>> = { en: {}, ja: {} };
  for (const ns of namespaces) {
    Object.assign(tables.en, ns.en);
    Object.assign(tables.ja, ns.ja);
  }
  return (lang, key, data) => localize(tables[lang][key] ?? tables.en[key] ?? key, lang, data);
}

/** The browser's UI language, in any extension context (falls back to navigator.language). */
export function browserLanguage(): string | undefined {
  try {
    type WithI18n = { i18n?: { getUILanguage?: () => string } };
    const g = globalThis as { browser?: WithI18n; chrome?: WithI18n };
    const ui = (g.browser ?? g.chrome)?.i18n?.getUILanguage?.();
    if (ui) return ui;
  } catch {
    // Some test environments have no i18n API.
  }
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

/** The settings override wins; 'auto' follows the browser: Japanese for ja*, English otherwise. */
export function resolveLanguage(setting: 'auto' | Lang | undefined, browserLang: string | undefined = browserLanguage()): Lang {
  if (setting === 'en' || setting === 'ja') return setting;
  return browserLang?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
