/**
 * ja/deflecting-blame in Japanese wording: denying the writer's own responsibility (弊社の責任では
 * ございません, 弊社の工程に問題があったわけではございません), putting it on someone (〜のせいで,
 * 担当者のミスで, メーカー側の問題, 外注先側で), and "as I said before" (申し上げました通り).
 */
import type { RuleReport } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { findAll, perParagraph } from './shared';

const DENIAL = /(?:弊社|当社|私ども|弊行|私)(?:側)?の?[^、。]{0,12}?(?:責任|問題|落ち度|過失|不具合|ミス|不手際|不備)(?:が(?:あった|ある)わけ)?(?:で|に)は(?:ございません|ありません|ない)/gu;
const PARTY = /[^、。\s]{1,8}?(?:の)?せいで|(?:担当者|担当|新人|部下|アルバイト|派遣社員|外注先|委託先|協力会社|メーカー|ベンダー|仕入先|運送会社|配送業者|業者)(?:側)?(?:の|が)(?:ミス|不手際|手違い|せい|責任|落ち度)|(?:メーカー|ベンダー|外注先|委託先|仕入先|運送会社|配送業者|業者|先方|工場)側(?:で|の|に)/gu;
const REMINDER = /(?:以前|前回|先日|何度も|再三|既に|すでに)?(?:申し上げ(?:まし)?た|お伝えし(?:まし)?た|ご説明し(?:まし)?た|お知らせし(?:まし)?た)(?:通り|とおり)/gu;

export const deflectingBlameJa: JapaneseWording = {
  check(doc) {
    return perParagraph(doc, 'ja/deflecting-blame', (sentences) => {
    const out: RuleReport[] = [];
    for (const m of findAll(sentences, DENIAL)) out.push({ start: m.start, end: m.end, data: { phrase: m.text } });
    for (const m of findAll(sentences, PARTY)) out.push({ start: m.start, end: m.end, messageId: 'party', data: { phrase: m.text } });
    for (const m of findAll(sentences, REMINDER)) out.push({ start: m.start, end: m.end, messageId: 'reminder', data: { phrase: m.text } });
    return out.sort((a, b) => a.start! - b.start!);
    });
  },
  examples: {
    fire: [
      { text: '今回の遅れは外注先の設備の不具合によるもので、弊社の工程に問題があったわけではございません。', excerpt: '弊社の工程に問題があったわけではございません' },
      { text: '原因は貴社の設定変更によるもので、弊社のシステムの不具合ではございません。' },
      { text: 'お電話でも申し上げました通り、部品はメーカー側で在庫が不足しております。', excerpt: '申し上げました通り' },
      { text: '担当者のミスで、発送が遅れました。' },
    ],
    pass: [
      { text: '直接の原因はベンダーの設定変更ですが、委託先の管理を含め、すべて弊社の責任と受け止めております。' },
      { text: '弊社側で対応いたします。' },
      { text: 'ご説明のとおり、来週伺います。' },
    ],
  },
};
