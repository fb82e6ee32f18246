import { defineRule, docLanguage, type RuleReport } from '../../src/engine';
import { addressee } from './japanese/shared';

/** Honorifics that make an addressee line right. */
const PERSON = /(?:様|さま|先生|殿)\s*$/u;
const ORGANISATION = /御中\s*$/u;
const GROUP = /(?:各位|ご担当者様|ご担当者さま|ご担当各位|皆様|皆さま)\s*$/u;
/** Casual suffixes for an outside partner. */
const CASUAL = /(?:さん|くん|君|ちゃん)\s*$/u;
/** 御中 is for an organisation; ご担当者 is a person, so "ご担当者 御中" mixes them. */
const TANTOUSHA_ONCHU = /ご?担当者?\s*御中/u;
/** The partner wrote さん first: the first lines of their quoted message address the writer so. */
/** A short line of the quoted message that ends in さん/くん (the partner wrote さん first). A loop over lines, not a multi-line regex. */
function quotedSan(text: string): boolean {
  return text.split('\n').some((raw) => {
    let line = raw.trimEnd();
    let k = 0;
    while (k < line.length && k < 8 && '>＞ \t\u3000'.includes(line[k]!)) k++;
    line = line.slice(k);
    return line.length > 2 && line.length <= 22 && (line.endsWith('さん') || line.endsWith('くん'));
  });
}

export default defineRule({
  id: 'ja/addressee-honorific',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'The addressee line of a Japanese email: 様 for a person, 御中 for a company or department, never both; no さん for an outside partner.',
    ja: '宛名の敬称: 個人は「様」、会社・部署は「御中」で、両方は付けない。社外の方に「さん」は使わない。',
  },
  messages: {
    default: {
      en: 'The addressee line has no honorific: add 様 after a person\'s name or 御中 after a company or department.',
      ja: '宛名に敬称がありません。個人名には「様」、会社名・部署名には「御中」を付けましょう。',
    },
    both: {
      en: 'The addressee has both 御中 and 様: use 様 alone when you name a person.',
      ja: '宛名に「御中」と「様」が併用されています。個人名を書く場合は「様」だけにしましょう。',
    },
    tantousha: {
      en: '"{phrase}": ご担当者 is a person; write ご担当者様.',
      ja: '「{phrase}」: ご担当者は個人を指すため、「ご担当者様」とします。',
    },
    casual: {
      en: '"{phrase}": さん is too casual for an outside partner in the addressee line; write 様.',
      ja: '「{phrase}」: 社外の方の宛名に「さん」はくだけすぎです。「様」を使いましょう。',
    },
  },
  rationales: {
    default: {
      en: 'The addressee line is the first thing a Japanese reader sees; a missing, doubled or casual honorific looks careless before the first sentence.',
      ja: '宛名は最初に目に入る部分です。敬称の抜け・重複・くだけた敬称は、本文を読む前から不注意な印象を与えます。',
    },
  },
  advice: {
    en: '会社名 部署名 御中 for an organisation; 会社名 部署名 氏名 様 for a person; never both.',
    ja: '組織宛ては「会社名 部署名 御中」、個人宛ては「会社名 部署名 氏名 様」とし、両方は付けません。',
  },
  check(doc) {
    if (docLanguage(doc) !== 'ja') return [];
    const lines = addressee(doc);
    if (lines.length === 0) return [];
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    const reports: RuleReport[] = [];
    const onchu = lines.find((l) => ORGANISATION.test(l.text) || /御中/u.test(l.text));
    const person = lines.find((l) => PERSON.test(l.text));
    const tantou = lines.find((l) => TANTOUSHA_ONCHU.test(l.text));
    if (tantou) {
      const at = tantou.text.search(TANTOUSHA_ONCHU);
      const m = TANTOUSHA_ONCHU.exec(tantou.text)!;
      reports.push({
        start: tantou.start + at,
        end: tantou.start + at + m[0].length,
        messageId: 'tantousha',
        data: { phrase: m[0] },
        suggestion: { text: { en: 'Write ご担当者様.', ja: '「ご担当者様」と書きましょう。' }, replacement: 'ご担当者様' },
      });
      return reports;
    }
    if (onchu && person) {
      const at = onchu.text.lastIndexOf('御中');
      // Drop 御中 (and the space before it): the person's 様 stays.
      let s = onchu.start + at;
      while (s > onchu.start && /[\s\u3000]/u.test(doc.body[s - 1]!)) s--;
      reports.push({
        start: s,
        end: onchu.start + at + 2,
        messageId: 'both',
        suggestion: { text: { en: 'Drop 御中; keep 様.', ja: '「御中」を削除し、「様」だけにしましょう。' }, replacement: '' },
      });
      return reports;
    }
    const casual = lines.find((l) => CASUAL.test(l.text));
    if (casual) {
      if (quotedSan(doc.quotedText.slice(0, 400))) return [];
      const m = CASUAL.exec(casual.text)!;
      const start = casual.start + m.index;
      reports.push({
        start,
        end: start + m[0].trimEnd().length,
        messageId: 'casual',
        data: { phrase: casual.text },
        suggestion: { text: { en: 'Write 様.', ja: '「様」と書きましょう。' }, replacement: '様' },
      });
      return reports;
    }
    if (lines.some((l) => PERSON.test(l.text) || ORGANISATION.test(l.text) || GROUP.test(l.text))) return [];
    return [{ start: first.start, end: last.end }];
  },
  examples: {
    fire: [
      { text: '東邦工業大学 産学連携推進室 御中\n鈴木 恵美様\n\nお世話になっております。', excerpt: ' 御中', output: '東邦工業大学 産学連携推進室\n鈴木 恵美様\n\nお世話になっております。' },
      { text: '株式会社ネオファーム\n佐々木さん\n\nはじめまして。アドブーストの中村と申します。', excerpt: 'さん', output: '株式会社ネオファーム\n佐々木様\n\nはじめまして。アドブーストの中村と申します。' },
      { text: '株式会社マルヤマ\n総務部\n\nいつも大変お世話になっております。', excerpt: '株式会社マルヤマ\n総務部' },
      { text: '株式会社マルヤマ ご担当者 御中\n\nお世話になっております。', excerpt: 'ご担当者 御中', output: '株式会社マルヤマ ご担当者様\n\nお世話になっております。' },
    ],
    pass: [
      { text: '株式会社東邦システム\n大西 健様\n\nお世話になっております。東西商事の森です。' },
      { text: '株式会社マルヤマ 総務部 御中\n\nいつもお世話になっております。' },
      { text: '北都大学 片山先生\n\nいつもお世話になっております。' },
      { text: 'お取引先各位\n\n平素より大変お世話になっております。' },
      { text: 'お世話になっております。資料をお送りします。\n\nよろしくお願いいたします。' },
      { draft: { body: '佐藤さん\n\nいつもお世話になっております。\n日程の件です。', quoted: '山田さん\n\n先日はありがとうございました。' } },
    ],
  },
});
