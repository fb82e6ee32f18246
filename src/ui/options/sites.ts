/** Sites: the built-in webmail hosts, other sites the user added (with their host permission)
 * and the sites turned off. */
import { t } from '../../i18n/pages';
import { normalizeHost } from '../../settings/normalize';
import { hostsOf } from '../../webmail/hosts';
import { h } from '../dom';
import { type State, type Actions, removeButton, section, problemList } from './shared';

/** Where Nemawashi runs without asking (the manifest's matches), for the Sites list. */
const BUILT_IN_SITES = hostsOf();

export function sitesSection(state: State, actions: Actions): Node {
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
          removeButton(lang, `remove-site-${host}`, host, () => void actions.removeSite(host)),
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
