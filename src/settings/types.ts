/**
 * The shape of Nemawashi's lasting settings (the contract between the settings module, the
 * content script, the popup and the options page). Stored and migrated by src/settings/index.ts.
 */
import type { AudienceMapping } from '../engine/audience';
import type { Region, Sector, Severity, UserPhrase } from '../engine/types';

export type PackMode = 'auto' | 'always' | 'never';
export type UiLanguage = 'auto' | 'en' | 'ja';

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
  /** Domains and addresses → audience (Japanese with region/sector, or American). */
  audienceMap: AudienceMapping[];
  disabledRules: string[];
  severityOverrides: Record<string, Severity>;
  userPhrases: UserPhrase[];
  /** Host names where the extension is turned off by the user. */
  disabledSites: string[];
  /** Host names where the user turned on the generic editor adapter (runtime permission granted). */
  genericSites: string[];
}

export const SETTINGS_VERSION = 1;

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
};
