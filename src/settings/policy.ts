/**
 * The organisation's policy: what an administrator sets for every employee through the browser's
 * enterprise policy (Chrome: `storage.managed`, described by `public/managed-schema.json`;
 * Firefox: policies.json `3rdparty.Extensions`). See docs/admin.md.
 *
 * The policy is read like an imported file: every value is checked with the same checks as the
 * user's settings, and an invalid value is dropped with a problem (its path and why) that the
 * options page shows, never a broken page. The user's own settings are stored apart and never
 * receive the policy's values: `applyPolicy` merges the two each time they are read, so a
 * policy removed by the administrator leaves the user's own choices as they were.
 */
import { browser } from 'wxt/browser';
import type { AudienceMapping } from '../engine/audience';
import { SEVERITIES, type Severity, type UserPhrase } from '../engine/types';
import { userPhraseRuleId } from '../engine/user-phrase-id';
import type { Settings, SettingsProblem } from './types';
import { LIMITS, checkMapping, checkUserPhrase } from './validate';

/** What an administrator can lock ("users may not change this"). */
export const LOCKABLE = ['recipients', 'rules', 'phrases', 'sendThreshold'] as const;
export type Lockable = (typeof LOCKABLE)[number];

export const SEND_THRESHOLDS = ['off', 'error', 'warning'] as const;
export type SendThreshold = (typeof SEND_THRESHOLDS)[number];

export interface RulePolicy {
  /** Forced on (true) or off (false); the user cannot change it. */
  enabled?: boolean;
  /** The rule's severity: the organisation's default, or forced when `rules` is locked. */
  severity?: Severity;
}

/** A policy after validation: only values that passed are here. */
export interface OrgPolicy {
  recipients: AudienceMapping[];
  rules: Record<string, RulePolicy>;
  /** Company phrases, with the administrator's ids (the engine sees them as `org-<id>`). */
  phrases: UserPhrase[];
  sendThreshold?: SendThreshold;
  locked: Lockable[];
}

export interface PolicyRead {
  /** null when no policy is set (or the browser has no managed storage). */
  policy: OrgPolicy | null;
  /** Values that were ignored, with their paths in the policy ("recipients[2].match"). */
  problems: SettingsProblem[];
}

export const NO_POLICY: PolicyRead = { policy: null, problems: [] };

const POLICY_FIELDS = ['recipients', 'rules', 'phrases', 'sendThreshold', 'locked'] as const;
const RULE_ID = /^(?:common|ja|us)\/[a-z0-9-]{1,64}$/;
/** Company phrases take this prefix so their ids never meet the user's own (`phrase-3`). */
const ORG_PREFIX = 'org-';

/** The engine's id of a company phrase (`user/org-<id>` in findings and in disabledRules). */
export function orgPhraseId(adminId: string): string {
  return ORG_PREFIX + adminId;
}

export function isOrgPhraseId(id: string): boolean {
  return id.startsWith(ORG_PREFIX);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function show(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}

/**
 * Keeps the valid elements of a list and reports the others. `key` gives an element's identity
 * for duplicates (the second one is dropped).
 */
function keepValid<T>(
  v: unknown,
  path: string,
  max: number,
  out: SettingsProblem[],
  check: (item: unknown, path: string, problems: SettingsProblem[]) => string | undefined,
): T[] {
  if (!Array.isArray(v)) {
    out.push({ path, code: 'type', expected: 'array', found: typeName(v) });
    return [];
  }
  const kept: T[] = [];
  const seen = new Set<string>();
  v.forEach((item, i) => {
    const p = `${path}[${i}]`;
    if (kept.length >= max) {
      out.push({ path: p, code: 'too-many', expected: String(max) });
      return;
    }
    const problems: SettingsProblem[] = [];
    const key = check(item, p, problems);
    if (problems.length > 0 || key === undefined) {
      out.push(...problems);
      return;
    }
    if (seen.has(key)) {
      out.push({ path: p, code: 'duplicate', found: show(key.split('\u0000').pop()) });
      return;
    }
    seen.add(key);
    kept.push(structuredClone(item) as T);
  });
  return kept;
}

function checkPolicyPhrase(v: unknown, path: string, out: SettingsProblem[]): string | undefined {
  // A company phrase is a user phrase with its note as `message`; its id is the administrator's.
  const key = checkUserPhrase(v, path, out);
  const id = isRecord(v) ? v.id : undefined;
  // Room for the prefix inside the 64 characters an id may have.
  if (typeof id === 'string' && id.length > 64 - ORG_PREFIX.length) out.push({ path: `${path}.id`, code: 'too-long', expected: String(64 - ORG_PREFIX.length) });
  return key === undefined || typeof id !== 'string' ? undefined : `id\u0000${id}`;
}

function readRules(v: unknown, out: SettingsProblem[]): Record<string, RulePolicy> {
  if (!isRecord(v)) {
    out.push({ path: 'rules', code: 'type', expected: 'object', found: typeName(v) });
    return {};
  }
  const rules: Record<string, RulePolicy> = {};
  for (const [id, value] of Object.entries(v).slice(0, LIMITS.rules)) {
    const path = `rules.${id}`;
    if (!RULE_ID.test(id)) {
      out.push({ path, code: 'rule-id', found: show(id) });
      continue;
    }
    if (!isRecord(value)) {
      out.push({ path, code: 'type', expected: 'object', found: typeName(value) });
      continue;
    }
    const rule: RulePolicy = {};
    for (const key of Object.keys(value)) {
      if (key !== 'enabled' && key !== 'severity') out.push({ path: `${path}.${key}`, code: 'unknown-field' });
    }
    if (value.enabled !== undefined) {
      if (typeof value.enabled === 'boolean') rule.enabled = value.enabled;
      else out.push({ path: `${path}.enabled`, code: 'type', expected: 'boolean', found: typeName(value.enabled) });
    }
    if (value.severity !== undefined) {
      if (typeof value.severity === 'string' && (SEVERITIES as readonly string[]).includes(value.severity)) rule.severity = value.severity as Severity;
      else out.push({ path: `${path}.severity`, code: 'enum', expected: SEVERITIES.join(' | '), found: show(value.severity) });
    }
    if (rule.enabled !== undefined || rule.severity !== undefined) rules[id] = rule;
  }
  if (Object.keys(v).length > LIMITS.rules) out.push({ path: 'rules', code: 'too-many', expected: String(LIMITS.rules) });
  return rules;
}

/**
 * Validates what the browser gives for the managed area. Whatever is wrong is dropped (the
 * smallest part: one list element, one rule's field) and reported; the rest applies.
 */
export function parsePolicy(raw: unknown): PolicyRead {
  if (raw === undefined || raw === null) return NO_POLICY;
  const problems: SettingsProblem[] = [];
  if (!isRecord(raw)) return { policy: null, problems: [{ path: '', code: 'not-object', found: typeName(raw) }] };
  // An empty managed area is "no policy" (Chrome answers {} when nothing is set).
  if (Object.keys(raw).length === 0) return NO_POLICY;
  for (const key of Object.keys(raw)) {
    if (!(POLICY_FIELDS as readonly string[]).includes(key)) problems.push({ path: key, code: 'unknown-field' });
  }
  const policy: OrgPolicy = { recipients: [], rules: {}, phrases: [], locked: [] };
  if (raw.recipients !== undefined) {
    // Addresses are taken as the options page takes them: " @Example.co.jp " is example.co.jp.
    const normalised = Array.isArray(raw.recipients)
      ? raw.recipients.map((m) => (isRecord(m) && typeof m.match === 'string' ? { ...m, match: m.match.trim().toLowerCase().replace(/^@/, '') } : m))
      : raw.recipients;
    policy.recipients = keepValid<AudienceMapping>(normalised, 'recipients', LIMITS.audienceMap, problems, checkMapping);
  }
  if (raw.rules !== undefined) policy.rules = readRules(raw.rules, problems);
  if (raw.phrases !== undefined) policy.phrases = keepValid<UserPhrase>(raw.phrases, 'phrases', LIMITS.userPhrases, problems, checkPolicyPhrase);
  if (raw.sendThreshold !== undefined) {
    if (typeof raw.sendThreshold === 'string' && (SEND_THRESHOLDS as readonly string[]).includes(raw.sendThreshold)) policy.sendThreshold = raw.sendThreshold as SendThreshold;
    else problems.push({ path: 'sendThreshold', code: 'enum', expected: SEND_THRESHOLDS.join(' | '), found: show(raw.sendThreshold) });
  }
  if (raw.locked !== undefined) {
    policy.locked = keepValid<Lockable>(raw.locked, 'locked', LOCKABLE.length, problems, (item, path, out) => {
      if (typeof item === 'string' && (LOCKABLE as readonly string[]).includes(item)) return item;
      out.push({ path, code: 'enum', expected: LOCKABLE.join(' | '), found: show(item) });
      return undefined;
    });
  }
  return { policy, problems };
}

export function isLocked(policy: OrgPolicy | null, what: Lockable): boolean {
  return policy !== null && policy.locked.includes(what);
}

function matchKey(m: AudienceMapping): string {
  return m.match.trim().toLowerCase().replace(/^@/, '');
}

/** Whether a user's own recipient row is set aside because a locked policy row has its address. */
export function isUserMappingOverridden(policy: OrgPolicy | null, m: AudienceMapping): boolean {
  return isLocked(policy, 'recipients') && policy!.recipients.some((p) => matchKey(p) === matchKey(m));
}

/**
 * The settings every surface uses: the user's own, with the organisation's on top.
 *
 * - recipients: both lists apply. For the same address or domain the user's row wins, unless
 *   `recipients` is locked, then the organisation's does.
 * - rules: `enabled` forces a rule on or off. `severity` is the organisation's default (a severity
 *   the user chose wins), forced when `rules` is locked.
 * - phrases: the company's phrases are added to the user's (ids `org-<id>`). The user may turn
 *   one off (`user/org-<id>` in disabledRules) unless `phrases` is locked.
 * - sendThreshold: forced when locked; otherwise the user's own (see below).
 *
 * Never throws; with no policy it returns the user's settings unchanged.
 */
export function applyPolicy(user: Settings, policy: OrgPolicy | null): Settings {
  if (!policy) return user;
  const out = structuredClone(user);

  const orgMatches = new Set(policy.recipients.map(matchKey));
  const userMatches = new Set(user.audienceMap.map(matchKey));
  out.audienceMap = isLocked(policy, 'recipients')
    ? [...policy.recipients, ...user.audienceMap.filter((m) => !orgMatches.has(matchKey(m)))]
    : [...user.audienceMap, ...policy.recipients.filter((m) => !userMatches.has(matchKey(m)))];

  const disabled = new Set(user.disabledRules);
  const rulesLocked = isLocked(policy, 'rules');
  for (const [id, rule] of Object.entries(policy.rules)) {
    if (rule.enabled === true) disabled.delete(id);
    if (rule.enabled === false) disabled.add(id);
    if (rule.severity && (rulesLocked || user.severityOverrides[id] === undefined)) out.severityOverrides[id] = rule.severity;
  }

  const orgIds = new Set(policy.phrases.map((p) => orgPhraseId(p.id)));
  // A user's phrase whose id is a company phrase's (a hand-edited import) would share its switch.
  out.userPhrases = [
    ...user.userPhrases.filter((p) => !orgIds.has(p.id)),
    ...policy.phrases.map((p) => ({ ...structuredClone(p), id: orgPhraseId(p.id) })),
  ];
  if (isLocked(policy, 'phrases')) for (const id of orgIds) disabled.delete(userPhraseRuleId(id));
  out.disabledRules = [...disabled];

  // The send threshold (the send-time check's setting) is forced only when locked. Unlocked it
  // could only be a default, and the stored settings always hold a level (their own default,
  // error): an untouched default and a person's choice of error look the same, so an unlocked
  // policy value would either override that choice or never apply. docs/admin.md says so.
  if (policy.sendThreshold && isLocked(policy, 'sendThreshold')) out.sendThreshold = policy.sendThreshold;
  return out;
}

/**
 * Whether the policy keeps this rule on whatever the user does: a rule forced on, or a company
 * phrase when phrases are locked. The card offers no "Turn off" for it.
 */
export function policyKeepsOn(policy: OrgPolicy | null, ruleId: string): boolean {
  if (!policy) return false;
  if (policy.rules[ruleId]?.enabled === true) return true;
  return isLocked(policy, 'phrases') && policy.phrases.some((p) => userPhraseRuleId(orgPhraseId(p.id)) === ruleId);
}

/** The user's `disabledRules` marks of company phrases are kept by updateSettings (see index.ts). */
export function keepsPhraseMark(id: string): boolean {
  return id.startsWith(userPhraseRuleId(ORG_PREFIX));
}

/**
 * Reads the managed area. Firefox throws when no policies.json names the add-on, and a
 * browser without the area has none: both mean "no policy", never an error for the user.
 */
export async function readPolicy(): Promise<PolicyRead> {
  let raw: unknown;
  try {
    const area = browser.storage?.managed;
    if (!area) return NO_POLICY;
    raw = await area.get(null);
  } catch {
    return NO_POLICY;
  }
  try {
    return parsePolicy(raw);
  } catch (err) {
    // parsePolicy is written not to throw; if it ever does, the user's settings still apply.
    return { policy: null, problems: [{ path: '', code: 'type', found: err instanceof Error ? err.message : String(err) }] };
  }
}

/** Calls `cb` with the policy each time the administrator's policy changes (Chrome reloads it live). */
export function watchPolicy(cb: (read: PolicyRead) => void): () => void {
  const onChanged = (_changes: unknown, area: string) => {
    if (area === 'managed') void readPolicy().then(cb);
  };
  try {
    browser.storage.onChanged.addListener(onChanged);
  } catch {
    return () => {};
  }
  return () => browser.storage.onChanged.removeListener(onChanged);
}
