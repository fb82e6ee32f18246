/** The rule sets: each pack automatic, always or never, and the region and sector for Japanese
 * recipients not in the table. */
import { REGIONS, SECTORS, type Region, type Sector } from '../../engine/types';
import { t } from '../../i18n/pages';
import type { PackMode } from '../../settings';
import { h, select } from '../dom';
import { type State, type Actions, section, problemList } from './shared';

export function packsSection(state: State, actions: Actions): Node {
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
