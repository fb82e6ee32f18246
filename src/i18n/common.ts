/**
 * Words both the in-page overlay and the extension pages show (severities, what a finding is on, the
 * labels of the audience and the finding): kept once so the surfaces cannot drift apart.
 */
import type { Strings, Text } from './index';

const en = {
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Tip',
  'label.findings': 'Findings',
  'action.apply': 'Apply',
  'target.subject': 'Subject',
  'target.attachment': 'Attachment',
  'target.draft': 'Whole draft',
  'label.region': 'Region',
  'label.sector': 'Sector',
  'label.firstContact': 'First contact',
  'label.draftJapanese': 'Japanese draft',
  'label.audience': 'Audience',
  'label.why': 'Why',
  'label.suggestion': 'Suggestion',
  'target.body': 'Text',
} as const;

export type CommonKey = keyof typeof en;

const ja: Record<CommonKey, Text> = {
  'severity.error': 'エラー',
  'severity.warning': '警告',
  'severity.info': 'ヒント',
  'label.findings': '指摘',
  'action.apply': '適用',
  'target.subject': '件名',
  'target.attachment': '添付ファイル',
  'target.draft': '下書き全体',
  'label.region': '地域',
  'label.sector': '業種',
  'label.firstContact': '初めての連絡',
  'label.draftJapanese': '日本語のメール',
  'label.audience': '相手',
  'label.why': '理由',
  'label.suggestion': '提案',
  'target.body': '本文',
};

export const commonStrings: Strings<CommonKey> = { en, ja };
