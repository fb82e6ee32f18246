/**
 * ja/self-centered in Japanese wording: first person 私, 弊社, 当社, 弊行, 本学, 私ども against second
 * person 貴社, 御社, 貴行, 〇〇様 in running text (not the addressee line; not 仕様), no question to
 * the recipient (〜でしょうか, 〜ますか), at least about 150 characters of the writer's words.
 * Words come from Intl.Segmenter('ja'), so 私立 or 私鉄 is not 私.
 */
import { paragraphWords } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { addressee, bodySentences, isQuestion } from './shared';

const FIRST = new Set(['私', 'わたくし', 'わたし', '弊社', '当社', '弊行', '当行', '本学', '弊学', '弊所', '当所', '弊店', '当店', '小社', '我々', '我が社', '僕']);
/** 私ども is segmented 私 + ども: counted once, as 私. */
const SECOND = new Set(['貴社', '御社', '貴行', '御行', '貴学', '貴店', '貴庁', '貴院', '貴所', '貴殿', 'あなた', '貴方', '皆様', '皆さま']);
/** Words before 様 that do not name the reader (仕様, 同様, 様子 are one word anyway). */
const NOT_PERSON_BEFORE_SAMA = new Set(['お客', '客', '神', '奥', '皆', 'ご担当者', '担当者', '各']);
const MIN_CHARS = 150;
const MIN_FIRST = 6;
const RATIO = 3;

export const selfCenteredJa: JapaneseWording = {
  messages: {
    japanese: {
      en: 'This email is mostly about your side: {first} first-person words (弊社, 私 …) against {second} for the reader (貴社, 〇〇様 …), and no question to them.',
      ja: '自分側の話が中心です。一人称（弊社・私など）が{first}回に対し、相手（貴社・〇〇様など）は{second}回で、相手への問いかけもありません。',
    },
  },
  check(doc) {
    const sentences = bodySentences(doc);
    const chars = sentences.reduce((n, s) => n + s.text.length, 0);
    if (chars < MIN_CHARS || sentences.some(isQuestion)) return [];
    const block = addressee(doc);
    const afterAddressee = block.length ? block[block.length - 1]!.end : -1;
    let first = 0;
    let second = 0;
    for (const p of doc.paragraphs) {
      const words = paragraphWords(p, doc.memoParagraph).words;
      words.forEach((w, i) => {
        if (p.start + w.index <= afterAddressee) return;
        if (FIRST.has(w.segment)) first++;
        else if (SECOND.has(w.segment)) second++;
        else if ((w.segment === '様' || w.segment === 'さま') && i > 0 && !NOT_PERSON_BEFORE_SAMA.has(words[i - 1]!.segment)) {
          // "上田様": 様 right after a name (adjacent segment).
          const prev = words[i - 1]!;
          if (prev.index + prev.segment.length === w.index) second++;
        }
      });
    }
    if (first < MIN_FIRST || first < RATIO * second) return [];
    return [{ messageId: 'japanese', data: { first, second } }];
  },
  examples: {
    fire: [
      {
        text:
          '原田様\n\nいつもお世話になっております。\n弊社はこのたび、新型コンプレッサーを発売いたします。弊社が10年かけて開発した構造を採用しております。弊社の工場で生産し、弊社の拠点で保守に対応いたします。私も開発に関わってまいりましたので、弊社として自信を持ってお勧めいたします。詳しくは弊社ホームページに掲載しております。',
      },
      {
        text:
          '上田様\n\nお世話になっております。\n弊社の試験場において試験を実施しました。私と弊社の技術員が立ち会いました。弊社の基準を超える摩耗は認められませんでした。弊社としては量産に移行できると判断しております。データは弊社の報告書に記載しており、弊社の品質保証部長の承認も得ております。次回の試験も、弊社の試験場で同じ条件にて実施する予定でございます。',
      },
      {
        text:
          '西村様\n\nいつもお世話になっております。\n当初は弊社より納品する予定でしたが、弊社が依頼している外注先で故障があり、出荷が遅れます。弊社では原因の報告を求めております。弊社の担当者が工場に出向いております。弊社としても記録を確認してまいります。出荷日が確定しましたら、改めて弊社よりご連絡いたします。今後は外注先の設備点検の記録も定期的に確認してまいります。',
      },
    ],
    pass: [
      {
        text:
          '平田様\n\n突然のご連絡失礼いたします。\n弊社は資金繰り予測のサービスを提供しております。弊社のサービスは7つの金融機関でご利用いただいております。弊社のデータセンターは国内にございます。弊社としても、私としても、ぜひご説明したく存じます。弊社の資料もございます。貴行の課題をお聞かせいただけないでしょうか。',
      },
      { text: '弊社の資料をお送りします。弊社の担当者が伺います。' },
      {
        text:
          '木下様\n\nご連絡ありがとうございます。弊社から私と北川の2名で伺います。弊社の資料もお持ちします。木下様と工場長にもご説明いたします。貴社の工場の皆様にもよろしくお伝えください。弊社として、私として、弊社の技術担当とともに準備いたします。弊社の者がまいります。',
      },
    ],
  },
};
