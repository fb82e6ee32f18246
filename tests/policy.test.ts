/**
 * The organisation's policy (src/settings/policy.ts): read like an import, merged with the
 * user's settings, and described to Chrome by public/managed-schema.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { rules } from '../src/nemawashi';
import {
  DEFAULT_SETTINGS,
  LOCKABLE,
  SEND_THRESHOLDS,
  applyPolicy,
  buildAnalysisContext,
  getEffectiveSettings,
  getSettings,
  parsePolicy,
  readPolicy,
  updateSettings,
  watchEffectiveSettings,
  type OrgPolicy,
  type Settings,
} from '../src/settings';
import { analyze } from '../src/nemawashi';

const ROOT = resolve(import.meta.dirname, '..');
const schema = JSON.parse(readFileSync(resolve(ROOT, 'public/managed-schema.json'), 'utf8')) as SchemaNode;

const user: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  audienceMap: [
    { match: 'bank.co.jp', audience: 'ja', region: 'west' },
    { match: 'mine.example', audience: 'us' },
  ],
  disabledRules: ['us/too-long', 'ja/humor'],
  severityOverrides: { 'ja/pressure': 'info' },
  userPhrases: [{ id: 'phrase-1', phrase: 'circle back', pack: 'us', message: 'Say when.' }],
};

const policy: OrgPolicy = {
  recipients: [
    { match: 'bank.co.jp', audience: 'ja', region: 'east', sector: 'traditional' },
    { match: 'partner.com', audience: 'us' },
  ],
  rules: {
    'ja/humor': { enabled: true },
    'common/shouting': { enabled: false },
    'ja/pressure': { severity: 'error' },
    'us/hedging': { severity: 'error' },
  },
  phrases: [{ id: 'kaizen', phrase: 'at your earliest convenience', pack: 'ja', message: 'Company style: give a date.', replacement: 'by Friday 15 May', severity: 'error' }],
  locked: [],
};

describe('parsePolicy', () => {
  it('no policy: an empty or missing managed area', () => {
    expect(parsePolicy(undefined)).toEqual({ policy: null, problems: [] });
    expect(parsePolicy({})).toEqual({ policy: null, problems: [] });
  });

  it('keeps every valid value and normalises addresses like the options page', () => {
    const read = parsePolicy({ ...policy, recipients: [{ match: ' @Bank.co.jp ', audience: 'ja', region: 'east' }], sendThreshold: 'warning', locked: ['recipients', 'rules'] });
    expect(read.problems).toEqual([]);
    expect(read.policy).toMatchObject({ recipients: [{ match: 'bank.co.jp', audience: 'ja', region: 'east' }], sendThreshold: 'warning', locked: ['recipients', 'rules'] });
    expect(read.policy?.rules).toEqual(policy.rules);
    expect(read.policy?.phrases).toEqual(policy.phrases);
  });

  it('drops each invalid value with its path and keeps the rest (like an import)', () => {
    const read = parsePolicy({
      recipients: [{ match: 'not a domain', audience: 'ja' }, { match: 'ok.co.jp', audience: 'ja' }, { match: 'ok.co.jp', audience: 'us' }, { match: 'acme.com', audience: 'us', region: 'east' }],
      rules: { 'ja/humor': { enabled: 'yes', severity: 'error' }, 'nope': { enabled: true }, 'us/hedging': 'error', 'us/too-long': { enabled: false, colour: 'red' } },
      phrases: [{ id: 'bad id!', phrase: 'x', pack: 'ja', message: 'm' }, { id: 'ok', phrase: 'y', pack: 'xx', message: 'm' }, { id: 'fine', phrase: 'z', pack: 'us', message: 'note' }],
      sendThreshold: 'always',
      locked: ['rules', 'everything'],
      colour: 'blue',
    });
    expect(read.policy).toEqual({
      recipients: [{ match: 'ok.co.jp', audience: 'ja' }],
      rules: { 'ja/humor': { severity: 'error' }, 'us/too-long': { enabled: false } },
      phrases: [{ id: 'fine', phrase: 'z', pack: 'us', message: 'note' }],
      locked: ['rules'],
    });
    expect(read.problems.map((p) => `${p.path} ${p.code}`).sort()).toEqual(
      [
        'colour unknown-field',
        'recipients[0].match domain-or-address',
        'recipients[2] duplicate',
        'recipients[3].region region-not-ja',
        'rules.ja/humor.enabled type',
        'rules.nope rule-id',
        'rules.us/hedging type',
        'rules.us/too-long.colour unknown-field',
        'phrases[0].id enum',
        'phrases[1].pack enum',
        'sendThreshold enum',
        'locked[1] enum',
      ].sort(),
    );
  });

  it('a policy that is not an object is ignored with one problem, never thrown', () => {
    for (const raw of ['text', 42, [1, 2], true]) {
      const read = parsePolicy(raw);
      expect(read.policy).toBeNull();
      expect(read.problems).toHaveLength(1);
    }
    // Whole fields of the wrong type are dropped, not the policy.
    const read = parsePolicy({ recipients: 'a.co.jp', rules: [], phrases: {}, locked: 'rules', sendThreshold: 'error' });
    expect(read.policy).toEqual({ recipients: [], rules: {}, phrases: [], locked: [], sendThreshold: 'error' });
    expect(read.problems.map((p) => p.path).sort()).toEqual(['locked', 'phrases', 'recipients', 'rules']);
  });
});

describe('applyPolicy', () => {
  it('without a policy the user settings are unchanged', () => {
    expect(applyPolicy(user, null)).toBe(user);
  });

  it('recipients: both lists apply; the user row wins for the same address unless locked', () => {
    const open = applyPolicy(user, policy);
    expect(open.audienceMap).toEqual([...user.audienceMap, { match: 'partner.com', audience: 'us' }]);
    const locked = applyPolicy(user, { ...policy, locked: ['recipients'] });
    expect(locked.audienceMap).toEqual([...policy.recipients, { match: 'mine.example', audience: 'us' }]);
    const region = (s: Settings) => buildAnalysisContext(s, [{ address: 'ken@bank.co.jp', field: 'to' as const }]).context.region;
    expect(region(open)).toBe('west');
    expect(region(locked)).toBe('east');
  });

  it('rules: enabled forces on and off; severity is a default the user may change unless locked', () => {
    const open = applyPolicy(user, policy);
    expect(open.disabledRules.sort()).toEqual(['common/shouting', 'us/too-long']);
    expect(open.severityOverrides).toEqual({ 'ja/pressure': 'info', 'us/hedging': 'error' });
    const locked = applyPolicy(user, { ...policy, locked: ['rules'] });
    expect(locked.severityOverrides).toEqual({ 'ja/pressure': 'error', 'us/hedging': 'error' });
  });

  it('phrases: company phrases join the user own as org-<id>; locked ones cannot be turned off', () => {
    const marked = { ...user, disabledRules: [...user.disabledRules, 'user/org-kaizen'] };
    const open = applyPolicy(marked, policy);
    expect(open.userPhrases.map((p) => p.id)).toEqual(['phrase-1', 'org-kaizen']);
    expect(open.disabledRules).toContain('user/org-kaizen');
    const locked = applyPolicy(marked, { ...policy, locked: ['phrases'] });
    expect(locked.disabledRules).not.toContain('user/org-kaizen');
    // A user phrase that took a company phrase's engine id (a hand-edited import) gives way.
    const clash = applyPolicy({ ...user, userPhrases: [{ id: 'org-kaizen', phrase: 'mine', pack: 'us', message: 'x' }] }, policy);
    expect(clash.userPhrases).toEqual([{ ...policy.phrases[0], id: 'org-kaizen' }]);
  });

  it('the merged settings are valid settings and the engine uses them', () => {
    const merged = applyPolicy(user, { ...policy, locked: [...LOCKABLE] });
    const { context } = buildAnalysisContext(merged, [{ address: 'ken@bank.co.jp', field: 'to' as const }]);
    const findings = analyze({ body: 'Please reply at your earliest convenience.', recipients: [{ address: 'ken@bank.co.jp', field: 'to' as const }] }, context);
    expect(findings.find((f) => f.ruleId === 'user/org-kaizen')).toMatchObject({ severity: 'error', suggestion: { replacement: 'by Friday 15 May' } });
  });

  it('sendThreshold: forced when locked; unlocked, the person’s own level stays', () => {
    // The settings gain sendThreshold with the send-time check; written so either shape passes.
    const withLevel = { ...user, sendThreshold: 'off' } as Settings & { sendThreshold: string };
    const level = (s: Settings) => (s as Settings & { sendThreshold?: string }).sendThreshold;
    expect(level(applyPolicy(withLevel, { ...policy, sendThreshold: 'warning' }))).toBe('off');
    expect(level(applyPolicy(withLevel, { ...policy, sendThreshold: 'warning', locked: ['sendThreshold'] }))).toBe('warning');
  });

  it('never changes the user settings object it is given', () => {
    const copy = structuredClone(user);
    applyPolicy(user, { ...policy, locked: [...LOCKABLE] });
    expect(user).toEqual(copy);
  });
});

describe('effective settings from storage.managed', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the policy applies to what the checker reads, and never lands in the user storage', async () => {
    await fakeBrowser.storage.managed.set({ rules: { 'common/shouting': { enabled: false } }, recipients: [{ match: 'partner.com', audience: 'us' }] });
    await updateSettings({ audienceMap: [{ match: 'mine.co.jp', audience: 'ja' }] });
    const effective = await getEffectiveSettings();
    expect(effective.disabledRules).toEqual(['common/shouting']);
    expect(effective.audienceMap.map((m) => m.match)).toEqual(['mine.co.jp', 'partner.com']);
    const own = await getSettings();
    expect(own.disabledRules).toEqual([]);
    expect(own.audienceMap).toEqual([{ match: 'mine.co.jp', audience: 'ja' }]);
    // The options page saves the user's own change; the policy's marks stay out of it.
    await updateSettings((s) => ({ ...s, disabledRules: [...s.disabledRules, 'user/org-kaizen', 'user/gone'] }));
    expect((await getSettings()).disabledRules).toEqual(['user/org-kaizen']);
  });

  it('a policy change reaches the watchers', async () => {
    const seen: Settings[] = [];
    const stop = watchEffectiveSettings((s) => seen.push(s));
    await new Promise((r) => setTimeout(r, 0));
    await fakeBrowser.storage.managed.set({ rules: { 'us/hedging': { enabled: false } } });
    await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(seen.at(-1)?.disabledRules).toEqual(['us/hedging']);
  });

  it('a watcher given the values just read does not read them again, and follows both changes', async () => {
    await fakeBrowser.storage.managed.set({ rules: { 'us/hedging': { enabled: false } } });
    const initial = { user: await getSettings(), policy: await readPolicy() };
    const managed = fakeBrowser.storage.managed;
    const get = managed.get.bind(managed);
    let managedReads = 0;
    managed.get = ((keys?: unknown) => {
      managedReads++;
      return get(keys as never);
    }) as typeof managed.get;
    try {
      const seen: Array<[Settings, string[]]> = [];
      const stop = watchEffectiveSettings((s, p) => seen.push([s, Object.keys(p.policy?.rules ?? {})]), initial);
      await new Promise((r) => setTimeout(r, 10));
      expect(managedReads).toBe(0);
      expect(seen).toEqual([]);
      await updateSettings({ language: 'ja' });
      await new Promise((r) => setTimeout(r, 10));
      // The user's change, with the policy read before: no second read of the managed area.
      expect(managedReads).toBe(0);
      expect(seen.at(-1)?.[0].language).toBe('ja');
      expect(seen.at(-1)?.[0].disabledRules).toEqual(['us/hedging']);
      await fakeBrowser.storage.managed.set({ rules: { 'ja/humor': { enabled: false } } });
      await new Promise((r) => setTimeout(r, 10));
      stop();
      expect(seen.at(-1)?.[0].disabledRules).toEqual(['ja/humor']);
      expect(seen.at(-1)?.[1]).toEqual(['ja/humor']);
    } finally {
      managed.get = get;
    }
  });

  it('a broken managed area means no policy, not a broken checker', async () => {
    const managed = fakeBrowser.storage.managed;
    const get = managed.get;
    managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    try {
      expect(await getEffectiveSettings()).toEqual(await getSettings());
    } finally {
      managed.get = get;
    }
  });
});

// ── the schema Chrome reads (storage.managed_schema) ──────────────────────────────────────────

interface SchemaNode {
  type: string;
  [key: string]: unknown;
}

/**
 * The keywords Chrome's policy schema accepts (components/policy/core/common/schema.cc); an
 * unknown one or a wrong type makes Chrome refuse the schema, and with it the extension.
 */
const CHROME_KEYWORDS = new Set(['type', 'title', 'description', 'properties', 'additionalProperties', 'patternProperties', 'items', 'enum', 'minimum', 'maximum', 'pattern', 'required', 'id', '$ref', 'sensitiveValue']);
const CHROME_TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean', 'null']);

function walkSchema(node: SchemaNode, path: string, out: string[]): void {
  for (const key of Object.keys(node)) if (!CHROME_KEYWORDS.has(key)) out.push(`${path}: keyword ${key}`);
  if (!CHROME_TYPES.has(node.type)) out.push(`${path}: type ${node.type}`);
  if (node.enum !== undefined && (!Array.isArray(node.enum) || node.enum.some((v) => typeof v !== (node.type === 'string' ? 'string' : 'number')))) out.push(`${path}: enum`);
  if (node.type === 'object') {
    for (const [k, child] of Object.entries((node.properties as Record<string, SchemaNode>) ?? {})) walkSchema(child, `${path}.${k}`, out);
    if (node.additionalProperties) walkSchema(node.additionalProperties as SchemaNode, `${path}.*`, out);
  }
  if (node.type === 'array') {
    if (!node.items) out.push(`${path}: array without items`);
    else walkSchema(node.items as SchemaNode, `${path}[]`, out);
  }
}

/** Whether `value` conforms to the schema, as Chrome checks a policy before passing it on. */
export function conforms(node: SchemaNode, value: unknown, path = ''): string[] {
  const out: string[] = [];
  const t = Array.isArray(value) ? 'array' : value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value;
  if (t !== node.type && !(node.type === 'number' && t === 'integer')) return [`${path}: ${t} is not ${node.type}`];
  if (node.enum && !(node.enum as unknown[]).includes(value)) out.push(`${path}: ${String(value)} not in enum`);
  if (node.type === 'object') {
    const props = (node.properties ?? {}) as Record<string, SchemaNode>;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const child = props[k] ?? (node.additionalProperties as SchemaNode | undefined);
      if (!child) out.push(`${path}.${k}: not in schema`);
      else out.push(...conforms(child, v, `${path}.${k}`));
    }
  }
  if (node.type === 'array') (value as unknown[]).forEach((v, i) => out.push(...conforms(node.items as SchemaNode, v, `${path}[${i}]`)));
  return out;
}

describe('public/managed-schema.json', () => {
  it('uses only what Chrome accepts (a schema error would stop the extension from loading)', () => {
    const problems: string[] = [];
    expect(schema.type).toBe('object');
    walkSchema(schema, '', problems);
    expect(problems).toEqual([]);
  });

  it('describes exactly the policy the extension reads', () => {
    const props = schema.properties as Record<string, SchemaNode & { items?: SchemaNode; properties?: Record<string, SchemaNode> }>;
    expect(Object.keys(props).sort()).toEqual(['locked', 'phrases', 'recipients', 'rules', 'sendThreshold']);
    expect(props.locked!.items!.enum).toEqual([...LOCKABLE]);
    expect(props.sendThreshold!.enum).toEqual([...SEND_THRESHOLDS]);
    expect(Object.keys(props.phrases!.items!.properties!).sort()).toEqual(['id', 'message', 'pack', 'phrase', 'replacement', 'severity']);
    expect(Object.keys(props.recipients!.items!.properties!).sort()).toEqual(['audience', 'match', 'region', 'sector']);
  });

  it('a policy that passes the schema is read without a problem, and the reverse', () => {
    const full = { ...policy, sendThreshold: 'error', locked: [...LOCKABLE] };
    expect(conforms(schema, full)).toEqual([]);
    expect(parsePolicy(full).problems).toEqual([]);
    expect(conforms(schema, { locked: ['all'] })).not.toEqual([]);
  });

  it('every rule id the policy names in this test is a catalogue rule', () => {
    const ids = new Set(rules.map((r) => r.id));
    for (const id of Object.keys(policy.rules)) expect(ids.has(id), id).toBe(true);
  });
});

// ── docs/admin.md: every example is the same, valid policy ────────────────────────────────────

describe('docs/admin.md examples', () => {
  const doc = readFileSync(resolve(ROOT, 'docs/admin.md'), 'utf8');
  const blocks = (lang: string) => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```', 'g'))].map((m) => m[1]!);
  const [canonical, linux, firefox] = blocks('json').map((b) => JSON.parse(b) as Record<string, unknown>);

  it('the policy passes the schema, is read without a problem, and names catalogue rules', () => {
    expect(conforms(schema, canonical)).toEqual([]);
    const read = parsePolicy(canonical);
    expect(read.problems).toEqual([]);
    expect(read.policy?.phrases.length).toBeGreaterThan(0);
    const ids = new Set(rules.map((r) => r.id));
    for (const id of Object.keys(read.policy!.rules)) expect(ids.has(id), id).toBe(true);
  });

  it('the Linux policy file and Firefox policies.json carry exactly that policy', () => {
    expect((linux as { '3rdparty': { extensions: Record<string, unknown> } })['3rdparty'].extensions.EXTENSION_ID).toEqual(canonical);
    expect((firefox as { policies: { '3rdparty': { Extensions: Record<string, unknown> } } }).policies['3rdparty'].Extensions['nemawashi@nemawashi']).toEqual(canonical);
  });

  it('the Windows registry values are that policy (lists and objects as JSON strings)', () => {
    const [reg] = blocks('reg');
    const values: Record<string, unknown> = {};
    for (const m of reg!.matchAll(/^"(\w+)"="((?:[^"\\]|\\.)*)"$/gm)) {
      const text = m[2]!.replace(/\\(.)/g, '$1');
      values[m[1]!] = /^[[{]/.test(text) ? JSON.parse(text) : text;
    }
    expect(values).toEqual(canonical);
  });

  it('the macOS profile sets every key of that policy', () => {
    const [xml] = blocks('xml');
    const prefs = xml!.slice(xml!.indexOf('<key>mcx_preference_settings</key>'));
    for (const key of Object.keys(canonical!)) expect(prefs, key).toContain(`<key>${key}</key>`);
    for (const phrase of (canonical!.phrases as Array<{ phrase: string }>)) expect(prefs).toContain(`<string>${phrase.phrase}</string>`);
  });
});

describe('policyKeepsOn (no "Turn off" on the card)', () => {
  it('a rule forced on, and a company phrase only when phrases are locked', async () => {
    const { policyKeepsOn } = await import('../src/settings');
    expect(policyKeepsOn(null, 'ja/humor')).toBe(false);
    expect(policyKeepsOn(policy, 'ja/humor')).toBe(true);
    expect(policyKeepsOn(policy, 'common/shouting')).toBe(false);
    expect(policyKeepsOn(policy, 'us/hedging')).toBe(false);
    expect(policyKeepsOn(policy, 'user/org-kaizen')).toBe(false);
    expect(policyKeepsOn({ ...policy, locked: ['phrases'] }, 'user/org-kaizen')).toBe(true);
    expect(policyKeepsOn({ ...policy, locked: ['phrases'] }, 'user/phrase-1')).toBe(false);
  });
});
