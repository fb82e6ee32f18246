/**
 * Validation of settings objects (imported files, values read back from storage) and the
 * field-by-field repair of a corrupted stored value. Every check reports a precise path so the
 * options page can say exactly what is wrong.
 */
import { looksLikeName, normalizeName, type AudienceMapping } from '../engine/audience';
import { PACKS, REGIONS, SECTORS, SEVERITIES, type Severity, type UserPhrase } from '../engine/types';
import { RESERVED_PHRASE_ID } from '../engine/user-phrase-id';
import { newPhraseId } from './normalize';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings, type SettingsProblem } from './types';

/** Limits that keep the whole object inside storage.sync's 8 KB per item for typical use. */
export const LIMITS = {
  audienceMap: 300,
  userPhrases: 100,
  sites: 200,
  rules: 200,
  phrase: 200,
  message: 300,
} as const;

const PACK_MODES = ['auto', 'always', 'never'] as const;
const LANGUAGES = ['auto', 'en', 'ja'] as const;
const SEND_THRESHOLDS = ['off', 'error', 'warning'] as const;

// Rule ids are `pack/name` with kebab-case names (RULES.md); bounded, no nested quantifiers.
const RULE_ID = /^(?:common|ja|us)\/[a-z0-9-]{1,64}$/;
// One DNS label: letters (any script, for IDN), digits and hyphens, not at either end.
const LABEL = /^[\p{L}\p{N}-]{1,63}$/u;
// The local part of an address: anything but spaces and "@", as mail clients accept it.
const LOCAL_PART = /^[^\s@]{1,64}$/;
const PHRASE_ID = /^[A-Za-z0-9_-]{1,64}$/;
// What "Turn off" can switch off: a catalogue rule, or one of the user's phrases (user/<its id>).
const DISABLED_ID = /^(?:(?:common|ja|us)\/[a-z0-9-]{1,64}|user\/[A-Za-z0-9_-]{1,64})$/;

type Problems = SettingsProblem[];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function isLabel(label: string): boolean {
  return LABEL.test(label) && !label.startsWith('-') && !label.endsWith('-');
}

/** A host name as `location.hostname` gives it: labels separated by dots ("localhost" too). */
export function isHostName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  return value.split('.').every(isLabel);
}

/** A domain with at least two labels ("example.co.jp"). */
export function isDomain(value: string): boolean {
  return value.includes('.') && isHostName(value);
}

export function isAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  return LOCAL_PART.test(value.slice(0, at)) && isDomain(value.slice(at + 1));
}

function checkEnum<T extends string>(v: unknown, allowed: readonly T[], path: string, out: Problems): v is T {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return true;
  out.push({ path, code: v === undefined ? 'missing' : 'enum', expected: allowed.join(' | '), ...(v === undefined ? {} : { found: show(v) }) });
  return false;
}

function checkBoolean(v: unknown, path: string, out: Problems): boolean {
  if (typeof v === 'boolean') return true;
  out.push(v === undefined ? { path, code: 'missing', expected: 'boolean' } : { path, code: 'type', expected: 'boolean', found: typeName(v) });
  return false;
}

function checkString(v: unknown, path: string, out: Problems, max: number, required = true): v is string {
  if (typeof v !== 'string') {
    out.push(v === undefined ? { path, code: 'missing', expected: 'string' } : { path, code: 'type', expected: 'string', found: typeName(v) });
    return false;
  }
  if (required && v.trim() === '') {
    out.push({ path, code: 'empty' });
    return false;
  }
  if (v.length > max) {
    out.push({ path, code: 'too-long', expected: String(max) });
    return false;
  }
  return true;
}

function checkArray(v: unknown, path: string, out: Problems, max: number): v is unknown[] {
  if (!Array.isArray(v)) {
    out.push(v === undefined ? { path, code: 'missing', expected: 'array' } : { path, code: 'type', expected: 'array', found: typeName(v) });
    return false;
  }
  if (v.length > max) {
    out.push({ path, code: 'too-many', expected: String(max) });
    return false;
  }
  return true;
}

function checkUnknownFields(v: Record<string, unknown>, known: readonly string[], path: string, out: Problems): void {
  for (const key of Object.keys(v)) {
    if (!known.includes(key)) out.push({ path: path ? `${path}.${key}` : key, code: 'unknown-field' });
  }
}

/**
 * An element check adds the problems of one list element to `out` and returns its identity
 * (for duplicates) whenever that part of it is readable, even if other parts are wrong.
 */
interface ListSpec {
  max: number;
  element(v: unknown, path: string, out: Problems): string | undefined;
}

/** Longest display name accepted in the recipients map (webmail pills show far shorter ones). */
export const MAX_NAME_LENGTH = 128;

/**
 * A display name for a recipient shown without an address (a map entry with kind 'name'): not
 * an address or a dotted word (looksLikeName), with a letter, no control characters or angle
 * brackets, at most 128 characters.
 */
export function isRecipientName(value: string): boolean {
  const v = value.trim();
  return v.length <= MAX_NAME_LENGTH && looksLikeName(v) && /\p{L}/u.test(v) && !/[\p{Cc}<>]/u.test(v);
}

export function checkMapping(v: unknown, path: string, out: Problems): string | undefined {
  if (!isRecord(v)) {
    out.push({ path, code: 'type', expected: 'object', found: typeName(v) });
    return undefined;
  }
  checkUnknownFields(v, ['match', 'kind', 'audience', 'region', 'sector'], path, out);
  const byName = v.kind === 'name';
  if (v.kind !== undefined && !byName) checkEnum(v.kind, ['name'] as const, `${path}.kind`, out);
  let key: string | undefined;
  if (checkString(v.match, `${path}.match`, out, 254)) {
    const m = v.match.trim().toLowerCase();
    if (byName) {
      if (isRecipientName(v.match)) key = `name:${normalizeName(v.match)}`;
      else out.push({ path: `${path}.match`, code: 'name', found: show(v.match) });
    } else if (isDomain(m) || isAddress(m)) key = m;
    else out.push({ path: `${path}.match`, code: 'domain-or-address', found: show(v.match) });
  }
  const audienceOk = checkEnum(v.audience, ['ja', 'us'] as const, `${path}.audience`, out);
  for (const [key, allowed] of [
    ['region', REGIONS],
    ['sector', SECTORS],
  ] as const) {
    if (v[key] === undefined) continue;
    if (checkEnum(v[key], allowed, `${path}.${key}`, out) && audienceOk && v.audience !== 'ja') {
      out.push({ path: `${path}.${key}`, code: 'region-not-ja' });
    }
  }
  return key;
}

export function checkUserPhrase(v: unknown, path: string, out: Problems): string | undefined {
  if (!isRecord(v)) {
    out.push({ path, code: 'type', expected: 'object', found: typeName(v) });
    return undefined;
  }
  checkUnknownFields(v, ['id', 'phrase', 'pack', 'message', 'replacement', 'severity'], path, out);
  if (checkString(v.id, `${path}.id`, out, 64) && !PHRASE_ID.test(v.id)) {
    out.push({ path: `${path}.id`, code: 'enum', expected: 'A-Z a-z 0-9 _ -', found: show(v.id) });
  } else if (v.id === RESERVED_PHRASE_ID) {
    // `user/phrases` is the switch for all phrases: a phrase by that id would turn them all off.
    out.push({ path: `${path}.id`, code: 'reserved', found: show(v.id) });
  }
  const phraseOk = checkString(v.phrase, `${path}.phrase`, out, LIMITS.phrase);
  const packOk = checkEnum(v.pack, PACKS, `${path}.pack`, out);
  checkString(v.message, `${path}.message`, out, LIMITS.message);
  if (v.replacement !== undefined) checkString(v.replacement, `${path}.replacement`, out, LIMITS.phrase, false);
  if (v.severity !== undefined) checkEnum(v.severity, SEVERITIES, `${path}.severity`, out);
  return phraseOk && packOk ? `${String(v.pack)}\u0000${String(v.phrase).trim().toLowerCase()}` : undefined;
}

function checkDisabledId(v: unknown, path: string, out: Problems): string | undefined {
  if (!checkString(v, path, out, 80)) return undefined;
  if (!DISABLED_ID.test(v)) {
    out.push({ path, code: 'rule-id', found: show(v) });
    return undefined;
  }
  return v;
}

function checkHost(v: unknown, path: string, out: Problems): string | undefined {
  if (!checkString(v, path, out, 253)) return undefined;
  if (!isHostName(v.toLowerCase())) {
    out.push({ path, code: 'host', found: show(v) });
    return undefined;
  }
  return v.toLowerCase();
}

const LISTS = {
  audienceMap: { max: LIMITS.audienceMap, element: checkMapping },
  disabledRules: { max: LIMITS.rules, element: checkDisabledId },
  userPhrases: { max: LIMITS.userPhrases, element: checkUserPhrase },
  disabledSites: { max: LIMITS.sites, element: checkHost },
  genericSites: { max: LIMITS.sites, element: checkHost },
} satisfies Partial<Record<keyof Settings, ListSpec>>;

type ListField = keyof typeof LISTS;
const LIST_FIELDS = Object.keys(LISTS) as ListField[];

/** Checks a list; duplicates (by the element's key) are reported at the second occurrence. */
function checkList(field: ListField, v: unknown, out: Problems): void {
  const spec: ListSpec = LISTS[field];
  if (!checkArray(v, field, out, spec.max)) return;
  const seen = new Set<string>();
  v.forEach((item, i) => {
    const key = spec.element(item, `${field}[${i}]`, out);
    if (key === undefined) return;
    if (seen.has(key)) out.push({ path: `${field}[${i}]`, code: 'duplicate', found: show(field === 'userPhrases' ? (item as UserPhrase).phrase : field === 'audienceMap' ? (item as AudienceMapping).match : item) });
    seen.add(key);
  });
  if (field === 'userPhrases') {
    const ids = new Set<string>();
    v.forEach((item, i) => {
      const id = isRecord(item) ? item.id : undefined;
      if (typeof id !== 'string') return;
      if (ids.has(id)) out.push({ path: `userPhrases[${i}].id`, code: 'duplicate', found: show(id) });
      ids.add(id);
    });
  }
}

function checkPacks(v: unknown, out: Problems): void {
  if (!isRecord(v)) {
    out.push(v === undefined ? { path: 'packs', code: 'missing', expected: 'object' } : { path: 'packs', code: 'type', expected: 'object', found: typeName(v) });
    return;
  }
  checkUnknownFields(v, PACKS, 'packs', out);
  checkBoolean(v.common, 'packs.common', out);
  checkEnum(v.ja, PACK_MODES, 'packs.ja', out);
  checkEnum(v.us, PACK_MODES, 'packs.us', out);
}

function checkSeverityOverrides(v: unknown, out: Problems): void {
  if (!isRecord(v)) {
    out.push(v === undefined ? { path: 'severityOverrides', code: 'missing', expected: 'object' } : { path: 'severityOverrides', code: 'type', expected: 'object', found: typeName(v) });
    return;
  }
  const keys = Object.keys(v);
  if (keys.length > LIMITS.rules) out.push({ path: 'severityOverrides', code: 'too-many', expected: String(LIMITS.rules) });
  for (const key of keys) {
    const path = `severityOverrides.${key}`;
    if (!RULE_ID.test(key)) out.push({ path, code: 'rule-id', found: show(key) });
    else checkEnum(v[key], SEVERITIES, path, out);
  }
}

const SCALARS: Record<'language' | 'defaultRegion' | 'defaultSector' | 'sendThreshold', readonly string[]> = {
  language: LANGUAGES,
  sendThreshold: SEND_THRESHOLDS,
  defaultRegion: REGIONS,
  defaultSector: SECTORS,
};

const FIELDS = Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>;

function checkField(field: keyof Settings, value: unknown, out: Problems): void {
  switch (field) {
    case 'version':
      if (value !== SETTINGS_VERSION) {
        if (typeof value === 'number' && value > SETTINGS_VERSION) out.push({ path: 'version', code: 'newer-version', expected: String(SETTINGS_VERSION), found: show(value) });
        else out.push(value === undefined ? { path: 'version', code: 'missing', expected: String(SETTINGS_VERSION) } : { path: 'version', code: 'enum', expected: String(SETTINGS_VERSION), found: show(value) });
      }
      return;
    case 'language':
    case 'sendThreshold':
    case 'defaultRegion':
    case 'defaultSector':
      checkEnum(value, SCALARS[field], field, out);
      return;
    case 'packs':
      checkPacks(value, out);
      return;
    case 'severityOverrides':
      checkSeverityOverrides(value, out);
      return;
    default:
      checkList(field, value, out);
  }
}

/**
 * Every problem of a settings object of the current version, each with a path and a code.
 * An empty list means the object can be stored as it is.
 */
export function validateSettings(value: unknown): SettingsProblem[] {
  const out: Problems = [];
  if (!isRecord(value)) {
    out.push({ path: '', code: 'not-object', found: typeName(value) });
    return out;
  }
  checkUnknownFields(value, FIELDS, '', out);
  for (const field of FIELDS) checkField(field, value[field], out);
  return out;
}

/**
 * Repairs a stored value field by field: a field that does not validate takes its default, an
 * invalid element of a list is dropped (the others kept). Returns the repaired settings and the
 * paths that were reset, so the options page can tell the user.
 */
/**
 * A copy of JSON data (what storage holds and what the checks above accept): plain objects,
 * arrays and primitives. structuredClone does the same for these values at a far higher cost per
 * call, and the repair copies each field of the settings at every read (every webmail tab's load).
 */
function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // An own "__proto__" key stays a key (plain assignment would set the prototype).
      if (k === '__proto__') Object.defineProperty(out, k, { value: cloneData(v), enumerable: true, writable: true, configurable: true });
      else out[k] = cloneData(v);
    }
    return out as T;
  }
  return value;
}

export function repairSettings(value: unknown): { settings: Settings; repaired: string[] } {
  const settings = cloneData(DEFAULT_SETTINGS);
  if (value === null || value === undefined) return { settings, repaired: [] };
  if (!isRecord(value)) return { settings, repaired: [''] };
  const repaired: string[] = [];
  const target = settings as unknown as Record<string, unknown>;
  for (const field of FIELDS) {
    if (field === 'version') continue;
    const v = value[field];
    const problems: Problems = [];
    checkField(field, v, problems);
    if (problems.length === 0) {
      target[field] = cloneData(v);
      continue;
    }
    if (field === 'packs' && isRecord(v)) {
      // Keep the pack switches that are valid, default the others.
      const packs = { ...DEFAULT_SETTINGS.packs };
      if (typeof v.common === 'boolean') packs.common = v.common;
      else repaired.push('packs.common');
      for (const p of ['ja', 'us'] as const) {
        const mode = v[p];
        if (typeof mode === 'string' && (PACK_MODES as readonly string[]).includes(mode)) packs[p] = mode as (typeof PACK_MODES)[number];
        else repaired.push(`packs.${p}`);
      }
      settings.packs = packs;
      continue;
    }
    if (field === 'severityOverrides' && isRecord(v)) {
      const kept: Settings['severityOverrides'] = {};
      for (const [key, sev] of Object.entries(v).slice(0, LIMITS.rules)) {
        if (RULE_ID.test(key) && typeof sev === 'string' && (SEVERITIES as readonly string[]).includes(sev)) kept[key] = sev as Severity;
        else repaired.push(`severityOverrides.${key}`);
      }
      settings.severityOverrides = kept;
      continue;
    }
    if ((LIST_FIELDS as string[]).includes(field) && Array.isArray(v)) {
      const spec: ListSpec = LISTS[field as ListField];
      const kept: unknown[] = [];
      const seen = new Set<string>();
      const ids = new Set<string>();
      v.forEach((original, i) => {
        let item: unknown = original;
        if (field === 'userPhrases' && isRecord(item) && item.id === RESERVED_PHRASE_ID) {
          // Stored before the id was reserved: the phrase keeps its words under a fresh id.
          item = { ...item, id: newPhraseId(v.filter(isRecord) as unknown as UserPhrase[]) };
          repaired.push(`${field}[${i}].id`);
        }
        const problems: Problems = [];
        const key = spec.element(item, `${field}[${i}]`, problems);
        const id = field === 'userPhrases' && isRecord(item) ? String(item.id) : undefined;
        if (key === undefined || problems.length > 0 || seen.has(key) || kept.length >= spec.max || (id !== undefined && ids.has(id))) {
          repaired.push(`${field}[${i}]`);
          return;
        }
        seen.add(key);
        if (id !== undefined) ids.add(id);
        kept.push(cloneData(item));
      });
      target[field] = kept;
      continue;
    }
    repaired.push(field);
  }
  return { settings, repaired };
}
