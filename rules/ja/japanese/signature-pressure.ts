/**
 * ja/signature-pressure in Japanese wording (beside the English check, which already knows 署名 /
 * 押印): a signature pushed with a deadline (11月28日までにご署名, 明日までに必ず押印) and "no need
 * to review" (法務部でのご確認は必要ございません, 標準の書式ですのでそのまま).
 */
import type { RuleReport } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { bodySentences, findChain } from './shared';

// Each a chain of literal alternatives within bounded gaps (findChain): a deadline then a signature,
// a signature then a deadline; legal review declared unnecessary; standard terms not to be changed.
const DEADLINE = /(?:までに|本日中に?|至急|必ず|期日までに)/gu;
const SIGNING = /(?:ご署名|署名|ご押印|押印|捺印|サイン)/u;
const SIGNING_HEAD = /(?:ご署名|署名|ご押印|押印|捺印)/gu;
const DEADLINE_TAIL = /(?:までに|本日中|至急|必ず|期日まで)/u;
const LEGAL = /(?:法務|リーガル|顧問弁護士)/gu;
const REVIEW = /(?:確認|チェック|精査|審査)/u;
const NOT_NEEDED = /(?:必要(?:は|も)?(?:ございません|ありません|ない|ないかと)|不要)/u;
const STANDARD_TERMS = /標準(?:の)?(?:契約書|書式|約款|フォーマット)/gu;
const NO_CHANGE = /(?:そのまま|変更(?:は|には)?(?:できません|いたしかねます|応じ))/u;

/** Chain matches of several alternatives, in body order, overlapping ones dropped. */
function chains(sentences: Parameters<typeof findChain>[0], alternatives: Array<[RegExp[], number[]]>): ReturnType<typeof findChain> {
  const all = alternatives.flatMap(([parts, gaps]) => findChain(sentences, parts, gaps)).sort((a, b) => a.start - b.start);
  return all.filter((m, k) => k === 0 || m.start >= all[k - 1]!.end);
}

export const signaturePressureJa: JapaneseWording = {
  keepEnglish: true,
  check(doc) {
    const sentences = bodySentences(doc);
    const out: RuleReport[] = [];
    for (const m of chains(sentences, [[[DEADLINE, SIGNING], [20]], [[SIGNING_HEAD, DEADLINE_TAIL], [16]]])) out.push({ start: m.start, end: m.end, data: { phrase: m.text } });
    for (const m of chains(sentences, [[[LEGAL, REVIEW, NOT_NEEDED], [14, 16]], [[STANDARD_TERMS, NO_CHANGE], [30]]])) out.push({ start: m.start, end: m.end, messageId: 'noReview', data: { phrase: m.text } });
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
