/** Import and export of all settings as a JSON file. */
import { t } from '../../i18n/pages';
import { h } from '../dom';
import { type State, type Actions, section, problemList } from './shared';

export function backupSection(state: State, actions: Actions): Node {
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
