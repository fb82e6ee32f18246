/**
 * The options page: everything that lasts. Recipients, rule sets, the rule catalogue with its
 * switches and severities, the user's phrases, sites, the first-contact history, import and
 * export, the language. Every change is validated by the settings module before it is stored;
 * storage then tells every open tab.
 */
import { browser } from 'wxt/browser';
import type { AudienceMapping } from '../engine/audience';
import { PACKS, REGIONS, SECTORS, SEVERITIES, type Lang, type Pack, type Region, type Sector, type Severity, type UserPhrase } from '../engine/types';
import { resolveLanguage } from '../i18n';
import { t, type MessageKey } from '../i18n/pages';
import { userPhraseRuleId } from '../engine/user-phrase-id';
import { matchEntry, newPhraseId, normalizeHost } from '../settings/normalize';
import { rules } from '../nemawashi';
import { sitePatterns } from '../content/registration';
import {
  SettingsError,
  clearHistory,
  dismissSettingsRecovery,
  exportSettings,
  getSettings,
  getSettingsRecovery,
  historyCount,
  historyItem,
  importSettings,
  readPolicy,
  watchPolicy,
  type PolicyRead,
  settingsRecoveryItem,
  updateSettings,
  watchSettings,
  type PackMode,
  type Settings,
  type SettingsProblem,
  type SettingsRecovery,
  type UiLanguage,
} from '../settings';
import { hostsOf } from '../webmail/hosts';
import { announce, h, rerender, select, type Child } from './dom';
import { sendThresholdControl } from './send-threshold';
import { orgPhrasesTable, orgRecipientRows, overriddenNote, policyNotice, rulePolicyView } from './options-policy';

/** Where Nemawashi runs without asking (the manifest's matches), for the Sites list. */
const BUILT_IN_SITES = hostsOf();


interface State {
  lang: Lang;
  settings: Settings;
  recovery: SettingsRecovery | null;
  /** The organisation's policy, shown beside the user's own settings (options-policy.ts). */
  policy: PolicyRead;
  historyCount: number;
  /** Sites whose optional host permission is granted. */
  granted: Set<string>;
  /** Problems per form ('recipients', 'phrases', 'sites', 'import', or a row key). */
  problems: Map<string, SettingsProblem[] | string>;
}

export function formatProblem(p: SettingsProblem, lang: Lang, withPath = true): string {
  const what = t(lang, `problem.${p.code}`, { expected: p.expected ?? '', found: p.found ?? '' });
  return withPath ? `${p.path || t(lang, 'problem.root')}: ${what}` : what;
}

function problemsOf(err: unknown): SettingsProblem[] {
  if (err instanceof SettingsError) return err.problems;
  return [{ path: '', code: 'type', found: err instanceof Error ? err.message : String(err) }];
}

export async function mountOptions(root: HTMLElement): Promise<void> {
  const settings = await getSettings();
  const state: State = {
    lang: resolveLanguage(settings.language),
    settings,
    recovery: await getSettingsRecovery(),
    policy: await readPolicy(),
    historyCount: await historyCount(),
    granted: new Set(),
    problems: new Map(),
  };
  const live = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const view = h('div');
  root.replaceChildren(view, live);

  const refreshGrants = async () => {
    const granted = new Set<string>();
    for (const host of state.settings.genericSites) {
      const patterns = sitePatterns(host);
      if (patterns.length > 0 && (await browser.permissions.contains({ origins: patterns }).catch(() => false))) granted.add(host);
    }
    state.granted = granted;
  };

  const render = () => {
    document.documentElement.lang = state.lang;
    document.title = t(state.lang, 'options.title');
    rerender(view, () => build(state, actions));
  };

  /** Stores a change; on refusal, keeps the problems for `formKey` and says so. */
  const save = async (formKey: string, update: (s: Settings) => Settings): Promise<boolean> => {
    try {
      state.settings = await updateSettings(update);
      state.problems.delete(formKey);
      render();
      announce(live, t(state.lang, 'options.saved'));
      return true;
    } catch (err) {
      state.problems.set(formKey, problemsOf(err));
      render();
      view.querySelector<HTMLElement>(`[data-problems="${CSS.escape(formKey)}"]`)?.focus();
      return false;
    }
  };

  const actions: Actions = {
    save,
    async addSite(host) {
      const patterns = sitePatterns(host);
      if (patterns.length === 0) {
        state.problems.set('sites', [{ path: 'genericSites', code: 'host', found: JSON.stringify(host) }]);
        render();
        return;
      }
      // Asked first, while the click still counts as a user gesture.
      const granted = await browser.permissions.request({ origins: patterns }).catch(() => false);
      if (!granted) {
        state.problems.set('sites', t(state.lang, 'options.sites.denied', { host }));
        render();
        return;
      }
      if (await save('sites', (s) => ({ ...s, genericSites: s.genericSites.includes(host) ? s.genericSites : [...s.genericSites, host] }))) {
        state.granted.add(host);
        render();
      }
    },
    async regrant(host) {
      const granted = await browser.permissions.request({ origins: sitePatterns(host) }).catch(() => false);
      if (granted) state.granted.add(host);
      else state.problems.set('sites', t(state.lang, 'options.sites.denied', { host }));
      render();
    },
    async removeSite(host) {
      await save('sites', (s) => ({ ...s, genericSites: s.genericSites.filter((x) => x !== host) }));
      await browser.permissions.remove({ origins: sitePatterns(host) }).catch(() => false);
      state.granted.delete(host);
      render();
    },
    async clearHistory() {
      await clearHistory();
      state.historyCount = 0;
      render();
      announce(live, t(state.lang, 'options.history.cleared'));
    },
    async exportFile() {
      const json = await exportSettings();
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = h('a', { href: url, download: `nemawashi-settings-${new Date().toISOString().slice(0, 10)}.json`, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      // The download has started by now; the URL is not needed any more.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    async importFile(file) {
      const result = await importSettings(await file.text());
      if (result.ok) {
        state.settings = result.settings;
        state.problems.delete('import');
        render();
        announce(live, t(state.lang, 'options.backup.imported'));
      } else {
        state.problems.set('import', result.problems);
        render();
        view.querySelector<HTMLElement>('[data-problems="import"]')?.focus();
      }
    },
    async dismissRecovery() {
      await dismissSettingsRecovery();
      state.recovery = null;
      render();
    },
  };

  watchSettings((s) => {
    state.settings = s;
    state.lang = resolveLanguage(s.language);
    void refreshGrants().then(render);
  });
  historyItem.watch((hashes) => {
    state.historyCount = hashes.length;
    render();
  });
  watchPolicy((p) => {
    state.policy = p;
    render();
  });
  settingsRecoveryItem.watch((r) => {
    state.recovery = r;
    render();
  });
  await refreshGrants();
  render();
}

interface Actions {
  save(formKey: string, update: (s: Settings) => Settings): Promise<boolean>;
  addSite(host: string): Promise<void>;
  regrant(host: string): Promise<void>;
  removeSite(host: string): Promise<void>;
  clearHistory(): Promise<void>;
  exportFile(): Promise<void>;
  importFile(file: File): Promise<void>;
  dismissRecovery(): Promise<void>;
}

function build(state: State, actions: Actions): Node {
  const { lang } = state;
  return h(
    'main',
    null,
    h(
      'header',
      { class: 'top' },
      h('h1', null, t(lang, 'options.title')),
      h(
        'div',
        { class: 'lang' },
        h('label', { for: 'language' }, t(lang, 'options.language')),
        select({
          id: 'language',
          key: 'language',
          value: state.settings.language,
          options: (['auto', 'en', 'ja'] as const).map((l) => [l, t(lang, `lang.${l}`)]),
          onChange: (v) => void actions.save('language', (s) => ({ ...s, language: v as UiLanguage })),
        }),
      ),
    ),
    state.recovery ? recoveryNotice(lang, state.recovery, actions) : null,
    policyNotice(lang, state.policy, formatProblem),
    h(
      'nav',
      { class: 'toc', 'aria-label': t(lang, 'options.title') },
      h(
        'ul',
        null,
        (
          [
            ['packs', 'options.packs'],
            ['send-check', 'sendCheck.label'],
            ['recipients', 'options.recipients'],
            ['rules', 'options.rules'],
            ['phrases', 'options.phrases'],
            ['sites', 'options.sites'],
            ['history', 'options.history'],
            ['backup', 'options.backup'],
          ] as Array<[string, MessageKey]>
        ).map(([id, key]) => h('li', null, h('a', { href: `#${id}` }, t(lang, key)))),
      ),
    ),
    packsSection(state, actions),
    section(
      'send-check',
      lang,
      'sendCheck.label',
      null,
      sendThresholdControl(lang, state.settings, state.policy, (v) => void actions.save('sendThreshold', (s) => ({ ...s, sendThreshold: v })), { id: 'send-threshold', withHelp: true }),
      problemList(state, 'sendThreshold'),
    ),
    recipientsSection(state, actions),
    rulesSection(state, actions),
    phrasesSection(state, actions),
    sitesSection(state, actions),
    historySection(state, actions),
    backupSection(state, actions),
  );
}

function section(id: string, lang: Lang, title: MessageKey, help: MessageKey | null, ...children: Child[]): HTMLElement {
  return h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, t(lang, title)), help ? h('p', { class: 'hint' }, t(lang, help)) : null, ...children);
}

/** Problems listed one by one; more are summed up in one line ("and 99,990 more"). */
export const PROBLEMS_SHOWN = 10;

function problemList(state: State, key: string): Node | null {
  const problems = state.problems.get(key);
  if (!problems) return null;
  // A form's problems are about what was just typed; an imported file needs the paths.
  // A broken file can have any number of problems: the first few say what is wrong, the
  // rest are counted (100,000 list items would freeze the page).
  const shown = typeof problems === 'string' ? [] : problems.slice(0, PROBLEMS_SHOWN);
  const items = typeof problems === 'string' ? [problems] : shown.map((p) => formatProblem(p, state.lang, key === 'import'));
  const hidden = typeof problems === 'string' ? 0 : problems.length - shown.length;
  if (hidden > 0) items.push(t(state.lang, 'problems.more', { count: hidden.toLocaleString(state.lang === 'ja' ? 'ja-JP' : 'en-US') }));
  return h(
    'div',
    { class: 'problems', role: 'alert', tabindex: -1, dataset: { problems: key }, id: `${key}-problems` },
    key === 'import' ? h('p', null, t(state.lang, 'options.backup.refused')) : null,
    h('ul', null, items.map((i) => h('li', null, i))),
  );
}

function recoveryNotice(lang: Lang, recovery: SettingsRecovery, actions: Actions): Node {
  const paths = recovery.paths.map((p) => p || t(lang, 'problem.root')).join(', ');
  return h(
    'div',
    { class: 'notice warning row', role: 'alert' },
    h('p', null, t(lang, 'options.recovered', { paths })),
    h('button', { type: 'button', dataset: { key: 'dismiss-recovery' }, on: { click: () => void actions.dismissRecovery() } }, t(lang, 'options.recovered.dismiss')),
  );
}

// ── rule sets ────────────────────────────────────────────────────────────────

function packsSection(state: State, actions: Actions): Node {
  const { lang, settings } = state;
  const row = (id: string, label: string, control: Node) => [h('label', { for: id }, label), control];
  const modeSelect = (pack: 'ja' | 'us') =>
    row(
      `mode-${pack}`,
      t(lang, `pack.${pack}`),
      select({
        id: `mode-${pack}`,
        key: `mode-${pack}`,
        value: settings.packs[pack],
        options: (['auto', 'always', 'never'] as const).map((m) => [m, t(lang, `mode.${m}`)]),
        onChange: (v) => void actions.save('packs', (s) => ({ ...s, packs: { ...s.packs, [pack]: v as PackMode } })),
      }),
    );
  return section(
    'packs',
    lang,
    'options.packs',
    'options.packs.help',
    h(
      'div',
      { class: 'form-grid' },
      row(
        'mode-common',
        t(lang, 'pack.common'),
        h(
          'span',
          null,
          h('input', {
            type: 'checkbox',
            id: 'mode-common',
            dataset: { key: 'mode-common' },
            props: { checked: settings.packs.common },
            on: { change: (ev) => void actions.save('packs', (s) => ({ ...s, packs: { ...s.packs, common: (ev.target as HTMLInputElement).checked } })) },
          }),
        ),
      ),
      modeSelect('ja'),
      modeSelect('us'),
      row(
        'default-region',
        t(lang, 'options.defaultRegion'),
        select({
          id: 'default-region',
          key: 'default-region',
          value: settings.defaultRegion,
          options: REGIONS.map((r) => [r, t(lang, `region.${r}`)]),
          onChange: (v) => void actions.save('packs', (s) => ({ ...s, defaultRegion: v as Region })),
        }),
      ),
      row(
        'default-sector',
        t(lang, 'options.defaultSector'),
        select({
          id: 'default-sector',
          key: 'default-sector',
          value: settings.defaultSector,
          options: SECTORS.map((r) => [r, t(lang, `sector.${r}`)]),
          onChange: (v) => void actions.save('packs', (s) => ({ ...s, defaultSector: v as Sector })),
        }),
      ),
    ),
    problemList(state, 'packs'),
  );
}

// ── recipients ──────────────────────────────────────────────────────────────

function audienceControls(
  lang: Lang,
  idPrefix: string,
  m: Pick<AudienceMapping, 'audience' | 'region' | 'sector'>,
  onChange: (next: Pick<AudienceMapping, 'audience' | 'region' | 'sector'>) => void,
  label: string,
): Node[] {
  const ja = m.audience === 'ja';
  return [
    h(
      'td',
      null,
      select({
        id: `${idPrefix}-audience`,
        key: `${idPrefix}-audience`,
        label: `${t(lang, 'label.audience')}: ${label}`,
        value: m.audience,
        options: [
          ['ja', t(lang, 'options.recipients.japanese')],
          ['us', t(lang, 'options.recipients.american')],
        ],
        onChange: (v) => onChange(v === 'ja' ? { audience: 'ja', region: m.region, sector: m.sector } : { audience: 'us' }),
      }),
    ),
    h(
      'td',
      null,
      ja
        ? select({
            id: `${idPrefix}-region`,
            key: `${idPrefix}-region`,
            label: `${t(lang, 'label.region')}: ${label}`,
            value: m.region ?? '',
            options: [['', '—'] as [string, string]].concat(REGIONS.map((r) => [r, t(lang, `region.${r}`)])),
            onChange: (v) => onChange({ ...m, region: (v || undefined) as Region | undefined }),
          })
        : null,
    ),
    h(
      'td',
      null,
      ja
        ? select({
            id: `${idPrefix}-sector`,
            key: `${idPrefix}-sector`,
            label: `${t(lang, 'label.sector')}: ${label}`,
            value: m.sector ?? '',
            options: [['', '—'] as [string, string]].concat(SECTORS.map((r) => [r, t(lang, `sector.${r}`)])),
            onChange: (v) => onChange({ ...m, sector: (v || undefined) as Sector | undefined }),
          })
        : null,
    ),
  ];
}

/** Drops undefined region/sector so the stored object stays minimal and valid. */
function cleanMapping(m: AudienceMapping): AudienceMapping {
  const out: AudienceMapping = m.kind === 'name' ? { match: m.match, kind: 'name', audience: m.audience } : { match: m.match, audience: m.audience };
  if (m.audience === 'ja' && m.region) out.region = m.region;
  if (m.audience === 'ja' && m.sector) out.sector = m.sector;
  return out;
}

function recipientsSection(state: State, actions: Actions): Node {
  const { lang, settings } = state;
  const map = settings.audienceMap;
  const replaceAt = (i: number, m: AudienceMapping) =>
    void actions.save('recipients', (s) => ({ ...s, audienceMap: s.audienceMap.map((x, j) => (j === i ? cleanMapping(m) : x)) }));
  const headers = h(
    'tr',
    null,
    h('th', { scope: 'col' }, t(lang, 'options.recipients.match')),
    h('th', { scope: 'col' }, t(lang, 'label.audience')),
    h('th', { scope: 'col' }, t(lang, 'label.region')),
    h('th', { scope: 'col' }, t(lang, 'label.sector')),
    h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t(lang, 'action.remove'))),
  );
  return section(
    'recipients',
    lang,
    'options.recipients',
    'options.recipients.help',
    h(
      'table',
      { class: 'table' },
      h('thead', null, headers),
      h(
        'tbody',
        null,
        orgRecipientRows(lang, state.policy.policy),
        map.length === 0 && !state.policy.policy?.recipients.length ? h('tr', null, h('td', { colspan: 5, class: 'hint' }, t(lang, 'options.recipients.empty'))) : null,
        map.map((m, i) =>
          h(
            'tr',
            { dataset: { match: m.match } },
            h(
              'td',
              null,
              h('input', {
                type: 'text',
                id: `map-${i}-match`,
                dataset: { key: `map-${i}-match` },
                'aria-label': `${t(lang, 'options.recipients.match')} ${i + 1}`,
                props: { value: m.match },
                spellcheck: 'false',
                on: {
                  change: (ev) => {
                    const entry = matchEntry((ev.target as HTMLInputElement).value, m.kind === 'name' ? 'name' : 'address');
                    if (entry.match !== m.match) replaceAt(i, { ...m, ...entry });
                  },
                },
              }),
              // Names match recipients shown without an address (set from the compose's badge too).
              m.kind === 'name' ? h('span', { class: 'hint', dataset: { kind: 'name' } }, ` ${t(lang, 'options.recipients.nameTag')}`) : null,
            ),
            audienceControls(lang, `map-${i}`, m, (next) => replaceAt(i, { match: m.match, ...(m.kind ? { kind: m.kind } : {}), ...next }), m.match),
            h(
              'td',
              null,
              h(
                'button',
                {
                  type: 'button',
                  dataset: { key: `map-${i}-remove` },
                  'aria-label': t(lang, 'action.removeItem', { item: m.match }),
                  on: { click: () => void actions.save('recipients', (s) => ({ ...s, audienceMap: s.audienceMap.filter((_, j) => j !== i) })) },
                },
                t(lang, 'action.remove'),
              ),
              overriddenNote(lang, state.policy.policy, m),
            ),
          ),
        ),
      ),
    ),
    problemList(state, 'recipients'),
    h(
      'form',
      {
        class: 'add row',
        'aria-label': t(lang, 'options.recipients.add'),
        on: {
          submit: (ev) => {
            ev.preventDefault();
            const form = ev.currentTarget as HTMLFormElement;
            const get = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
            const audience = get('audience') as 'ja' | 'us';
            const mapping = cleanMapping({
              ...matchEntry(get('match'), get('kind') === 'name' ? 'name' : 'address'),
              audience,
              region: (get('region') || undefined) as Region | undefined,
              sector: (get('sector') || undefined) as Sector | undefined,
            });
            void actions.save('recipients', (s) => ({ ...s, audienceMap: [...s.audienceMap, mapping] })).then((ok) => {
              if (ok) {
                const input = document.getElementById('new-match') as HTMLInputElement | null;
                if (input) {
                  input.value = '';
                  input.focus();
                }
              }
            });
          },
        },
      },
      // Each label stays with its control when the row wraps.
      h(
        'span',
        { class: 'pair' },
        h('label', { for: 'new-match' }, t(lang, 'options.recipients.match')),
        h('input', {
          type: 'text',
          id: 'new-match',
          name: 'match',
          required: true,
          spellcheck: 'false',
          placeholder: t(lang, 'options.recipients.placeholder'),
          dataset: { keep: 'new-match', key: 'new-match' },
          'aria-describedby': state.problems.has('recipients') ? 'recipients-problems' : undefined,
          'aria-invalid': state.problems.has('recipients') ? 'true' : undefined,
        }),
      ),
      h(
        'span',
        { class: 'pair' },
        h('label', { for: 'new-kind' }, t(lang, 'options.recipients.kind')),
        h(
          'select',
          { id: 'new-kind', name: 'kind', dataset: { keep: 'new-kind', key: 'new-kind' } },
          h('option', { value: 'address' }, t(lang, 'options.recipients.kindAddress')),
          h('option', { value: 'name' }, t(lang, 'options.recipients.kindName')),
        ),
      ),
      h(
        'span',
        { class: 'pair' },
        h('label', { for: 'new-audience' }, t(lang, 'label.audience')),
        h(
          'select',
          { id: 'new-audience', name: 'audience', dataset: { keep: 'new-audience', key: 'new-audience' } },
          h('option', { value: 'ja' }, t(lang, 'options.recipients.japanese')),
          h('option', { value: 'us' }, t(lang, 'options.recipients.american')),
        ),
      ),
      h(
        'span',
        { class: 'pair' },
        h('label', { for: 'new-region' }, t(lang, 'label.region')),
        h(
          'select',
          { id: 'new-region', name: 'region', dataset: { keep: 'new-region', key: 'new-region' } },
          h('option', { value: '' }, '—'),
          REGIONS.map((r) => h('option', { value: r }, t(lang, `region.${r}`))),
        ),
      ),
      h(
        'span',
        { class: 'pair' },
        h('label', { for: 'new-sector' }, t(lang, 'label.sector')),
        h(
          'select',
          { id: 'new-sector', name: 'sector', dataset: { keep: 'new-sector', key: 'new-sector' } },
          h('option', { value: '' }, '—'),
          SECTORS.map((r) => h('option', { value: r }, t(lang, `sector.${r}`))),
        ),
      ),
      h('button', { type: 'submit', class: 'primary', dataset: { key: 'add-recipient' } }, t(lang, 'options.recipients.add')),
    ),
  );
}

// ── rules ───────────────────────────────────────────────────────────────────

function exampleText(ex: { text?: string; draft?: { body?: string; subject?: string; attachments?: Array<{ name: string }> } }): string {
  if (ex.text !== undefined) return ex.text;
  const d = ex.draft ?? {};
  return [d.subject ? `Subject: ${d.subject}` : '', d.body ?? '', ...(d.attachments ?? []).map((a) => `📎 ${a.name}`)].filter((x) => x).join('\n');
}

function rulesSection(state: State, actions: Actions): Node {
  const { lang, settings } = state;
  return section(
    'rules',
    lang,
    'options.rules',
    'options.rules.help',
    PACKS.map((pack) => {
      const list = rules.filter((r) => r.pack === pack);
      return h(
        'section',
        { class: 'pack', 'aria-labelledby': `rules-${pack}` },
        h('h3', { id: `rules-${pack}` }, t(lang, `pack.${pack}`), ' ', h('span', { class: 'count' }, `(${t(lang, 'options.rules.count', { count: list.length })})`)),
        h(
          'ul',
          { class: 'rules' },
          list.map((rule) => {
            const org = rulePolicyView(lang, state.policy.policy, rule.id);
            const on = org.forced ?? !settings.disabledRules.includes(rule.id);
            const override = org.severityLocked ? org.severity : settings.severityOverrides[rule.id];
            // The organisation's severity, when the user may change it, is the rule's default.
            const defaultSeverity = org.severity && !org.severityLocked ? t(lang, 'options.policy.orgDefault', { severity: t(lang, `severity.${org.severity}`) }) : t(lang, 'options.rules.default', { severity: t(lang, `severity.${rule.severity}`) });
            const slug = rule.id.replace('/', '-');
            return h(
              'li',
              { class: `rule${on ? '' : ' off'}`, dataset: { rule: rule.id } },
              h(
                'div',
                { class: 'rule-head' },
                h('input', {
                  type: 'checkbox',
                  role: 'switch',
                  id: `rule-${slug}`,
                  dataset: { key: `rule-${slug}` },
                  props: { checked: on, disabled: org.forced !== undefined },
                  'aria-describedby': `rule-${slug}-desc`,
                  on: {
                    change: (ev) => {
                      const checked = (ev.target as HTMLInputElement).checked;
                      void actions.save('rules', (s) => ({
                        ...s,
                        disabledRules: checked ? s.disabledRules.filter((id) => id !== rule.id) : [...s.disabledRules, rule.id],
                      }));
                    },
                  },
                }),
                h('label', { for: `rule-${slug}`, class: 'rule-id' }, rule.id),
                h('span', { id: `rule-${slug}-desc`, class: 'rule-desc' }, rule.description[lang], org.mark ? ' ' : null, org.mark),
                select({
                  id: `sev-${slug}`,
                  key: `sev-${slug}`,
                  label: `${t(lang, 'options.rules.severity')}: ${rule.id}`,
                  value: override ?? '',
                  disabled: org.severityLocked,
                  options: [['', defaultSeverity] as [string, string]].concat(
                    SEVERITIES.map((s) => [s, t(lang, `severity.${s}`)]),
                  ),
                  onChange: (v) =>
                    void actions.save('rules', (s) => {
                      const next = { ...s.severityOverrides };
                      if (v) next[rule.id] = v as Severity;
                      else delete next[rule.id];
                      return { ...s, severityOverrides: next };
                    }),
                }),
              ),
              h(
                'details',
                null,
                h('summary', { dataset: { key: `why-${slug}` } }, t(lang, 'label.why'), ' · ', t(lang, 'options.rules.examples')),
                h('p', null, rule.rationales.default[lang]),
                h('p', { class: 'hint' }, rule.advice[lang]),
                h(
                  'div',
                  { class: 'examples' },
                  h('h4', null, t(lang, 'options.rules.fires')),
                  h('ul', null, rule.examples.fire.slice(0, 3).map((ex) => h('li', null, h('q', null, exampleText(ex))))),
                  h('h4', null, t(lang, 'options.rules.passes')),
                  h('ul', null, rule.examples.pass.slice(0, 3).map((ex) => h('li', null, h('q', null, exampleText(ex))))),
                ),
              ),
            );
          }),
        ),
      );
    }),
    problemList(state, 'rules'),
  );
}

// ── your phrases ───────────────────────────────────────────────────────────

/**
 * The phrase's on/off switch, like a rule's: off is `user/<id>` in disabledRules, the same mark
 * the card's "Turn off phrase" leaves, so either place undoes the other.
 */
function phraseSwitch(i: number, p: UserPhrase, settings: Settings, lang: Lang, actions: Actions): Node {
  const ruleId = userPhraseRuleId(p.id);
  return h(
    'td',
    null,
    h('input', {
      type: 'checkbox',
      role: 'switch',
      id: `phrase-${i}-on`,
      dataset: { key: `phrase-${i}-on` },
      props: { checked: !settings.disabledRules.includes(ruleId) },
      on: {
        change: (ev) => {
          const checked = (ev.target as HTMLInputElement).checked;
          void actions.save('phrases', (s) => {
            const rest = s.disabledRules.filter((id) => id !== ruleId);
            return { ...s, disabledRules: checked ? rest : [...rest, ruleId] };
          });
        },
      },
    }),
    h('label', { for: `phrase-${i}-on`, class: 'sr-only' }, t(lang, 'options.phrases.onItem', { item: p.phrase })),
  );
}

function phrasesSection(state: State, actions: Actions): Node {
  const { lang, settings } = state;
  const packOptions: Array<[string, string]> = PACKS.map((p) => [p, t(lang, `pack.${p}`)]);
  const sevOptions: Array<[string, string]> = SEVERITIES.map((s) => [s, t(lang, `severity.${s}`)]);
  const update = (i: number, patch: Partial<UserPhrase>) =>
    void actions.save('phrases', (s) => ({
      ...s,
      userPhrases: s.userPhrases.map((p, j) => {
        if (j !== i) return p;
        const next: UserPhrase = { ...p, ...patch };
        if (!next.replacement) delete next.replacement;
        return next;
      }),
    }));
  const textCell = (i: number, field: 'phrase' | 'message' | 'replacement', value: string, label: string) =>
    h(
      'td',
      null,
      h('input', {
        type: 'text',
        id: `phrase-${i}-${field}`,
        dataset: { key: `phrase-${i}-${field}` },
        'aria-label': `${label} ${i + 1}`,
        props: { value },
        on: {
          change: (ev) => {
            const v = (ev.target as HTMLInputElement).value;
            update(i, { [field]: field === 'replacement' ? v : v.trim() });
          },
        },
      }),
    );
  return section(
    'phrases',
    lang,
    'options.phrases',
    'options.phrases.help',
    orgPhrasesTable(lang, state.policy.policy, settings, (ruleId, on) =>
      void actions.save('phrases', (s) => {
        const rest = s.disabledRules.filter((id) => id !== ruleId);
        return { ...s, disabledRules: on ? rest : [...rest, ruleId] };
      }),
    ),
    state.policy.policy?.phrases.length ? h('h3', null, t(lang, 'options.phrases')) : null,
    h(
      'table',
      { class: 'table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t(lang, 'options.phrases.on')),
          h('th', { scope: 'col' }, t(lang, 'options.phrases.phrase')),
          h('th', { scope: 'col' }, t(lang, 'options.phrases.pack')),
          h('th', { scope: 'col' }, t(lang, 'options.phrases.message')),
          h('th', { scope: 'col' }, t(lang, 'options.phrases.replacement')),
          h('th', { scope: 'col' }, t(lang, 'options.phrases.severity')),
          h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t(lang, 'action.remove'))),
        ),
      ),
      h(
        'tbody',
        null,
        settings.userPhrases.length === 0 ? h('tr', null, h('td', { colspan: 7, class: 'hint' }, t(lang, 'options.phrases.empty'))) : null,
        settings.userPhrases.map((p, i) =>
          h(
            'tr',
            { class: settings.disabledRules.includes(userPhraseRuleId(p.id)) ? 'off' : undefined, dataset: { phrase: p.id } },
            phraseSwitch(i, p, settings, lang, actions),
            textCell(i, 'phrase', p.phrase, t(lang, 'options.phrases.phrase')),
            h(
              'td',
              null,
              select({ key: `phrase-${i}-pack`, label: `${t(lang, 'options.phrases.pack')}: ${p.phrase}`, value: p.pack, options: packOptions, onChange: (v) => update(i, { pack: v as Pack }) }),
            ),
            textCell(i, 'message', p.message, t(lang, 'options.phrases.message')),
            textCell(i, 'replacement', p.replacement ?? '', t(lang, 'options.phrases.replacement')),
            h(
              'td',
              null,
              select({
                key: `phrase-${i}-severity`,
                label: `${t(lang, 'options.phrases.severity')}: ${p.phrase}`,
                value: p.severity ?? 'warning',
                options: sevOptions,
                onChange: (v) => update(i, { severity: v as Severity }),
              }),
            ),
            h(
              'td',
              null,
              h(
                'button',
                {
                  type: 'button',
                  dataset: { key: `phrase-${i}-remove` },
                  'aria-label': t(lang, 'action.removeItem', { item: p.phrase }),
                  on: { click: () => void actions.save('phrases', (s) => ({ ...s, userPhrases: s.userPhrases.filter((_, j) => j !== i) })) },
                },
                t(lang, 'action.remove'),
              ),
            ),
          ),
        ),
      ),
    ),
    problemList(state, 'phrases'),
    h(
      'form',
      {
        class: 'add grid',
        'aria-label': t(lang, 'options.phrases.add'),
        on: {
          submit: (ev) => {
            ev.preventDefault();
            const form = ev.currentTarget as HTMLFormElement;
            const get = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
            void actions
              .save('phrases', (s) => {
                const phrase: UserPhrase = {
                  id: newPhraseId(s.userPhrases),
                  phrase: get('phrase').trim(),
                  pack: get('pack') as Pack,
                  message: get('message').trim(),
                  severity: get('severity') as Severity,
                };
                const replacement = get('replacement');
                if (replacement.trim()) phrase.replacement = replacement;
                return { ...s, userPhrases: [...s.userPhrases, phrase] };
              })
              .then((ok) => {
                if (!ok) return;
                // The form was rebuilt by the render (keeping what was typed): clear the new one.
                for (const id of ['new-phrase', 'new-phrase-message', 'new-phrase-replacement']) {
                  const input = document.getElementById(id) as HTMLInputElement | null;
                  if (input) input.value = '';
                }
                document.getElementById('new-phrase')?.focus();
              });
          },
        },
      },
      h('label', { for: 'new-phrase' }, t(lang, 'options.phrases.phrase')),
      h('input', { type: 'text', id: 'new-phrase', name: 'phrase', required: true, dataset: { keep: 'new-phrase', key: 'new-phrase' } }),
      h('label', { for: 'new-phrase-pack' }, t(lang, 'options.phrases.pack')),
      h(
        'select',
        { id: 'new-phrase-pack', name: 'pack', dataset: { keep: 'new-phrase-pack', key: 'new-phrase-pack' } },
        PACKS.map((p) => h('option', { value: p, props: { selected: p === 'ja' } }, t(lang, `pack.${p}`))),
      ),
      h('label', { for: 'new-phrase-message' }, t(lang, 'options.phrases.message')),
      h('input', { type: 'text', id: 'new-phrase-message', name: 'message', required: true, dataset: { keep: 'new-phrase-message', key: 'new-phrase-message' } }),
      h('label', { for: 'new-phrase-replacement' }, t(lang, 'options.phrases.replacement')),
      h('input', { type: 'text', id: 'new-phrase-replacement', name: 'replacement', dataset: { keep: 'new-phrase-replacement', key: 'new-phrase-replacement' } }),
      h('label', { for: 'new-phrase-severity' }, t(lang, 'options.phrases.severity')),
      h(
        'select',
        { id: 'new-phrase-severity', name: 'severity', dataset: { keep: 'new-phrase-severity', key: 'new-phrase-severity' } },
        SEVERITIES.map((s) => h('option', { value: s, props: { selected: s === 'warning' } }, t(lang, `severity.${s}`))),
      ),
      h('span'),
      h('button', { type: 'submit', class: 'primary', dataset: { key: 'add-phrase' } }, t(lang, 'options.phrases.add')),
    ),
  );
}

// ── sites ────────────────────────────────────────────────────────────────────

function sitesSection(state: State, actions: Actions): Node {
  const { lang, settings } = state;
  return section(
    'sites',
    lang,
    'options.sites',
    'options.sites.help',
    h('p', null, t(lang, 'options.sites.builtin', { sites: BUILT_IN_SITES.join(', ') })),
    h('h3', null, t(lang, 'options.sites.generic')),
    h(
      'ul',
      { class: 'sites' },
      settings.genericSites.map((host) =>
        h(
          'li',
          { class: 'row', dataset: { site: host } },
          h('span', { class: 'host' }, host),
          state.granted.has(host)
            ? h('span', { class: 'ok' }, t(lang, 'options.sites.granted'))
            : h('button', { type: 'button', dataset: { key: `regrant-${host}` }, on: { click: () => void actions.regrant(host) } }, t(lang, 'options.sites.notGranted')),
          h(
            'button',
            { type: 'button', dataset: { key: `remove-site-${host}` }, 'aria-label': t(lang, 'action.removeItem', { item: host }), on: { click: () => void actions.removeSite(host) } },
            t(lang, 'action.remove'),
          ),
        ),
      ),
    ),
    problemList(state, 'sites'),
    h(
      'form',
      {
        class: 'add row',
        'aria-label': t(lang, 'options.sites.add'),
        on: {
          submit: (ev) => {
            ev.preventDefault();
            const input = (ev.currentTarget as HTMLFormElement).elements.namedItem('host') as HTMLInputElement;
            void actions.addSite(normalizeHost(input.value));
          },
        },
      },
      h('label', { for: 'new-site' }, t(lang, 'options.sites.host')),
      h('input', { type: 'text', id: 'new-site', name: 'host', required: true, spellcheck: 'false', placeholder: t(lang, 'options.sites.placeholder'), dataset: { keep: 'new-site', key: 'new-site' } }),
      h('button', { type: 'submit', class: 'primary', dataset: { key: 'add-site' } }, t(lang, 'options.sites.add')),
    ),
    h('h3', null, t(lang, 'options.sites.disabled')),
    settings.disabledSites.length === 0
      ? h('p', { class: 'hint' }, t(lang, 'options.sites.disabled.empty'))
      : h(
          'ul',
          { class: 'sites' },
          settings.disabledSites.map((host) =>
            h(
              'li',
              { class: 'row', dataset: { disabledSite: host } },
              h('span', { class: 'host' }, host),
              h(
                'button',
                {
                  type: 'button',
                  dataset: { key: `enable-${host}` },
                  'aria-label': `${t(lang, 'options.sites.enable')}: ${host}`,
                  on: { click: () => void actions.save('sites', (s) => ({ ...s, disabledSites: s.disabledSites.filter((x) => x !== host) })) },
                },
                t(lang, 'options.sites.enable'),
              ),
            ),
          ),
        ),
  );
}

// ── history, import/export ─────────────────────────────────────────────────

function historySection(state: State, actions: Actions): Node {
  const { lang } = state;
  return section(
    'history',
    lang,
    'options.history',
    'options.history.help',
    h(
      'div',
      { class: 'row' },
      h('p', { id: 'history-count' }, t(lang, 'options.history.count', { count: state.historyCount })),
      h(
        'button',
        { type: 'button', dataset: { key: 'clear-history' }, props: { disabled: state.historyCount === 0 }, on: { click: () => void actions.clearHistory() } },
        t(lang, 'options.history.clear'),
      ),
    ),
  );
}

function backupSection(state: State, actions: Actions): Node {
  const { lang } = state;
  return section(
    'backup',
    lang,
    'options.backup',
    'options.backup.help',
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', dataset: { key: 'export' }, on: { click: () => void actions.exportFile() } }, t(lang, 'options.backup.export')),
      h('label', { for: 'import-file', class: 'file' }, t(lang, 'options.backup.import')),
      h('input', {
        type: 'file',
        id: 'import-file',
        accept: 'application/json,.json',
        dataset: { key: 'import' },
        'aria-describedby': state.problems.has('import') ? 'import-problems' : undefined,
        on: {
          change: (ev) => {
            const input = ev.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void actions.importFile(file);
            input.value = '';
          },
        },
      }),
    ),
    problemList(state, 'import'),
  );
}
