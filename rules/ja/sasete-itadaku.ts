import { defineRule, docLanguage, humbleFormOf, SASETE_ITADAKU, type RuleReport } from '../../src/engine';
import { findAll, perParagraph } from './japanese/shared';

/**
 * The writer's ordinary actions, which need nobody's permission: sending, attaching, contacting,
 * reporting, checking, making, sharing, bringing, preparing, reissuing, answering … (the
 * 漢語 + する verbs of routine work). 送付させていただきます → 送付いたします.
 */
const ORDINARY = /(?:送付|送信|添付|連絡|報告|確認|作成|共有|持参|用意|準備|再発行|発行|回答|返信|返答|提出|手配|記入|掲載|案内|紹介|発送|送り|お送り|修正|更新|変更|対応|検討|通知)$/u;
/** Three or more in one draft read as excessive whatever the verb. */
const TOO_MANY = 3;

export default defineRule({
  id: 'ja/sasete-itadaku',
  pack: 'ja',
  severity: 'info',
  description: {
    en: 'させていただく used too often, or for ordinary actions that need no permission (送付させていただきます).',
    ja: '「させていただく」の多用や、許可の要らない行為への使用（送付させていただきます など）。',
  },
  messages: {
    default: {
      en: '"{phrase}": your own routine action needs no permission; {fix} is enough.',
      ja: '「{phrase}」: 許可の要らない自分の行為です。「{fix}」で十分です。',
    },
    many: {
      en: 'させていただく {count} times in one email: it starts to sound servile.',
      ja: '1通のメールに「させていただく」が{count}回あり、へりくだりすぎて聞こえます。',
    },
  },
  rationales: {
    default: {
      en: 'させていただく asks for the partner\'s permission. For routine actions, or used again and again, it reads as stiff and roundabout; 〜いたします is the polite humble form.',
      ja: '「させていただく」は相手の許可を得て行う行為に使う表現です。許可の要らない行為や多用は、回りくどく不自然に響きます。「〜いたします」で十分丁寧です。',
    },
  },
  advice: {
    en: 'Write 〜いたします (送付いたします, 確認したうえで); keep させていただく for what the partner allows (ご説明させていただけますでしょうか).',
    ja: '「〜いたします」（送付いたします、確認したうえで）と書き、「させていただく」は相手の許可が要る場合（ご説明させていただけますでしょうか）に限りましょう。',
  },
  check(doc) {
    if (docLanguage(doc) !== 'ja') return [];
    // Permission requests (させていただけますでしょうか / させていただけないでしょうか) are the right use.
    // Found per paragraph (cached); whether three is too many is decided over the draft.
    const uses = perParagraph(doc, 'ja/sasete-itadaku:uses', (sentences) =>
      findAll(sentences, SASETE_ITADAKU)
        .filter((m) => humbleFormOf(m.text) !== undefined)
        .map((m) => ({ start: m.start, end: m.end, text: m.text, ordinary: ORDINARY.test(m.sentence.text.slice(0, m.start - m.sentence.start)) })),
    );
    const reports: RuleReport[] = [];
    const many = uses.length >= TOO_MANY;
    for (const m of uses) {
      const ordinary = m.ordinary;
      if (!ordinary && !many) continue;
      const humble = humbleFormOf(m.text)!;
      // "送付させていただきます" → "送付いたします": the replacement covers させていただ… only.
      // A する verb (させて) takes the humble form directly; 聞かせて and the like need a rewording.
      const mechanical = ordinary && m.text.startsWith('さ');
      reports.push({
        start: m.start,
        end: m.end,
        messageId: ordinary ? 'default' : 'many',
        data: { phrase: m.text, fix: humble, count: uses.length },
        ...(mechanical ? { suggestion: { text: { en: `Write ${humble}.`, ja: `「${humble}」と書きましょう。` }, replacement: humble } } : {}),
      });
    }
    return reports;
  },
  examples: {
    fire: [
      { text: '修正版を再発行させていただきました。', excerpt: 'させていただきました', output: '修正版を再発行いたしました。' },
      { text: '資料を添付させていただきます。', output: '資料を添付いたします。' },
      { text: '法務担当に確認させていただいたうえで、改めてご連絡いたします。', output: '法務担当に確認したうえで、改めてご連絡いたします。' },
      {
        text: 'ご紹介させていただきたく、ご連絡させていただきました。契約書を添付させていただきました。',
        excerpt: 'させていただきたく',
      },
    ],
    pass: [
      { text: 'サンプルをお持ちしてご説明させていただけますでしょうか。' },
      { text: '14時から16時に変更させていただけないでしょうか。' },
      { text: '資料を送付いたします。' },
      { text: '本日は休業させていただきます。' },
    ],
  },
});
