/**
 * ja/signature-pressure in Japanese wording (beside the English check, which already knows 署名 /
 * 押印): a signature pushed with a deadline (11月28日までにご署名, 明日までに必ず押印) and "no need
 * to review" (法務部でのご確認は必要ございません, 標準の書式ですのでそのまま).
 */
import type { RuleReport } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { bodySentences, findAll } from './shared';

const DEADLINE_SIGN = /(?:までに|本日中に?|至急|必ず|期日までに)[^。]{0,20}?(?:ご署名|署名|ご押印|押印|捺印|サイン)|(?:ご署名|署名|ご押印|押印|捺印)[^。]{0,16}?(?:までに|本日中|至急|必ず|期日まで)/gu;
const NO_REVIEW = /(?:法務|リーガル|顧問弁護士)[^。]{0,14}?(?:確認|チェック|精査|審査)[^。]{0,16}?(?:必要(?:は|も)?(?:ございません|ありません|ない|ないかと)|不要)|標準(?:の)?(?:契約書|書式|約款|フォーマット)[^。]{0,30}?(?:そのまま|変更(?:は|には)?(?:できません|いたしかねます|応じ))/gu;

export const signaturePressureJa: JapaneseWording = {
  keepEnglish: true,
  check(doc) {
    const sentences = bodySentences(doc);
    const out: RuleReport[] = [];
    for (const m of findAll(sentences, DEADLINE_SIGN)) out.push({ start: m.start, end: m.end, data: { phrase: m.text } });
    for (const m of findAll(sentences, NO_REVIEW)) out.push({ start: m.start, end: m.end, messageId: 'noReview', data: { phrase: m.text } });
    return out;
  },
  examples: {
    fire: [
      { text: '11月28日（金）までに契約書へのご署名が必要となります。' },
      { text: 'こちらは標準の書式ですので、貴社の法務部でご確認いただく必要はないかと存じます。' },
      { text: '明日の午前中までに必ず押印のうえご返送ください。' },
    ],
    pass: [
      { text: '法務部でのご確認は、どうぞ貴社のご都合のよろしいペースでお進めください。' },
      { text: 'お打ち合わせで合意いたしました内容を反映した契約書を添付いたします。' },
      { text: '署名欄は2ページ目にございます。' },
    ],
  },
};
