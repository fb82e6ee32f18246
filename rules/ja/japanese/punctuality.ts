/**
 * ja/punctuality in Japanese wording, for arriving at a meeting: ちょうどに, ぴったりに, きっかり,
 * 〜時ごろ, 〜時前後, 遅れるかもしれません. Not ぴったりの (fits), not delivery times, and not
 * 14時50分ごろには (that is arriving early, the advice itself).
 */
import type { RuleReport } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { findAll, perParagraph } from './shared';

const TIME = '(?:\\d{1,2}|[０-９]{1,2})時(?:半)?';
const ON_THE_DOT = new RegExp(`${TIME}(?:ちょうど|ぴったり|ピッタリ|きっかり|ジャスト)に?`, 'gu'); // safe-regexp: built from the literal TIME above
const AROUND = new RegExp(`${TIME}(?:ごろ|頃|前後|くらい|ぐらい)`, 'gu'); // safe-regexp: built from the literal TIME above
const LATE = /(?:遅れる|遅刻する|間に合わない)(?:かもしれません|かもしれない|可能性があります|おそれがあります|かと思います)|少し遅れ(?:ます|そうです)/gu;
/** The writer arriving: 伺います, 参ります, 到着, 着きます, 向かいます, お邪魔します. */
const ARRIVAL = /伺|参り|まいり|到着|着き|着く|向かい|お邪魔|訪問/u;
/** Goods arriving (a delivery time), not the writer. */
const DELIVERY = /発送|納品|配送|出荷|便|荷物|貨物|届/u;

export const punctualityJa: JapaneseWording = {
  check(doc) {
    return perParagraph(doc, 'ja/punctuality', (sentences) => {
    const out: RuleReport[] = [];
    for (const m of [...findAll(sentences, ON_THE_DOT), ...findAll(sentences, AROUND)]) {
      if (ARRIVAL.test(m.sentence.text) && !DELIVERY.test(m.sentence.text)) out.push({ start: m.start, end: m.end, data: { phrase: m.text } });
    }
    for (const m of findAll(sentences, LATE)) out.push({ start: m.start, end: m.end, data: { phrase: m.text } });
    return out.sort((a, b) => a.start! - b.start!);
    });
  },
  examples: {
    fire: [
      { text: '当日は15時ぴったりに本店の受付に伺います。', excerpt: '15時ぴったりに' },
      { text: '明日の打ち合わせは、13時ちょうどに伺います。', excerpt: '13時ちょうどに' },
      { text: '貴社には15時前後に伺えるかと思います。', excerpt: '15時前後' },
      { text: '電車の都合で少し遅れるかもしれません。' },
    ],
    pass: [
      { text: '13時50分には受付に到着するようにいたします。' },
      { text: '14時50分ごろには伺います。' },
      { text: 'ご要望にぴったりの製品です。' },
      { text: '部品は10時ごろ到着する予定の便で発送いたしました。' },
    ],
  },
};
