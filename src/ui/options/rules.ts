/** The rule catalogue by pack: each rule's switch and severity, with its rationale and examples. */
import { PACKS, SEVERITIES, type Severity } from '../../engine/types';
import { t } from '../../i18n/pages';
import { rules } from '../../nemawashi';
import { h, select } from '../dom';
import { rulePolicyView } from './policy';
import { type State, type Actions, section, problemList } from './shared';

function exampleText(ex: { text?: string; draft?: { body?: string; subject?: string; attachments?: Array<{ name: string }> } }): string {
  if (ex.text !== undefined) return ex.text;
  const d = ex.draft ?? {};
  return [d.subject ? `Subject: ${d.subject}` : '', d.body ?? '', ...(d.attachments ?? []).map((a) => `📎 ${a.name}`)].filter((x) => x).join('\n');
}

export function rulesSection(state: State, actions: Actions): Node {
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
