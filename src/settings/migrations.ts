/**
 * The shapes earlier versions stored under `sync:settings`, and the steps from each to the next.
 * @wxt-dev/storage runs them in order from the stored version (its `settings$` meta; a value
 * without meta is version 1) up to SETTINGS_VERSION; importSettings runs the same steps on an
 * exported file. Steps are defensive: a malformed old field is passed on as it is and the
 * field-by-field repair that follows every read puts its default in its place.
 */
import type { AudienceMapping } from '../engine/audience';
import type { Region, Sector, Severity } from '../engine/types';
import type { PackMode, Settings, UiLanguage } from './types';

/** v1 (pre-release 0.0.x): a flat object, no version field. */
export interface SettingsV1 {
  lang?: 'auto' | 'en' | 'ja';
  commonPack?: boolean;
  japanesePack?: 'auto' | 'on' | 'off';
  americanPack?: 'auto' | 'on' | 'off';
  japanRegion?: 'tokyo' | 'osaka';
  japanSector?: Sector;
  /** Domains whose recipients are Japanese / American. */
  jpDomains?: string[];
  usDomains?: string[];
  /** Comma-separated rule ids. */
  disabledRuleIds?: string;
  pausedSites?: string[];
}

/** v2 (0.0.2): nested packs; the audience map keyed by domain or address. */
export interface SettingsV2 {
  version: 2;
  language: UiLanguage;
  packs: { common: boolean; ja: PackMode; us: PackMode };
  defaultRegion: Region;
  defaultSector: Sector;
  audienceMap: Record<string, { audience: 'ja' | 'us'; region?: Region; sector?: Sector }>;
  disabledRules: string[];
  severityOverrides: Record<string, Severity>;
  disabledSites: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const PACK_MODE_V1: Record<string, PackMode> = { auto: 'auto', on: 'always', off: 'never' };
const REGION_V1: Record<string, Region> = { tokyo: 'east', osaka: 'west' };

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** v1 → v2: nest the pack switches, rename the regions, turn the domain lists into a map. */
export function migrateV1toV2(old: unknown): SettingsV2 | unknown {
  if (!isRecord(old)) return old;
  const v1 = old as SettingsV1 & Record<string, unknown>;
  const audienceMap: SettingsV2['audienceMap'] = {};
  for (const d of strings(v1.jpDomains)) audienceMap[d.trim().toLowerCase()] = { audience: 'ja' };
  for (const d of strings(v1.usDomains)) audienceMap[d.trim().toLowerCase()] ??= { audience: 'us' };
  return {
    version: 2,
    language: v1.lang ?? 'auto',
    packs: {
      common: v1.commonPack ?? true,
      ja: PACK_MODE_V1[String(v1.japanesePack ?? 'auto')] ?? (v1.japanesePack as PackMode),
      us: PACK_MODE_V1[String(v1.americanPack ?? 'auto')] ?? (v1.americanPack as PackMode),
    },
    defaultRegion: REGION_V1[String(v1.japanRegion ?? 'tokyo')] ?? (v1.japanRegion as Region),
    defaultSector: v1.japanSector ?? 'traditional',
    audienceMap,
    disabledRules:
      typeof v1.disabledRuleIds === 'string'
        ? v1.disabledRuleIds
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : [],
    severityOverrides: {},
    disabledSites: strings(v1.pausedSites).map((s) => s.toLowerCase()),
  } satisfies SettingsV2;
}

/** v2 → v3: the audience map becomes an ordered list; user phrases and generic sites appear. */
export function migrateV2toV3(old: unknown): SettingsV3 | unknown {
  if (!isRecord(old)) return old;
  const v2 = old as Partial<SettingsV2> & Record<string, unknown>;
  const audienceMap: AudienceMapping[] = [];
  if (isRecord(v2.audienceMap)) {
    for (const [match, target] of Object.entries(v2.audienceMap)) {
      if (!isRecord(target)) continue;
      audienceMap.push({ match, ...(target as Omit<AudienceMapping, 'match'>) });
    }
  }
  return {
    ...v2,
    version: 3,
    audienceMap,
    userPhrases: [],
    genericSites: [],
  } as SettingsV3;
}

/** v3 (0.1.0): everything but the send threshold. */
export type SettingsV3 = Omit<Settings, 'version' | 'sendThreshold'> & { version: 3 };

/**
 * v3 → v4: the check at Send arrives, on for errors (the default). A user who upgrades gets it
 * like a new user: it only ever asks, and 'off' is one click away in the popup.
 */
export function migrateV3toV4(old: unknown): Settings | unknown {
  if (!isRecord(old)) return old;
  return { ...old, version: 4, sendThreshold: 'error' } as Settings;
}

/** The steps by target version, as @wxt-dev/storage expects them. */
export const MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: migrateV1toV2,
  3: migrateV2toV3,
  4: migrateV3toV4,
};

/** Runs the steps from `fromVersion` up to `toVersion` (an exported file of an older version). */
export function migrate(value: unknown, fromVersion: number, toVersion: number): unknown {
  let v = value;
  for (let target = fromVersion + 1; target <= toVersion; target++) {
    const step = MIGRATIONS[target];
    if (step) v = step(v);
  }
  return v;
}
