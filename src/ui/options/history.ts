/** The first-contact history: how many addresses are remembered, and forgetting them. */
import { t } from '../../i18n/pages';
import { h } from '../dom';
import { type State, type Actions, section } from './shared';

export function historySection(state: State, actions: Actions): Node {
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
