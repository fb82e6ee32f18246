/**
 * The shape of Nemawashi's lasting settings (the contract between the settings module, the
 * content script, the popup and the options page). Stored and migrated by src/settings/index.ts.
 */
import type { AudienceMapping } from '../engine/audience';
import type { Region, Sector, Severity, UserPhrase } from '../engine/types';

export type PackMode = 'auto' | 'always' | 'never';
export type UiLanguage = 'auto' | 'en' | 'ja';
/** At Send, hold the mail and ask when the draft has findings of this severity or worse. */
export type SendThreshold = 'off' | 'error' | 'warning';

export interface Settings {
  /** Schema version of the stored object (migrations in src/settings). */
  version: number;
  /** UI and rule-message language; 'auto' follows the browser. */
  language: UiLanguage;
  /** `common` on/off; `ja`/`us`: from recipients (auto), always on, or never. */
  packs: { common: boolean; ja: PackMode; us: PackMode };
  /** Region and sector used for Japanese recipients not in the map. */
  defaultRegion: Region;
  defaultSector: Sector;
  /**
   * Domains, addresses, and display names (kind 'name', for recipients shown without an
   * address) → audience (Japanese with region/sector, or American).
   */
  audienceMap: AudienceMapping[];
  disabledRules: string[];
  severityOverrides: Record<string, Severity>;
  userPhrases: UserPhrase[];
  /** Host names where the extension is turned off by the user. */
  disabledSites: string[];
  /** Host names where the user turned on the generic editor adapter (runtime permission granted). */
  genericSites: string[];
  /**
   * The check at Send (src/content/send-guard.ts): 'error' holds a draft with an error,
   * 'warning' one with a warning or an error, 'off' never holds.
   */
  sendThreshold: SendThreshold;
}

/**
 * Version 1 was the flat pre-release object, 2 the first nested shape (audience map keyed by
 * domain), 3 adds user phrases and generic-editor sites, 4 the send threshold (see src/settings/migrations.ts).
 */
export const SETTINGS_VERSION = 4;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  language: 'auto',
  packs: { common: true, ja: 'auto', us: 'auto' },
  defaultRegion: 'east',
  defaultSector: 'traditional',
  audienceMap: [],
  disabledRules: [],
  severityOverrides: {},
  userPhrases: [],
  disabledSites: [],
  genericSites: [],
  sendThreshold: 'error',
};

/** One problem found in a settings object: where (`audienceMap[2].match`) and what. */
export interface SettingsProblem {
  path: string;
  code:
    | 'json'
    | 'not-object'
    | 'missing'
    | 'unknown-field'
    | 'type'
    | 'enum'
    | 'domain-or-address'
    | 'name'
    | 'host'
    | 'rule-id'
    | 'empty'
    | 'too-long'
    | 'too-many'
    | 'duplicate'
    | 'region-not-ja'
    | 'newer-version'
    | 'old-version'
    | 'too-deep'
    | 'reserved';
  /** What was expected (a type name, the allowed values, a limit). */
  expected?: string;
  /** The offending value, shortened, for the message. */
  found?: string;
}

/** Left in local storage when a corrupted stored setting was replaced by its default. */
export interface SettingsRecovery {
  /** Epoch milliseconds of the repair. */
  at: number;
  /** The paths that were reset or dropped ("language", "audienceMap[3]"). */
  paths: string[];
}
