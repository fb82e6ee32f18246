/**
 * ja/pressure in Japanese wording: 至急, 大至急, 今すぐ, 直ちに, 早急に, 一刻も早く aimed at the
 * partner; 必ず and same-day deadlines (本日中, 明日の午前中まで) in a request (〜ください, お願いします);
 * 最終回答 / 最終提示 as ultimatums. The writer's own promise (本日中に発送いたします) is not pressure.
 */
import type { JaSentence, RuleReport } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { findAll, perParagraph } from './shared';

const URGENT = /大至急|至急|今すぐ|すぐに|直ちに|ただちに|早急に|一刻も早く|大急ぎで|急いで/gu;
const DEADLINE = /必ず|本日中|今日中|明日中|明朝まで|明日の(?:朝|午前中?|正午|昼)まで|今週中に必ず/gu;
const ULTIMATUM = /最終(?:回答|提示|条件|通告|オファー)|これが最後|交渉の余地は(?:ございません|ありません|ない)/gu;
/** A request to the partner: the sentence asks them to act. */
const REQUEST = /ください|下さい|願います|お願いします|お願いいたします|お願い致します|いただけ|いただき|頂け|頂き|ほしい|欲しい|するように|すること[。]?$/u;
/** The writer's own action: 〜いたします, 〜します, 発送予定, 見込み (and no request in the sentence). */
const OWN_PROMISE = /(?:いたします|致します|します|いたしました|しました|参ります|予定です|見込みです|お送りします|対応します)$/u;

/** A soft request (いただけますでしょうか, 幸いです): a deadline in it is not pressure. */
const SOFT_ASK = /いただけ(?:ます|ない|ません)(?:でしょうか|か)|幸い/u;

/** Two lists of findings sorted by start, merged (earlier list first on a tie, as a stable sort keeps them). */
function mergeByStart(a: RuleReport[], b: RuleReport[]): RuleReport[] {
  if (b.length === 0) return a;
  const out: RuleReport[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.start! <= b[j]!.start!)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

export const pressureJa: JapaneseWording = {
  check(doc) {
    return perParagraph(doc, 'ja/pressure', (sentences) => {
    // What a sentence says is read once per sentence, not once per match: a sentence of many
    // 至急 was quadratic when every match tested the whole sentence again.
    const facts = new Map<JaSentence, { request: boolean; ownPromise: boolean; softAsk: boolean }>();
    const factsOf = (s: JaSentence) => {
      let f = facts.get(s);
      if (!f) facts.set(s, (f = { request: REQUEST.test(s.text), ownPromise: OWN_PROMISE.test(s.core), softAsk: SOFT_ASK.test(s.text) }));
      return f;
    };
    // Findings do not overlap: each pass's matches come in order, so an overlap is looked for
    // with a moving pointer into the earlier passes' findings (sorted) and against the last one
    // this pass added, instead of against every finding so far.
    let kept: RuleReport[] = [];
    const pass = (matches: ReturnType<typeof findAll>, accept: (m: ReturnType<typeof findAll>[number]) => boolean, messageId = 'default') => {
      const added: RuleReport[] = [];
      let k = 0;
      for (const m of matches) {
        if (!accept(m)) continue;
        while (k < kept.length && kept[k]!.end! <= m.start) k++;
        if (k < kept.length && kept[k]!.start! < m.end) continue;
        const last = added[added.length - 1];
        if (last && last.start! < m.end && m.start < last.end!) continue;
        added.push({ start: m.start, end: m.end, messageId, data: { phrase: m.text } });
      }
      kept = mergeByStart(kept, added);
    };
    pass(findAll(sentences, URGENT), (m) => {
      // すぐに / 急いで are pressure only in a request; 至急 and 直ちに unless the writer promises.
      const strong = !/^(?:すぐに|急いで)$/u.test(m.text);
      const f = factsOf(m.sentence);
      return strong ? f.request || !f.ownPromise : f.request && !f.ownPromise;
    });
    pass(findAll(sentences, DEADLINE), (m) => {
      const f = factsOf(m.sentence);
      return f.request && !f.ownPromise && !f.softAsk;
    });
    pass(findAll(sentences, ULTIMATUM), () => true, 'ultimatum');
    return kept;
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
