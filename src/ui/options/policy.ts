/**
 * What the options page shows of the organisation's policy (src/settings/policy.ts): a notice at
 * the top (with the policy's ignored values), the organisation's rows in the recipients table,
 * the marks and locks on the rule catalogue, and the company phrases. The page's own sections
 * call these; the user's settings are edited as before and never receive the policy's values.
 */
import type { Lang, Severity } from '../../engine/types';
import { userPhraseRuleId } from '../../engine/user-phrase-id';
import { t } from '../../i18n/pages';
import { isLocked, isUserMappingOverridden, orgPhraseId, type OrgPolicy, type PolicyRead, type Settings, type SettingsProblem } from '../../settings';
import type { AudienceMapping } from '../../engine/audience';
import { h } from '../dom';
import { phraseTableHead } from './shared';

/** "Set by your organisation", and "locked" when the user cannot change it. */
export function orgMark(lang: Lang, locked: boolean): HTMLElement {
  return h(
    'span',
    { class: `org-mark${locked ? ' locked' : ''}`, dataset: { org: locked ? 'locked' : 'set' } },
    t(lang, locked ? 'options.policy.locked' : 'options.policy.mark'),
  );
}

/** The notice at the top of the page; null when no policy is set and nothing was ignored. */
export function policyNotice(lang: Lang, read: PolicyRead, formatProblem: (p: SettingsProblem, lang: Lang) => string): Node | null {
  const { policy, problems } = read;
  if (!policy && problems.length === 0) return null;
  return h(
    'section',
    { id: 'policy', class: 'notice policy', 'aria-labelledby': 'policy-title' },
    h('h2', { id: 'policy-title' }, t(lang, 'options.policy')),
    h('p', null, t(lang, 'options.policy.help')),
    // Only a locked threshold applies (policy.ts); the control itself shows it, locked.
    policy?.sendThreshold && isLocked(policy, 'sendThreshold')
      ? h(
          'p',
          { dataset: { policy: 'sendThreshold' } },
          t(lang, 'options.policy.sendThreshold', { level: t(lang, `options.policy.threshold.${policy.sendThreshold}`) }),
          ' ',
          orgMark(lang, true),
        )
      : null,
    problems.length > 0
      ? h(
          'div',
          { class: 'problems', role: 'alert', dataset: { problems: 'policy' } },
          h('p', null, t(lang, 'options.policy.ignored')),
          h('ul', null, problems.map((p) => h('li', null, formatProblem(p, lang)))),
        )
      : null,
  );
}

/** The organisation's recipient rows, read-only, for the top of the recipients table. */
export function orgRecipientRows(lang: Lang, policy: OrgPolicy | null): Node[] {
  if (!policy) return [];
  const locked = isLocked(policy, 'recipients');
  return policy.recipients.map((m) =>
    h(
      'tr',
      { class: 'org', dataset: { orgMatch: m.match } },
      h('td', { class: 'host' }, m.match),
      h('td', null, t(lang, m.audience === 'ja' ? 'options.recipients.japanese' : 'options.recipients.american')),
      h('td', null, m.region ? t(lang, `region.${m.region}`) : m.audience === 'ja' ? '—' : ''),
      h('td', null, m.sector ? t(lang, `sector.${m.sector}`) : m.audience === 'ja' ? '—' : ''),
      h('td', null, orgMark(lang, locked)),
    ),
  );
}

/** The note on a user's own row that a locked organisation row sets aside. */
export function overriddenNote(lang: Lang, policy: OrgPolicy | null, m: AudienceMapping): Node | null {
  return isUserMappingOverridden(policy, m) ? h('span', { class: 'hint overridden' }, t(lang, 'options.policy.overridden', { item: m.match })) : null;
}

export interface RulePolicyView {
  /** The rule is forced on or off: the switch shows it and is disabled. */
  forced?: boolean;
  /** The organisation's severity, and whether the user may still change it. */
  severity?: Severity;
  severityLocked: boolean;
  mark: Node | null;
}

export function rulePolicyView(lang: Lang, policy: OrgPolicy | null, ruleId: string): RulePolicyView {
  const rp = policy?.rules[ruleId];
  if (!policy || !rp) return { severityLocked: false, mark: null };
  const severityLocked = rp.severity !== undefined && isLocked(policy, 'rules');
  return {
    ...(rp.enabled !== undefined ? { forced: rp.enabled } : {}),
    ...(rp.severity !== undefined ? { severity: rp.severity } : {}),
    severityLocked,
    // A forced switch cannot be changed whatever the locks say.
    mark: orgMark(lang, rp.enabled !== undefined || severityLocked),
  };
}

/**
 * The company phrases, each with its on/off switch (`user/org-<id>` in the user's disabledRules,
 * like the user's own phrases), disabled when the policy locks the phrases.
 */
export function orgPhrasesTable(lang: Lang, policy: OrgPolicy | null, settings: Settings, toggle: (ruleId: string, on: boolean) => void): Node | null {
  if (!policy || policy.phrases.length === 0) return null;
  const locked = isLocked(policy, 'phrases');
  return h(
    'div',
    { class: 'org-phrases' },
    h('h3', { id: 'org-phrases-title' }, t(lang, 'options.policy.phrases'), ' ', orgMark(lang, locked)),
    h(
      'table',
      { class: 'table', 'aria-labelledby': 'org-phrases-title' },
      phraseTableHead(lang),
      h(
        'tbody',
        null,
        policy.phrases.map((p, i) => {
          const ruleId = userPhraseRuleId(orgPhraseId(p.id));
          const on = locked || !settings.disabledRules.includes(ruleId);
          return h(
            'tr',
            { class: on ? 'org' : 'org off', dataset: { orgPhrase: p.id } },
            h(
              'td',
              null,
              h('input', {
                type: 'checkbox',
                role: 'switch',
                id: `org-phrase-${i}-on`,
                dataset: { key: `org-phrase-${i}-on` },
                props: { checked: on, disabled: locked },
                on: { change: (ev) => toggle(ruleId, (ev.target as HTMLInputElement).checked) },
              }),
              h('label', { for: `org-phrase-${i}-on`, class: 'sr-only' }, t(lang, 'options.policy.phraseOn', { item: p.phrase })),
            ),
            h('td', null, p.phrase),
            h('td', null, t(lang, `pack.${p.pack}`)),
            h('td', null, p.message),
            h('td', null, p.replacement ?? ''),
            h('td', null, t(lang, `severity.${p.severity ?? 'warning'}`)),
          );
        }),
      ),
    ),
  );
}
