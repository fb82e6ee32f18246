import { defineRule, docLanguage } from '../../src/engine';
import { bodySentences } from './japanese/shared';

/**
 * Closing formulas: よろしくお願いいたします and its class (何卒 / 引き続き / 今後とも …,
 * お願い申し上げます, 宜しくお願い致します), 御礼・お詫び申し上げます (略儀ながら …), 以上 at the end.
 */
const CLOSING = /(?:よろしく|宜しく|よろしゅう)お?願い|お願い(?:いたし|致し|申し上げ|し)ます|(?:御礼|お礼|お詫び|おわび|ご挨拶|ご報告|ご案内)(?:まで|申し上げます|とさせていただきます)|^以上$|失礼いたします|失礼致します/u;
/** How many of the writer's last sentences may hold the formula (a casual sign-off may follow it). */
const LAST_SENTENCES = 3;

export default defineRule({
  id: 'ja/closing-formula',
  pack: 'ja',
  severity: 'info',
  description: {
    en: 'A Japanese draft that ends without a closing formula (よろしくお願いいたします).',
    ja: '結びのあいさつ（よろしくお願いいたします）がない日本語のメール。',
  },
  messages: {
    default: {
      en: 'No closing formula: end with よろしくお願いいたします.',
      ja: '結びのあいさつがありません。「よろしくお願いいたします」で締めくくりましょう。',
    },
  },
  rationales: {
    default: {
      en: 'Japanese business mail ends with a closing formula; a mail that just stops reads as abrupt, as if the writer expected nothing more from the relationship.',
      ja: '日本のビジネスメールは結びのあいさつで終えるのが基本です。本文だけで終わると唐突で、相手との関係を大切にしていない印象を与えます。',
    },
  },
  advice: {
    en: 'Close with よろしくお願いいたします (何卒よろしくお願い申し上げます for requests and apologies).',
    ja: '「よろしくお願いいたします」（依頼やお詫びでは「何卒よろしくお願い申し上げます」）で締めくくりましょう。',
  },
  check(doc) {
    if (docLanguage(doc) !== 'ja') return [];
    const sentences = bodySentences(doc);
    if (sentences.length < 2) return [];
    const last = sentences.slice(-LAST_SENTENCES);
    if (last.some((s) => CLOSING.test(s.core))) return [];
    const end = sentences[sentences.length - 1]!;
    return [
      {
        start: end.start,
        end: end.end,
        suggestion: {
          text: {
            en: 'Add a closing line: よろしくお願いいたします。',
            ja: '結びに「よろしくお願いいたします。」を加えましょう。',
          },
          replacement: `${doc.body.slice(end.start, end.end)}\n\nよろしくお願いいたします。`,
        },
      },
    ];
  },
  examples: {
    fire: [
      {
        text: '原田様\n\nいつもお世話になっております。\n新型コンプレッサーを12月1日に発売いたします。\n製品カタログを添付いたします。',
        excerpt: '製品カタログを添付いたします。',
        output: '原田様\n\nいつもお世話になっております。\n新型コンプレッサーを12月1日に発売いたします。\n製品カタログを添付いたします。\n\nよろしくお願いいたします。',
      },
      { text: '中川様\n\nいつもお世話になっております。\n展示会では本当にありがとうございました！\nまた打ち上げでもやりましょう！ではまた！' },
      { text: 'お世話になっております。\n試験の結果をご報告いたします。\n摩耗は認められませんでした。' },
    ],
    pass: [
      { text: 'お世話になっております。\n資料をお送りいたします。\n\n引き続きよろしくお願いいたします。' },
      { text: 'お世話になっております。\n昨日はありがとうございました。\n\n略儀ながら、まずはメールにて御礼申し上げます。' },
      { text: 'お世話になっております。\n日程の件です。\n\n引き続きよろしくお願い致します！ではでは〜' },
      { text: 'ありがとうございます。' },
    ],
  },
});
