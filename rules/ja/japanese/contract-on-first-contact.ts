/**
 * ja/contract-on-first-contact in Japanese wording (beside the English check, which reads
 * attachment names such as 契約書 / 覚書): the body of a first email putting a contract on the table
 * (契約書を添付いたしました, 押印のうえご返送ください). Not 契約 in other senses (契約農家, 契約職員,
 * 年間契約している), nor "an NDA can be discussed later".
 */
import type { JapaneseWording } from './extend';
import { bodySentences, findAll } from './shared';

const CONTRACT_BODY = /(?:契約書|覚書|秘密保持契約書?|NDA|利用規約|申込書兼契約書)(?:一式|（[^）]{0,10}）)?を?(?:添付|同封|お送り|送付|ご送付)|(?:ご署名|署名|ご押印|押印|捺印)(?:の上|のうえ|して|いただき)?[^。]{0,6}?(?:ご返送|返送|ご返信)/gu;

export const contractOnFirstContactJa: JapaneseWording = {
  keepEnglish: true,
  check(doc) {
    if (!doc.firstContact) return [];
    const m = findAll(bodySentences(doc), CONTRACT_BODY)[0];
    return m ? [{ start: m.start, end: m.end, data: { phrase: m.text } }] : [];
  },
  examples: {
    fire: [
      { text: '初めてご連絡いたします。シフトリンクの野村と申します。\n業務委託契約書を添付いたしました。', context: { firstContact: 'yes' }, excerpt: '契約書を添付' },
      { text: '初めてご連絡いたします。\n秘密保持に関する覚書をお送りします。押印して返送してください。', context: { firstContact: 'yes' } },
      { text: 'はじめまして。ご署名のうえご返送いただければ、翌月からご利用いただけます。', context: { firstContact: 'yes' } },
    ],
    pass: [
      { text: '初めてご連絡いたします。秘密保持契約などのお手続きは、お話を伺ったうえで改めてご相談いたしたく存じます。', context: { firstContact: 'yes' } },
      { text: '長野と群馬の契約農家から直送しております。', context: { firstContact: 'yes' } },
      { text: 'お打ち合わせで合意した内容を反映した契約書を添付いたします。', context: { firstContact: 'no' } },
    ],
  },
};
