/**
 * ja/pressure in Japanese wording: 至急, 大至急, 今すぐ, 直ちに, 早急に, 一刻も早く aimed at the
 * partner; 必ず and same-day deadlines (本日中, 明日の午前中まで) in a request (〜ください, お願いします);
 * 最終回答 / 最終提示 as ultimatums. The writer's own promise (本日中に発送いたします) is not pressure.
 */
import type { RuleReport } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { findAll, perParagraph } from './shared';

const URGENT = /大至急|至急|今すぐ|すぐに|直ちに|ただちに|早急に|一刻も早く|大急ぎで|急いで/gu;
const DEADLINE = /必ず|本日中|今日中|明日中|明朝まで|明日の(?:朝|午前中?|正午|昼)まで|今週中に必ず/gu;
const ULTIMATUM = /最終(?:回答|提示|条件|通告|オファー)|これが最後|交渉の余地は(?:ございません|ありません|ない)/gu;
/** A request to the partner: the sentence asks them to act. */
const REQUEST = /ください|下さい|願います|お願いします|お願いいたします|お願い致します|いただけ|いただき|頂け|頂き|ほしい|欲しい|するように|すること[。]?$/u;
/** The writer's own action: 〜いたします, 〜します, 発送予定, 見込み (and no request in the sentence). */
const OWN_PROMISE = /(?:いたします|致します|します|いたしました|しました|参ります|予定です|見込みです|お送りします|対応します)$/u;

export const pressureJa: JapaneseWording = {
  check(doc) {
    return perParagraph(doc, 'ja/pressure', (sentences) => {
    const out: RuleReport[] = [];
    const push = (start: number, end: number, phrase: string, messageId = 'default') => {
      if (!out.some((r) => r.start! < end && start < r.end!)) out.push({ start, end, messageId, data: { phrase } });
    };
    const aimedAtPartner = (core: string, text: string) => REQUEST.test(text) || !OWN_PROMISE.test(core);
    for (const m of findAll(sentences, URGENT)) {
      // すぐに / 急いで are pressure only in a request; 至急 and 直ちに unless the writer promises.
      const strong = !/^(?:すぐに|急いで)$/u.test(m.text);
      if (strong ? aimedAtPartner(m.sentence.core, m.sentence.text) : REQUEST.test(m.sentence.text) && !OWN_PROMISE.test(m.sentence.core)) {
        push(m.start, m.end, m.text);
      }
    }
    for (const m of findAll(sentences, DEADLINE)) {
      if (REQUEST.test(m.sentence.text) && !OWN_PROMISE.test(m.sentence.core) && !/いただけ(?:ます|ない|ません)(?:でしょうか|か)|幸い/u.test(m.sentence.text)) push(m.start, m.end, m.text);
    }
    for (const m of findAll(sentences, ULTIMATUM)) push(m.start, m.end, m.text, 'ultimatum');
    return out.sort((a, b) => a.start! - b.start!);
    });
  },
  examples: {
    fire: [
      { text: '大至急ご対応いただき、本日中に必ずご提出ください。', excerpt: '大至急' },
      { text: '弊社としては、改定幅3%が最終回答です。', excerpt: '最終回答' },
      { text: '明日の午前中までに必ず押印のうえご返送ください。', excerpt: '明日の午前中まで' },
      { text: '至急ご確認をお願いいたします。', excerpt: '至急' },
    ],
    pass: [
      { text: '正しい部品は本日中に発送いたします。' },
      { text: '説明資料を本日中に作成し、お送りいたします。' },
      { text: 'ご都合のよろしいときにご返信いただけますと幸いです。' },
      { text: '確認でき次第、すぐにご連絡いたします。' },
    ],
  },
};
