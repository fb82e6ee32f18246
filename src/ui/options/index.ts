/**
 * The options page: everything that lasts. Recipients, rule sets, the rule catalogue with its
 * switches and severities, the user's phrases, sites, the first-contact history, import and
 * export, the language. Every change is validated by the settings module before it is stored;
 * storage then tells every open tab.
 *
 * One module per section (packs, recipients, rules, phrases, sites, history, backup); this one
 * holds the page's state and actions and puts the sections together. Every change re-renders
 * the page from the state (`rerender` in ../dom.ts keeps focus and scroll).
 */
import { browser } from 'wxt/browser';
import type { Lang } from '../../engine/types';
import { resolveLanguage } from '../../i18n';
import { t, type MessageKey } from '../../i18n/pages';
import { sitePatterns } from '../../content/registration';
import { clearHistory, dismissSettingsRecovery, exportSettings, getSettings, getSettingsRecovery, historyCount, historyItem, importSettings, readPolicy, watchPolicy, settingsRecoveryItem, updateSettings, watchSettings, type Settings, type SettingsRecovery, type UiLanguage } from '../../settings';
import { announce, h, rerender, select } from '../dom';
import { sendThresholdControl } from '../send-threshold';
import { policyNotice } from './policy';
import { type State, type Actions, section, problemList, formatProblem, problemsOf } from './shared';
import { packsSection } from './packs';
import { recipientsSection } from './recipients';
import { rulesSection } from './rules';
import { phrasesSection } from './phrases';
import { sitesSection } from './sites';
import { historySection } from './history';
import { backupSection } from './backup';

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

function recoveryNotice(lang: Lang, recovery: SettingsRecovery, actions: Actions): Node {
  const paths = recovery.paths.map((p) => p || t(lang, 'problem.root')).join(', ');
  return h(
    'div',
    { class: 'notice warning row', role: 'alert' },
    h('p', null, t(lang, 'options.recovered', { paths })),
    h('button', { type: 'button', dataset: { key: 'dismiss-recovery' }, on: { click: () => void actions.dismissRecovery() } }, t(lang, 'options.recovered.dismiss')),
  );
}
