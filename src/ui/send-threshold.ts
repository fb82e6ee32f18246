/**
 * The send threshold control (popup and options): when the check at Send holds an email
 * (src/content/send-guard.ts). Shows the value in effect; locked (disabled) when the
 * organisation's policy sets it and locks it (src/settings/policy.ts).
 */
import type { Lang } from '../engine/types';
import { t } from '../i18n/pages';
import { applyPolicy, isLocked, type PolicyRead, type SendThreshold, type Settings } from '../settings';
import { h, select } from './dom';
import { orgMark } from './options/policy';

const LEVELS: readonly SendThreshold[] = ['off', 'error', 'warning'];

export function sendThresholdControl(
  lang: Lang,
  settings: Settings,
  policy: PolicyRead | null,
  onChange: (value: SendThreshold) => void,
  opts: { id: string; withHelp: boolean },
): Node {
  const locked = isLocked(policy?.policy ?? null, 'sendThreshold');
  const value = applyPolicy(settings, policy?.policy ?? null).sendThreshold;
  const helpId = `${opts.id}-help`;
  const control = select({
    id: opts.id,
    key: opts.id,
    value,
    disabled: locked,
    options: LEVELS.map((l) => [l, t(lang, `sendCheck.${l}`)]),
    onChange: (v) => onChange(v as SendThreshold),
  });
  if (opts.withHelp) control.setAttribute('aria-describedby', helpId);
  return h(
    'div',
    { class: 'send-threshold row', dataset: { sendThreshold: value } },
    h('label', { for: opts.id }, t(lang, 'sendCheck.label')),
    control,
    locked ? orgMark(lang, true) : null,
    opts.withHelp ? h('p', { id: helpId, class: 'hint' }, t(lang, 'sendCheck.help')) : null,
  );
}
