/** Recipients: the user's map of domains, addresses and names to an audience (with region and
 * sector for Japanese ones), beside the organisation's partners. */
import type { AudienceMapping } from '../../engine/audience';
import { REGIONS, SECTORS, type Lang, type Region, type Sector } from '../../engine/types';
import { t } from '../../i18n/pages';
import { matchEntry } from '../../settings/normalize';
import { h, select } from '../dom';
import { orgRecipientRows, overriddenNote } from './policy';
import { type State, type Actions, removeButton, section, problemList } from './shared';

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

export function recipientsSection(state: State, actions: Actions): Node {
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
              removeButton(lang, `map-${i}-remove`, m.match, () => void actions.save('recipients', (s) => ({ ...s, audienceMap: s.audienceMap.filter((_, j) => j !== i) }))),
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
      newSelect('kind', t(lang, 'options.recipients.kind'), [
        ['address', t(lang, 'options.recipients.kindAddress')],
        ['name', t(lang, 'options.recipients.kindName')],
      ]),
      newSelect('audience', t(lang, 'label.audience'), [
        ['ja', t(lang, 'options.recipients.japanese')],
        ['us', t(lang, 'options.recipients.american')],
      ]),
      newSelect('region', t(lang, 'label.region'), [['', '—'], ...REGIONS.map((r): [string, string] => [r, t(lang, `region.${r}`)])]),
      newSelect('sector', t(lang, 'label.sector'), [['', '—'], ...SECTORS.map((r): [string, string] => [r, t(lang, `sector.${r}`)])]),
      h('button', { type: 'submit', class: 'primary', dataset: { key: 'add-recipient' } }, t(lang, 'options.recipients.add')),
    ),
  );
}

/** A labelled select of the "add a recipient" form; `data-keep` keeps its choice across re-renders. */
function newSelect(name: string, label: string, options: Array<[string, string]>): HTMLElement {
  const id = `new-${name}`;
  return h(
    'span',
    { class: 'pair' },
    h('label', { for: id }, label),
    h('select', { id, name, dataset: { keep: id, key: id } }, options.map(([value, text]) => h('option', { value }, text))),
  );
}
