import { defineRule, docLanguage } from '../../src/engine';
import { bodySentences } from './japanese/shared';

/** お世話になっております and its variants (いつも / 平素より大変 …, お世話になります). */
const ONGOING = /(?:お|御)世話に(?:なって|なり)/u;
/** First-contact openings. */
const FIRST_CONTACT = /初めて(?:ご連絡|メール|お便り|ご挨拶)|はじめて(?:ご連絡|メール)|はじめまして|初めまして|突然の(?:ご連絡|メール)|突然メール|突然ご連絡/u;
/** Other openings that are fine: a reply that thanks first, a letter opening, a seasonal greeting. */
const OTHER_OPENING = /ありがとうございま|御礼申し上げ|お礼申し上げ|拝啓|謹啓|平素|ご無沙汰|いつも大変|お忙しいところ|ご多忙のところ|失礼いたします|ご連絡いただき|お問い合わせいただき|ご返信いただき/u;
/** An in-house greeting: wrong as the opening to an outside partner. */
const IN_HOUSE = /お疲れ(?:様|さま)(?:です|でございます)?/u;
/** How many sentences count as the opening (a casual greeting may come before the formula). */
const OPENING_SENTENCES = 3;

export default defineRule({
  id: 'ja/opening-formula',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'A Japanese draft without the opening formula that fits (お世話になっております, 初めてご連絡いたします), or with the wrong one.',
    ja: '冒頭のあいさつ（お世話になっております／初めてご連絡いたします）がない、または場面に合わない日本語のメール。',
  },
  messages: {
    default: {
      en: 'No opening formula: start with お世話になっております (or 初めてご連絡いたします in a first email).',
      ja: '冒頭のあいさつがありません。「お世話になっております」（初めての相手には「初めてご連絡いたします」）で始めましょう。',
    },
    firstContact: {
      en: '"{phrase}" in a first email: you have no relationship with this partner yet.',
      ja: '初めての相手に「{phrase}」は使いません。まだお付き合いがないためです。',
    },
    inHouse: {
      en: '"{phrase}" is an in-house greeting; to an outside partner open with お世話になっております.',
      ja: '「{phrase}」は社内向けのあいさつです。社外の方には「お世話になっております」を使いましょう。',
    },
  },
  rationales: {
    default: {
      en: 'Japanese business mail opens with a fixed formula before any request or report; going straight to business reads as curt, even between long-standing partners.',
      ja: '日本のビジネスメールは、依頼や報告の前に決まったあいさつで始めます。いきなり本題に入ると、長いお付き合いの相手にも素っ気なく映ります。',
    },
    firstContact: {
      en: 'お世話になっております thanks the partner for an ongoing relationship; in a first email it sounds automatic. 初めてご連絡いたします or 突然のご連絡失礼いたします fit.',
      ja: '「お世話になっております」は継続中のお付き合いへのお礼です。初めてのメールでは機械的に響くため、「初めてご連絡いたします」「突然のご連絡失礼いたします」が適切です。',
    },
    inHouse: {
      en: 'お疲れ様です is said among colleagues; from outside the company it sounds over-familiar.',
      ja: '「お疲れ様です」は社内の同僚同士のあいさつで、社外の方に使うと馴れ馴れしく聞こえます。',
    },
  },
  advice: {
    en: 'Ongoing partner: お世話になっております。 First email: 初めてご連絡いたします。',
    ja: '継続中の相手には「お世話になっております。」、初めての相手には「初めてご連絡いたします。」',
  },
  check(doc) {
    if (docLanguage(doc) !== 'ja') return [];
    const sentences = bodySentences(doc);
    if (sentences.length < 2) return [];
    const opening = sentences.slice(0, OPENING_SENTENCES);
    const first = opening[0]!;
    const inHouse = opening.map((s) => ({ s, m: IN_HOUSE.exec(s.text) })).find((x) => x.m);
    if (inHouse?.m) {
      const start = inHouse.s.start + inHouse.m.index;
      return [
        {
          start,
          end: start + inHouse.m[0].length,
          messageId: 'inHouse',
          rationaleId: 'inHouse',
          data: { phrase: inHouse.m[0] },
          suggestion: {
            text: { en: 'Open with お世話になっております.', ja: '「お世話になっております」で始めましょう。' },
            replacement: doc.firstContact ? '初めてご連絡いたします' : 'お世話になっております',
          },
        },
      ];
    }
    if (doc.firstContact && !doc.isReply) {
      const ongoing = opening.map((s) => ({ s, m: ONGOING.exec(s.text) })).find((x) => x.m);
      if (ongoing?.m) {
        // The whole formula sentence ("いつもお世話になっております。"): dropped, or replaced.
        const s = ongoing.s;
        const hasFirstFormula = opening.some((o) => FIRST_CONTACT.test(o.text));
        return [
          {
            start: s.start,
            end: s.end,
            messageId: 'firstContact',
            rationaleId: 'firstContact',
            data: { phrase: s.core },
            suggestion: hasFirstFormula
              ? { text: { en: 'Drop it: the first-contact formula is already there.', ja: '削除しましょう。初めての方向けのあいさつがすでにあります。' }, replacement: '' }
              : { text: { en: 'Open with 初めてご連絡いたします。', ja: '「初めてご連絡いたします。」で始めましょう。' }, replacement: '初めてご連絡いたします。' },
          },
        ];
      }
    }
    if (opening.some((s) => ONGOING.test(s.text) || FIRST_CONTACT.test(s.text) || OTHER_OPENING.test(s.text))) return [];
    return [{ start: first.start, end: first.end }];
  },
  examples: {
    fire: [
      { text: '坂口様\n\n関東工機の大野です。\n図面の修正版をお送りしました。\nご確認をお願いいたします。', excerpt: '関東工機の大野です。' },
      {
        text: '鈴木様\n\nお世話になっております。\n初めてご連絡いたします。ハヤテ電子の渡辺と申します。\n共同研究についてご相談させてください。',
        context: { firstContact: 'yes' },
        excerpt: 'お世話になっております。',
        output: '鈴木様\n\n\n初めてご連絡いたします。ハヤテ電子の渡辺と申します。\n共同研究についてご相談させてください。',
      },
      { text: '田中様\n\nお疲れ様です。東西商事の森です。\n明日の資料をお送りします。', excerpt: 'お疲れ様です' },
    ],
    pass: [
      { text: '田中様\n\nいつもお世話になっております。東西商事の森です。\n明日の資料をお送りします。' },
      { text: '木下様\n\nご連絡ありがとうございます。\n日本機材サービスの松本でございます。\n12月3日のお打ち合わせ、承知しました。' },
      { text: '小山様\n\n初めてご連絡いたします。\nテクノマテリアルの吉村と申します。', context: { firstContact: 'yes' } },
      { text: '承知しました。' },
      { text: 'Dear Tanaka-san,\n\nThe report is attached. Could you review it by Friday?' },
    ],
  },
});
