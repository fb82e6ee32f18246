/**
 * Every stored item of Nemawashi, defined once (@wxt-dev/storage): the synced settings with
 * their versioned migrations, the repair note, and (history.ts) the local first-contact history.
 *
 * Every context (background, content scripts, popup, options) reads through here. A stored
 * value is repaired field by field on read: a corrupted field falls back to its default, the
 * other fields are kept, and the repair is noted for the options page.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { USER_PHRASES_SWITCH, isUserPhraseRuleId, userPhraseRuleId } from '../engine/user-phrase-id';
import { MIGRATIONS, migrate } from './migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings, type SettingsProblem, type SettingsRecovery } from './types';
import { repairSettings, validateSettings } from './validate';
import { applyPolicy, keepsPhraseMark, readPolicy, watchPolicy, type PolicyRead } from './policy';
import { lazyItem } from './lazy-item';
import { readStoredSettings, SETTINGS_KEY } from './stored';

export * from './types';
export { validateSettings, repairSettings, isDomain, isAddress, isHostName, LIMITS } from './validate';
export { migrate, migrateV1toV2, migrateV2toV3, migrateV3toV4, type SettingsV1, type SettingsV2, type SettingsV3 } from './migrations';
export {
  hasWrittenTo,
  recordSent,
  historyCount,
  clearHistory,
  lookupHistory,
  historyChecker,
  hashAddress,
  normalizeAddress,
  historyItem,
  HISTORY_LIMIT,
} from './history';
export {
  applyPolicy,
  parsePolicy,
  readPolicy,
  watchPolicy,
  isLocked,
  isOrgPhraseId,
  isUserMappingOverridden,
  orgPhraseId,
  policyKeepsOn,
  LOCKABLE,
  NO_POLICY,
  SEND_THRESHOLDS,
  type Lockable,
  type OrgPolicy,
  type PolicyRead,
  type RulePolicy,
  type SendThreshold,
} from './policy';
export {
  buildAnalysisContext,
  resolveDraftAudience,
  isSiteEnabled,
  type AudienceOverride,
  type ResolvedAudience,
  type ContextOptions,
} from './context';

// Defined on first use (lazy-item.ts): defining an item reads storage at once, and a webmail tab
// reads its settings with one call (readStoredSettings).
export const settingsItem = lazyItem(() =>
  storage.defineItem<Settings>(`sync:${SETTINGS_KEY}`, {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: MIGRATIONS,
  }),
);

/** Set when a stored value had to be repaired; cleared when the user dismisses the notice. */
export const settingsRecoveryItem = lazyItem(() =>
  storage.defineItem<SettingsRecovery | null>('local:settingsRecovery', {
    fallback: null,
  }),
);

/** storage.sync refuses an item above 8,192 bytes (QUOTA_BYTES_PER_ITEM), key included. */
export const SYNC_ITEM_LIMIT = 8192;

export class SettingsError extends Error {
  constructor(
    readonly problems: SettingsProblem[],
    message = describeProblems(problems),
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** A plain English description, for logs and errors; the UI formats problems with i18n. */
export function describeProblems(problems: readonly SettingsProblem[]): string {
  return problems
    .map((p) => `${p.path || '(root)'}: ${p.code}${p.expected ? ` (expected ${p.expected})` : ''}${p.found ? ` (found ${p.found})` : ''}`)
    .join('; ');
}

async function noteRepair(paths: string[]): Promise<void> {
  const previous = await settingsRecoveryItem.getValue();
  const all = [...new Set([...(previous?.paths ?? []), ...paths])];
  await settingsRecoveryItem.setValue({ at: Date.now(), paths: all });
}

function repairOnRead(raw: unknown): { settings: Settings; repaired: string[] } {
  return repairSettings(raw ?? DEFAULT_SETTINGS);
}

/**
 * The stored settings as the settings item would give them, in one storage call when they are
 * at the current version (the usual case). A value stored by an older version goes through the
 * item, which migrates it and stores the result.
 */
async function currentStoredSettings(): Promise<unknown> {
  const stored = await readStoredSettings();
  if (!stored) return settingsItem.getValue();
  if (stored.value === null) return null;
  return stored.version === SETTINGS_VERSION ? stored.value : settingsItem.getValue();
}

export async function getSettings(): Promise<Settings> {
  const raw: unknown = await currentStoredSettings();
  const { settings, repaired } = repairOnRead(raw);
  if (repaired.length > 0) {
    // Store the repaired value so every context reads the same thing, and say so once.
    await Promise.all([settingsItem.setValue(settings), noteRepair(repaired)]);
  }
  return settings;
}

/**
 * Calls `cb` with the new settings whenever they change, in any context (storage change events
 * reach every tab at once). Returns the function that stops watching.
 */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  // Through storage.onChanged, which the policy's watcher listens to as well, rather than the
  // item's watch (storage.sync.onChanged): Chromium makes each event object's bindings on first
  // use, and that was part of every webmail tab's load (issue 12). Same filter as the item's:
  // this key in the sync area, and a value that changed.
  const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => {
    const change = area === 'sync' ? changes[SETTINGS_KEY] : undefined;
    if (!change || sameData(change.newValue, change.oldValue)) return;
    cb(repairOnRead(change.newValue ?? null).settings);
  };
  try {
    browser.storage.onChanged.addListener(listener);
  } catch {
    return () => {};
  }
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Whether two stored values (JSON data) are the same. */
function sameData(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * The settings the checker uses: the user's, with the organisation's policy applied (policy.ts).
 * Edits still go through getSettings/updateSettings, which never see the policy's values.
 */
export async function getEffectiveSettings(): Promise<Settings> {
  const [settings, policy] = await Promise.all([getSettings(), readPolicy()]);
  return applyPolicy(settings, policy.policy);
}

/** Like watchSettings, for the effective settings: fires when either the user's or the policy changes. */
export function watchEffectiveSettings(
  cb: (settings: Settings, policy: PolicyRead) => void,
  /** The user's settings and the policy as the caller has just read them: not read again. */
  initial?: { user: Settings; policy: PolicyRead },
): () => void {
  let user: Settings | undefined = initial?.user;
  let policy: PolicyRead | undefined = initial?.policy;
  const emit = () => {
    if (user && policy) cb(applyPolicy(user, policy.policy), policy);
  };
  const ready = initial
    ? Promise.resolve()
    : Promise.all([getSettings(), readPolicy()]).then(([s, p]) => {
        user ??= s;
        policy ??= p;
      });
  const stopSettings = watchSettings((s) => {
    user = s;
    void ready.then(emit);
  });
  const stopPolicy = watchPolicy((p) => {
    policy = p;
    void ready.then(emit);
  });
  return () => {
    stopSettings();
    stopPolicy();
  };
}

export type SettingsUpdate = Partial<Omit<Settings, 'version'>> | ((current: Settings) => Settings);

function checkSize(settings: Settings): void {
  const bytes = new TextEncoder().encode('settings' + JSON.stringify(settings)).length;
  if (bytes > SYNC_ITEM_LIMIT) {
    throw new SettingsError([{ path: '', code: 'too-long', expected: `${SYNC_ITEM_LIMIT} bytes`, found: `${bytes} bytes` }]);
  }
}

/**
 * A phrase turned off from the card is `user/<id>` in disabledRules. When the phrase is removed
 * its mark goes too: the options page reuses free ids, and a new phrase must not start off.
 * (`USER_PHRASES_SWITCH`, `user/phrases`, is the engine's switch for all of them.)
 */
function withoutRemovedPhrases(settings: Settings): string[] {
  if (!Array.isArray(settings.disabledRules) || !Array.isArray(settings.userPhrases)) return settings.disabledRules;
  const ids = new Set(settings.userPhrases.map((p) => userPhraseRuleId(String(p?.id))));
  // Company phrases (user/org-<id>) come from the policy, not from these settings: their marks stay.
  return settings.disabledRules.filter((id) => typeof id !== 'string' || !isUserPhraseRuleId(id) || id === USER_PHRASES_SWITCH || keepsPhraseMark(id) || ids.has(id));
}

/**
 * Applies a shallow patch (or an updater on a copy) and stores the result if it validates;
 * throws SettingsError with the problems otherwise, leaving storage untouched.
 */
export async function updateSettings(update: SettingsUpdate): Promise<Settings> {
  const current = await getSettings();
  const next: Settings =
    typeof update === 'function' ? update(structuredClone(current)) : { ...current, ...structuredClone(update) };
  next.version = SETTINGS_VERSION;
  next.disabledRules = withoutRemovedPhrases(next);
  const problems = validateSettings(next);
  if (problems.length > 0) throw new SettingsError(problems);
  checkSize(next);
  await settingsItem.setValue(next);
  return next;
}

export async function resetSettings(): Promise<void> {
  await settingsItem.setValue(structuredClone(DEFAULT_SETTINGS));
}

export async function exportSettings(): Promise<string> {
  return JSON.stringify(await getSettings(), null, 2) + '\n';
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

/**
 * What an imported file may be. An export is a few kilobytes (storage.sync keeps 8 KB per item)
 * nested three levels deep; anything far bigger or deeper is not a settings file, and checking
 * it would only cost time (and, nested 200,000 deep, overflow the stack of the recursive checks).
 */
export const IMPORT_LIMITS = { bytes: 512 * 1024, depth: 16 } as const;

/** How deep `json`'s arrays and objects nest, counted without parsing; stops past `max`. */
export function jsonDepth(json: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** Parses, migrates (files exported by an earlier version) and validates, without storing. */
export function parseSettingsFile(json: string): ImportResult {
  if (json.length > IMPORT_LIMITS.bytes) {
    return { ok: false, problems: [{ path: '', code: 'too-long', expected: `${IMPORT_LIMITS.bytes / 1024} KB`, found: `${Math.ceil(json.length / 1024)} KB` }] };
  }
  if (jsonDepth(json, IMPORT_LIMITS.depth) > IMPORT_LIMITS.depth) {
    return { ok: false, problems: [{ path: '', code: 'too-deep', expected: String(IMPORT_LIMITS.depth) }] };
  }
  try {
    return parseChecked(json);
  } catch (err) {
    // The limits above keep the checks small; should one still fail, the file is refused, the
    // page does not break and nothing is stored.
    return { ok: false, problems: [{ path: '', code: 'json', found: err instanceof Error ? err.message.slice(0, 80) : String(err).slice(0, 80) }] };
  }
}

function parseChecked(json: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { ok: false, problems: [{ path: '', code: 'json', found: err instanceof Error ? err.message : String(err) }] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: validateSettings(value) };
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, problems: [{ path: 'version', code: version === undefined ? 'missing' : 'type', expected: String(SETTINGS_VERSION) }] };
  }
  if (version > SETTINGS_VERSION) {
    return { ok: false, problems: [{ path: 'version', code: 'newer-version', expected: String(SETTINGS_VERSION), found: String(version) }] };
  }
  // Version 1 never had an export; a file claiming it is not ours.
  if (version < 2) {
    return { ok: false, problems: [{ path: 'version', code: 'old-version', expected: `2–${SETTINGS_VERSION}`, found: String(version) }] };
  }
  const migrated = migrate(value, version, SETTINGS_VERSION);
  const problems = validateSettings(migrated);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: migrated as Settings };
}

/** Replaces all settings with a file's, or changes nothing and says what is wrong. */
export async function importSettings(json: string): Promise<ImportResult> {
  const result = parseSettingsFile(json);
  if (!result.ok) return result;
  try {
    checkSize(result.settings);
  } catch (err) {
    if (err instanceof SettingsError) return { ok: false, problems: err.problems };
    throw err;
  }
  await settingsItem.setValue(result.settings);
  return result;
}

export async function getSettingsRecovery(): Promise<SettingsRecovery | null> {
  return settingsRecoveryItem.getValue();
}

export async function dismissSettingsRecovery(): Promise<void> {
  await settingsRecoveryItem.removeValue();
}
