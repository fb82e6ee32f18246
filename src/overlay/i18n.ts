/**
 * The overlay's UI strings (card, badge, audience picker) in English and Japanese. Rule messages
 * come localized from the engine; these are only the words around them.
 */
import type { Lang, Severity } from '../engine/types';

const en = {
  apply: 'Apply',
  applyTo: 'Replace with “{text}”',
  ignore: 'Ignore',
  ignoreHint: 'Ignore this occurrence in this draft',
  turnOff: 'Turn off rule',
  turnOffHint: 'Never check this rule again (you can turn it back on in the options)',
  turnOffPhrase: 'Turn off phrase',
  turnOffPhraseHint: 'Stop flagging this phrase of yours (to flag it again, remove it and add it again in the options)',
  close: 'Close',
  why: 'Why',
  suggestion: 'Suggestion',
  severity_error: 'Error',
  severity_warning: 'Warning',
  severity_info: 'Tip',
  badgeLabel: 'Nemawashi: {count} findings in this draft',
  badgeLabelNone: 'Nemawashi: no findings in this draft',
  badgePaused: 'Nemawashi is paused for this draft',
  findingsTitle: 'Findings in this draft',
  noFindings: 'Nothing to flag for this audience.',
  audience: 'Audience',
  audienceJa: 'Japanese recipient',
  audienceUs: 'American recipient',
  audienceGeneral: 'No specific audience',
  audienceBoth: 'Japanese and American recipients',
  regionEast: 'Tokyo',
  regionWest: 'Osaka',
  sectorTraditional: 'traditional sector',
  sectorModern: 'modern sector',
  audienceAuto: 'from recipients',
  audienceUser: 'set by you',
  change: 'Change',
  resetAudience: 'Use recipients',
  packJa: 'Japanese rules',
  packUs: 'American rules',
  region: 'Region',
  sector: 'Sector',
  firstContact: 'First contact',
  firstContactYes: 'first contact',
  draftJapanese: 'Japanese draft',
  target_subject: 'Subject',
  target_attachment: 'Attachment',
  target_draft: 'Whole draft',
  target_body: 'Text',
  applied: 'Replaced.',
  applyFailed: 'The text changed; nothing was replaced.',
  shortcutHint: 'Alt+Shift+N: next warning · Esc: close',
  paused: 'Paused',
  resume: 'Resume',
  pause: 'Pause for this draft',
  nameOnlyTitle: 'Recipient without an address: choose the audience',
  nameOnlyHint: 'Remembered for this name in every draft (Options › Recipients)',
  nameOnlyJa: 'Japanese',
  nameOnlyUs: 'American',
  nameOnlyBadge: 'a recipient without an address needs an audience',
} as const;

export type MessageKey = keyof typeof en;

const ja: Record<MessageKey, string> = {
  apply: '適用',
  applyTo: '「{text}」に置き換える',
  ignore: '無視',
  ignoreHint: 'この下書きのこの箇所だけ無視する',
  turnOff: 'ルールをオフ',
  turnOffHint: 'このルールを今後チェックしない（オプションで元に戻せます）',
  turnOffPhrase: 'フレーズをオフ',
  turnOffPhraseHint: '登録したこのフレーズを今後チェックしない（元に戻すには、オプションで削除して追加し直してください）',
  close: '閉じる',
  why: '理由',
  suggestion: '提案',
  severity_error: 'エラー',
  severity_warning: '警告',
  severity_info: 'ヒント',
  badgeLabel: '根回し: この下書きに {count} 件の指摘',
  badgeLabelNone: '根回し: この下書きに指摘はありません',
  badgePaused: '根回し: この下書きでは一時停止中',
  findingsTitle: 'この下書きの指摘',
  noFindings: 'この相手に対して指摘はありません。',
  audience: '相手',
  audienceJa: '日本の受信者',
  audienceUs: '米国の受信者',
  audienceGeneral: '特定の相手なし',
  audienceBoth: '日本と米国の受信者',
  regionEast: '東京',
  regionWest: '大阪',
  sectorTraditional: '伝統的な業種',
  sectorModern: '新しい業種',
  audienceAuto: '宛先から判定',
  audienceUser: '手動で設定',
  change: '変更',
  resetAudience: '宛先から判定',
  packJa: '日本向けルール',
  packUs: '米国向けルール',
  region: '地域',
  sector: '業種',
  firstContact: '初めての連絡',
  firstContactYes: '初めての連絡',
  draftJapanese: '日本語のメール',
  target_subject: '件名',
  target_attachment: '添付ファイル',
  target_draft: '下書き全体',
  target_body: '本文',
  applied: '置き換えました。',
  applyFailed: '本文が変わったため、置き換えませんでした。',
  shortcutHint: 'Alt+Shift+N: 次の指摘 · Esc: 閉じる',
  paused: '一時停止中',
  resume: '再開',
  pause: 'この下書きで一時停止',
  nameOnlyTitle: 'アドレスのない宛先：相手の文化を選んでください',
  nameOnlyHint: 'この名前について、すべての下書きで記憶されます（オプション › 宛先）',
  nameOnlyJa: '日本',
  nameOnlyUs: 'アメリカ',
  nameOnlyBadge: 'アドレスのない宛先の相手の文化が未設定です',
};

const TABLES: Record<Lang, Record<MessageKey, string>> = { en, ja };

/** A UI string; `{name}` placeholders are filled from `data` (as plain text, never markup). */
export function t(lang: Lang, key: MessageKey, data?: Record<string, string | number>): string {
  const template = TABLES[lang][key] ?? en[key];
  if (!data) return template;
  return template.replace(/\{(\w{1,20})\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function severityLabel(lang: Lang, severity: Severity): string {
  return t(lang, `severity_${severity}`);
}

/** 'auto' follows the browser's UI language. */
export function resolveLang(setting: 'auto' | Lang, uiLanguage: string | undefined): Lang {
  if (setting !== 'auto') return setting;
  return (uiLanguage ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
