/**
 * What every section of the options page shares: the page's state, the actions a section may
 * take, a section's frame and the list of problems a refused change left.
 */
import type { Lang } from '../../engine/types';
import { t, type MessageKey } from '../../i18n/pages';
import { SettingsError, type PolicyRead, type Settings, type SettingsProblem, type SettingsRecovery } from '../../settings';
import { h, type Child } from '../dom';

export interface State {
  lang: Lang;
  settings: Settings;
  recovery: SettingsRecovery | null;
  /** The organisation's policy, shown beside the user's own settings (policy.ts). */
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

export function problemsOf(err: unknown): SettingsProblem[] {
  if (err instanceof SettingsError) return err.problems;
  return [{ path: '', code: 'type', found: err instanceof Error ? err.message : String(err) }];
}

export interface Actions {
  save(formKey: string, update: (s: Settings) => Settings): Promise<boolean>;
  addSite(host: string): Promise<void>;
  regrant(host: string): Promise<void>;
  removeSite(host: string): Promise<void>;
  clearHistory(): Promise<void>;
  exportFile(): Promise<void>;
  importFile(file: File): Promise<void>;
  dismissRecovery(): Promise<void>;
}

export function section(id: string, lang: Lang, title: MessageKey, help: MessageKey | null, ...children: Child[]): HTMLElement {
  return h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, t(lang, title)), help ? h('p', { class: 'hint' }, t(lang, help)) : null, ...children);
}

/** Problems listed one by one; more are summed up in one line ("and 99,990 more"). */
export const PROBLEMS_SHOWN = 10;

export function problemList(state: State, key: string): Node | null {
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

/** The header row of a phrases table: the user's own and the organisation's have the same columns. */
export function phraseTableHead(lang: Lang, ...extra: Child[]): HTMLElement {
  const columns = ['options.phrases.on', 'options.phrases.phrase', 'options.phrases.pack', 'options.phrases.message', 'options.phrases.replacement', 'options.phrases.severity'] as const;
  return h('thead', null, h('tr', null, columns.map((key) => h('th', { scope: 'col' }, t(lang, key))), ...extra));
}

/** A row's Remove button, named after its item for screen readers ("Remove example.co.jp"). */
export function removeButton(lang: Lang, key: string, item: string, onClick: () => void): HTMLElement {
  return h('button', { type: 'button', dataset: { key }, 'aria-label': t(lang, 'action.removeItem', { item }), on: { click: onClick } }, t(lang, 'action.remove'));
}
