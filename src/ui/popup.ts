/**
 * The toolbar popup: the focused draft of the active tab (findings grouped by rule, the
 * audience toggles, first contact, pause, turn off on this site), or, when the tab has no
 * compose, the active rule sets and a box to check a pasted draft with the same engine.
 */
import { browser } from 'wxt/browser';
import { PACKS, REGIONS, SECTORS, type Finding, type Lang, type Pack, type Region, type Sector } from '../engine/types';
import { resolveLanguage } from '../i18n';
import { t, type MessageKey } from '../i18n/pages';
import { sendToBackground, sendToTab, type AnswerOf, type ContentProtocol, type ContentRequest, type DraftRequest, type DraftSummary } from '../messages';
import { applyPolicy, getSettings, readPolicy, updateSettings, watchPolicy, watchSettings, isSiteEnabled, type PolicyRead, type SendThreshold, type Settings } from '../settings';
import { announce, h, nextId, rerender, select } from './dom';
import { groupFindings, shortExcerpt } from './findings';
import { sendThresholdControl } from './send-threshold';

/** How often the popup re-reads the draft while open (the user may type in another window). */
const REFRESH_MS = 1500;

/** How long the popup waits for the compose to re-check the draft in a newly chosen language. */
const LANGUAGE_WAIT_MS = 1500;

interface State {
  /** The language the popup is shown in. */
  lang: Lang;
  /**
   * The language the settings ask for. After a change, the popup stays in `lang` until the
   * compose's findings are in `wantLang` too (or LANGUAGE_WAIT_MS has passed): never one popup
   * with headings in one language and findings in the other.
   */
  wantLang: Lang;
  settings: Settings;
  tabId: number | null;
  host: string | null;
  /** undefined while loading; null when the tab has no compose (or no content script). */
  summary: DraftSummary | null | undefined;
  reachable: boolean;
  pasted: { text: string; packs: Pack[]; findings: Finding[] | null };
  status: string;
  /** The organisation's policy (it may set and lock the send threshold). */
  policy: PolicyRead | null;
}

/** A tab whose content script is gone (or never came) may leave the message unanswered. */
const ANSWER_MS = 2000;

function send<M extends ContentRequest>(state: State, req: M): Promise<AnswerOf<ContentProtocol, M['type']> | undefined> {
  if (state.tabId === null || !state.reachable) return Promise.resolve(undefined);
  let timer = 0;
  const timeout = new Promise<undefined>((resolve) => {
    timer = window.setTimeout(() => resolve(undefined), ANSWER_MS);
  });
  const answer = sendToTab(state.tabId, req).catch(() => undefined);
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The tab the popup speaks for: the active tab of the window; or, when the popup page is opened
 * in a tab of its own (end-to-end tests, keyboard users who pin it), the `?tab=<id>` it was given.
 */
async function targetTab(): Promise<{ id: number | null; url: string | undefined }> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d{1,10}$/.test(param)) {
    const tab = await browser.tabs.get(Number(param)).catch(() => undefined);
    if (tab?.id !== undefined) return { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id ?? null, url: tab?.url };
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

/**
 * The engine and the catalogue, loaded when the popup needs them (issue 12): to check a pasted
 * draft, and for the rules' titles when the focused draft has findings. A popup opened on a page
 * with no draft, or a draft with nothing to show, never evaluates them.
 */
type Engine = typeof import('../nemawashi');
let engine: Engine | null = null;
let engineLoading: Promise<Engine> | null = null;
let ruleDescriptions: Map<string, Engine['rules'][number]['description']> | null = null;

function loadEngine(): Promise<Engine> {
  engineLoading ??= import('../nemawashi').then((m) => {
    engine = m;
    ruleDescriptions = new Map(m.rules.map((r) => [r.id, r.description]));
    return m;
  });
  return engineLoading;
}

export async function mountPopup(root: HTMLElement): Promise<void> {
  const settings = await getSettings();
  // The pasted draft is checked as a compose is: with the organisation's policy applied.
  let policy: PolicyRead = await readPolicy();
  watchPolicy((p) => {
    policy = p;
    state.policy = p;
    render();
  });
  const tab = await targetTab();
  // With activeTab (the toolbar click) the URL is known; otherwise ask the background, which
  // heard it from the tab's content script.
  const host =
    hostOf(tab.url) ??
    (tab.id === null
      ? null
      : ((await sendToBackground({ type: 'tab:host', tabId: tab.id }).catch(() => undefined))?.host ?? null));
  const state: State = {
    lang: resolveLanguage(settings.language),
    wantLang: resolveLanguage(settings.language),
    settings,
    tabId: tab.id,
    host,
    summary: undefined,
    reachable: host !== null || tab.url === undefined,
    pasted: {
      text: '',
      packs: PACKS.filter((p) => (p === 'common' ? settings.packs.common : settings.packs[p] !== 'never')),
      findings: null,
    },
    status: '',
    policy,
  };
  const live = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const view = h('div');
  root.replaceChildren(view, live);

  let lastRendered = '';
  // What the view depends on; `undefined` (still loading) must differ from `null` (no compose).
  const renderKey = () => JSON.stringify([state.summary === undefined ? 'loading' : state.summary, state.settings, state.lang, state.pasted.findings]);
  const render = () => {
    document.documentElement.lang = state.lang;
    document.title = t(state.lang, 'popup.title');
    lastRendered = renderKey();
    rerender(view, () => build(state, actions));
  };

  let refreshing = false;
  let languageDeadline = 0;
  let languageTimer = 0;
  /** Show the popup in the language the settings ask for, once the draft's findings are in it. */
  const settleLanguage = () => {
    if (state.lang === state.wantLang) return;
    const summary = state.summary;
    const findingsReady = !summary || summary.lang === state.wantLang || summary.findings.length === 0;
    if (findingsReady || performance.now() >= languageDeadline) {
      state.lang = state.wantLang;
      clearTimeout(languageTimer);
      return;
    }
    // The compose re-checks the draft when it hears of the change: ask again shortly.
    clearTimeout(languageTimer);
    languageTimer = window.setTimeout(() => void refresh(), 100);
  };
  const refresh = async () => {
    if (refreshing) return;
    refreshing = true;
    const summary = await send(state, { type: 'summary:get' }).finally(() => {
      refreshing = false;
    });
    // Findings are titled by their rule's description, from the catalogue.
    if (summary?.findings.length) await loadEngine().catch(() => undefined);
    state.summary = summary ?? null;
    settleLanguage();
    if (renderKey() !== lastRendered) render();
  };

  const actions: Actions = {
    async request(req) {
      const res = await send(state, req);
      if (res?.summary !== undefined) state.summary = res.summary;
      if (req.type === 'finding:apply') announce(live, t(state.lang, res?.ok ? 'popup.applied' : 'popup.applyFailed'));
      render();
      return res?.ok ?? false;
    },
    async setSiteEnabled(enabled) {
      const host = state.host;
      if (!host) return;
      state.settings = await updateSettings((s) => ({
        ...s,
        disabledSites: enabled ? s.disabledSites.filter((x) => x !== host) : [...new Set([...s.disabledSites, host])],
      }));
      render();
      // The content script reacts to the settings change; read its new state.
      setTimeout(() => void refresh(), 200);
    },
    async checkPasted(text, packs) {
      state.pasted = { text, packs, findings: null };
      const { analyze } = engine ?? (await loadEngine());
      // The text or the packs changed while the engine loaded: that check is the one to show.
      if (state.pasted.text !== text || state.pasted.packs !== packs) return;
      const s = applyPolicy(state.settings, policy.policy);
      state.pasted.findings = analyze(
        { body: text },
        {
          packs,
          region: s.defaultRegion,
          sector: s.defaultSector,
          lang: state.wantLang,
          disabledRules: s.disabledRules,
          severityOverrides: s.severityOverrides,
          userPhrases: s.userPhrases,
        },
      );
      render();
      announce(live, t(state.lang, 'popup.findingCount', { count: state.pasted.findings.length }));
    },
    openOptions() {
      void browser.runtime.openOptionsPage();
    },
    async setSendThreshold(value) {
      state.settings = await updateSettings({ sendThreshold: value });
      render();
    },
  };

  watchSettings((s) => {
    state.settings = s;
    const lang = resolveLanguage(s.language);
    if (lang !== state.wantLang) {
      state.wantLang = lang;
      languageDeadline = performance.now() + LANGUAGE_WAIT_MS;
      // A pasted draft's findings are the popup's own: check it again in the new language.
      if (state.pasted.findings) void actions.checkPasted(state.pasted.text, state.pasted.packs);
    }
    settleLanguage();
    render();
    if (state.lang !== state.wantLang) void refresh();
  });
  render();
  await refresh();
  setInterval(() => {
    if (document.visibilityState === 'visible') void refresh();
  }, REFRESH_MS);
}

interface Actions {
  request(req: DraftRequest): Promise<boolean>;
  setSiteEnabled(enabled: boolean): Promise<void>;
  checkPasted(text: string, packs: Pack[]): Promise<void>;
  openOptions(): void;
  setSendThreshold(value: SendThreshold): Promise<void>;
}

function build(state: State, actions: Actions): Node {
  const { lang } = state;
  const header = h(
    'header',
    { class: 'top' },
    h('h1', null, t(lang, 'app.name')),
    h('button', { type: 'button', class: 'link', dataset: { key: 'options' }, on: { click: () => actions.openOptions() } }, t(lang, 'popup.options')),
  );
  if (state.summary === undefined) return h('main', null, header);
  const siteOff = state.host !== null && !isSiteEnabled(state.settings, state.host);
  const body = state.summary && !siteOff ? composeView(state, state.summary, actions) : noComposeView(state, actions, siteOff);
  const threshold = sendThresholdControl(lang, state.settings, state.policy, (v) => void actions.setSendThreshold(v), { id: 'send-threshold', withHelp: false });
  return h('main', null, header, body, threshold);
}

// ── compose mode ────────────────────────────────────────────────────────────

function composeView(state: State, summary: DraftSummary, actions: Actions): Array<Node | null> {
  const { lang } = state;
  return [
    h(
      'p',
      { class: 'meta' },
      summary.subject ? t(lang, 'popup.subject', { subject: shortExcerpt(summary.subject, 60) }) : null,
      summary.subject ? ' · ' : null,
      t(lang, 'popup.words', { count: summary.wordCount }),
      summary.language === 'ja' ? ' · ' : null,
      summary.language === 'ja' ? h('span', { class: 'language', dataset: { key: 'language' } }, t(lang, 'label.draftJapanese')) : null,
    ),
    audienceSection(lang, summary, actions),
    firstContactSection(lang, summary, actions),
    summary.paused ? h('p', { class: 'notice', role: 'status' }, t(lang, 'popup.paused')) : findingsSection(lang, summary.findings, summary.composeId, actions, summary.keys),
    h(
      'div',
      { class: 'row actions' },
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': String(summary.paused),
          dataset: { key: 'pause' },
          on: { click: () => void actions.request({ type: 'draft:pause', composeId: summary.composeId, paused: !summary.paused }) },
        },
        t(lang, summary.paused ? 'popup.resume' : 'popup.pause'),
      ),
      state.host
        ? h('button', { type: 'button', dataset: { key: 'site' }, on: { click: () => void actions.setSiteEnabled(false) } }, t(lang, 'popup.disableSite'))
        : null,
    ),
  ];
}

const TARGET_LABEL: Record<Exclude<Finding['target'], 'body'>, MessageKey> = {
  subject: 'target.subject',
  attachment: 'target.attachment',
  draft: 'target.draft',
};


function findingsSection(lang: Lang, findings: readonly Finding[], composeId: string | null, actions: Actions | null, keys: readonly string[] = []): Node {
  const headingId = nextId('findings');
  const groups = groupFindings(findings);
  return h(
    'section',
    { 'aria-labelledby': headingId, class: 'findings' },
    h('h2', { id: headingId }, t(lang, 'label.findings'), ' ', h('span', { class: 'count' }, `(${findings.length})`)),
    groups.length === 0
      ? h('p', { class: 'ok' }, t(lang, 'popup.noFindings'))
      : h(
          'ul',
          { class: 'groups' },
          groups.map((g) => {
            // A rule's findings carry their own message; the group is titled by the rule.
            const title = ruleDescriptions?.get(g.ruleId)?.[lang] ?? g.message;
            const suggestions = new Set(g.items.map((i) => i.finding.suggestion?.text ?? ''));
            const shared = g.items.length > 1 && suggestions.size === 1 && !g.items.some((i) => i.finding.suggestion?.replacement !== undefined) ? [...suggestions][0]! : '';
            return h(
              'li',
              { class: `group sev-${g.severity}`, dataset: { rule: g.ruleId } },
              h(
                'div',
                { class: 'group-head' },
                h('span', { class: `sev sev-${g.severity}` }, t(lang, `severity.${g.severity}`)),
                h('span', { class: 'message' }, title),
                g.items.length > 1 ? h('span', { class: 'times', 'aria-label': t(lang, 'popup.findingCount', { count: g.items.length }) }, t(lang, 'popup.occurrences', { count: g.items.length })) : null,
              ),
              h(
                'ul',
                { class: 'items' },
                g.items.map(({ finding, index }) => findingItem(lang, finding, index, keys[index], shared !== '', composeId, actions)),
              ),
              shared ? h('p', { class: 'suggestion' }, t(lang, 'popup.suggestion', { text: shared })) : null,
            );
          }),
        ),
  );
}

function findingItem(lang: Lang, f: Finding, index: number, key: string | undefined, sharedSuggestion: boolean, composeId: string | null, actions: Actions | null): Node {
  const where =
    f.target === 'body'
      ? `“${shortExcerpt(f.excerpt)}”`
      : f.excerpt.trim()
        ? `${t(lang, TARGET_LABEL[f.target])}: ${shortExcerpt(f.excerpt, 60)}`
        : t(lang, TARGET_LABEL[f.target]);
  const excerpt =
    composeId && actions
      ? h(
          'button',
          {
            type: 'button',
            class: 'excerpt',
            dataset: { key: `reveal-${index}` },
            // The accessible name contains the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
            'aria-label': t(lang, 'popup.reveal', { excerpt: where }),
            on: { click: () => void (key !== undefined && actions.request({ type: 'finding:reveal', composeId, key })) },
          },
          where,
        )
      : h('span', { class: 'excerpt' }, where);
  const replacement = f.suggestion?.replacement;
  return h(
    'li',
    { class: 'item', dataset: { index: String(index) } },
    excerpt,
    h('p', { class: 'message' }, f.message),
    f.suggestion && !sharedSuggestion ? h('p', { class: 'suggestion' }, t(lang, 'popup.suggestion', { text: f.suggestion.text })) : null,
    replacement !== undefined && composeId && actions && key !== undefined && f.start !== undefined && f.end !== undefined
      ? h(
          'button',
          {
            type: 'button',
            class: 'apply',
            dataset: { key: `apply-${index}` },
            'aria-label': t(lang, 'popup.applyLabel', { text: replacement }),
            // By key and span, checked against the draft as it is when the click arrives: typing
            // since the popup opened must not make Apply replace other words.
            on: { click: () => void actions.request({ type: 'finding:apply', composeId, key, start: f.start!, end: f.end! }) },
          },
          t(lang, 'action.apply'),
        )
      : null,
  );
}

function audienceSection(lang: Lang, summary: DraftSummary, actions: Actions): Node {
  const a = summary.audience;
  const set = (packs: Pack[], region: Region, sector: Sector) =>
    void actions.request({ type: 'draft:set-audience', composeId: summary.composeId, packs, region, sector });
  const toggle = (pack: Pack, on: boolean) =>
    set(on ? [...a.packs, pack] : a.packs.filter((p) => p !== pack), a.region, a.sector);
  const headingId = nextId('audience');
  const checkbox = (pack: Pack) => {
    const id = `pack-${pack}`;
    return h(
      'div',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id,
        dataset: { key: id },
        props: { checked: a.packs.includes(pack) },
        on: { change: (ev) => toggle(pack, (ev.target as HTMLInputElement).checked) },
      }),
      h('label', { for: id }, t(lang, `pack.${pack}`)),
    );
  };
  const jaOn = a.packs.includes('ja');
  const sources = (a.sources as Array<{ pack?: string; address?: string; match?: string }>).map((s) => s.address ?? s.match ?? '').filter((x) => x);
  return h(
    'section',
    { 'aria-labelledby': headingId, class: 'audience' },
    h('h2', { id: headingId }, t(lang, 'popup.audience')),
    h(
      'p',
      { class: `source source-${a.source}` },
      t(lang, a.source === 'auto' ? 'popup.audience.auto' : 'popup.audience.user'),
      a.source === 'user'
        ? h(
            'button',
            { type: 'button', class: 'link', dataset: { key: 'reset-audience' }, on: { click: () => void actions.request({ type: 'draft:reset-audience', composeId: summary.composeId }) } },
            t(lang, 'popup.audience.reset'),
          )
        : null,
    ),
    h('div', { class: 'row packs-row' }, checkbox('ja'), checkbox('us'), checkbox('common')),
    h(
      'div',
      { class: 'sub' },
      h('label', { for: 'region' }, t(lang, 'label.region')),
      select({
        id: 'region',
        key: 'region',
        value: a.region,
        disabled: !jaOn,
        options: REGIONS.map((r) => [r, t(lang, `region.${r}`)]),
        onChange: (v) => set(a.packs, v as Region, a.sector),
      }),
      h('label', { for: 'sector' }, t(lang, 'label.sector')),
      select({
        id: 'sector',
        key: 'sector',
        value: a.sector,
        disabled: !jaOn,
        options: SECTORS.map((s) => [s, t(lang, `sector.${s}`)]),
        onChange: (v) => set(a.packs, a.region, v as Sector),
      }),
    ),
    sources.length > 0 ? h('p', { class: 'hint' }, sources.map((s) => t(lang, 'popup.audience.via', { address: s })).join(' · ')) : null,
  );
}

function firstContactSection(lang: Lang, summary: DraftSummary, actions: Actions): Node {
  const fc = summary.firstContact;
  return h(
    'section',
    { class: 'first-contact row' },
    h('label', { for: 'first-contact' }, t(lang, 'label.firstContact')),
    select({
      id: 'first-contact',
      key: 'first-contact',
      value: fc.override,
      options: [
        ['auto', t(lang, fc.detected ? 'popup.firstContact.detected' : 'popup.firstContact.notDetected')],
        ['yes', t(lang, 'popup.firstContact.yes')],
        ['no', t(lang, 'popup.firstContact.no')],
      ],
      onChange: (v) => void actions.request({ type: 'draft:set-first-contact', composeId: summary.composeId, value: v as 'yes' | 'no' | 'auto' }),
    }),
  );
}

// ── no compose in the tab ───────────────────────────────────────────────────

function noComposeView(state: State, actions: Actions, siteOff: boolean): Array<Node | null> {
  const { lang, settings } = state;
  const packLine = (pack: Pack): string => {
    const name = t(lang, `pack.${pack}`);
    if (pack === 'common') return t(lang, settings.packs.common ? 'popup.packAlways' : 'popup.packNever', { pack: name });
    const mode = settings.packs[pack];
    return t(lang, mode === 'auto' ? 'popup.packsByRecipients' : mode === 'always' ? 'popup.packAlways' : 'popup.packNever', { pack: name });
  };
  const textareaId = 'paste';
  const packsHeading = nextId('packs');
  const chosen = new Set(state.pasted.packs);
  return [
    siteOff
      ? h(
          'div',
          { class: 'notice row' },
          h('p', null, t(lang, 'popup.siteOff', { host: state.host ?? '' })),
          h('button', { type: 'button', dataset: { key: 'site' }, on: { click: () => void actions.setSiteEnabled(true) } }, t(lang, 'popup.enableSite')),
        )
      : h('p', { class: 'notice' }, t(lang, state.reachable ? 'popup.noCompose' : 'popup.unreachable')),
    h(
      'section',
      { 'aria-labelledby': packsHeading },
      h('h2', { id: packsHeading }, t(lang, 'popup.activePacks')),
      h('ul', { class: 'packs' }, PACKS.map((p) => h('li', null, packLine(p)))),
    ),
    h(
      'form',
      {
        class: 'paste',
        on: {
          submit: (ev) => {
            ev.preventDefault();
            const form = ev.currentTarget as HTMLFormElement;
            const text = (form.elements.namedItem(textareaId) as HTMLTextAreaElement).value;
            const packs = PACKS.filter((p) => (form.elements.namedItem(`check-${p}`) as HTMLInputElement).checked);
            actions.checkPasted(text, packs).catch((err: unknown) => console.error('nemawashi popup: the check could not run', err));
          },
        },
      },
      h('label', { for: textareaId }, t(lang, 'popup.paste')),
      h('textarea', { id: textareaId, name: textareaId, rows: 6, dataset: { keep: 'paste', key: 'paste' }, 'aria-describedby': 'paste-help', props: { value: state.pasted.text } }),
      h('p', { id: 'paste-help', class: 'hint' }, t(lang, 'popup.pasteHelp')),
      h(
        'fieldset',
        { class: 'row' },
        h('legend', null, t(lang, 'popup.checkPacks')),
        (['ja', 'us', 'common'] as const).map((p) =>
          h(
            'span',
            { class: 'check' },
            h('input', { type: 'checkbox', id: `check-${p}`, name: `check-${p}`, dataset: { key: `check-${p}` }, props: { checked: chosen.has(p) } }),
            h('label', { for: `check-${p}` }, t(lang, `pack.${p}.short`)),
          ),
        ),
      ),
      h('button', { type: 'submit', class: 'primary', dataset: { key: 'check' } }, t(lang, 'popup.check')),
    ),
    state.pasted.findings ? findingsSection(lang, state.pasted.findings, null, null) : null,
  ];
}
