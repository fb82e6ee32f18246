/** The user's own phrases (and the organisation's): add, edit in place, switch off, remove. */
import { PACKS, SEVERITIES, type Lang, type Pack, type Severity, type UserPhrase } from '../../engine/types';
import { t } from '../../i18n/pages';
import { userPhraseRuleId } from '../../engine/user-phrase-id';
import { newPhraseId } from '../../settings/normalize';
import type { Settings } from '../../settings';
import { h, select } from '../dom';
import { orgPhrasesTable } from './policy';
import { type State, type Actions, phraseTableHead, removeButton, section, problemList } from './shared';

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

export function phrasesSection(state: State, actions: Actions): Node {
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
      phraseTableHead(lang, h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t(lang, 'action.remove')))),
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
              removeButton(lang, `phrase-${i}-remove`, p.phrase, () => void actions.save('phrases', (s) => ({ ...s, userPhrases: s.userPhrases.filter((_, j) => j !== i) }))),
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
