/**
 * ja/blunt-imperative in Japanese wording: plain imperatives (確認して。, 使わないで。, 送れ, 〜しなさい,
 * 〜するように。) and, in a first contact, bare て-form + ください (見てください, 返送してください) when
 * the draft has no soft request form. Fixed お/ご〜ください forms (ご確認ください, ご査収ください,
 * お気軽にお問い合わせください) are polite.
 */
import type { RuleReport } from '../../../src/engine';
import type { JapaneseWording } from './extend';
import { bodySentences, findAll, perParagraph, SOFT_REQUEST } from './shared';

/** A sentence that ends in a て/で-form (an order in plain speech), but not adverbs and set phrases. */
const TE_END = /(?:[^まにと]して|って|いて|いで|んで|けて|せて|えて|べて|めて|れて|ねて|てて|きて|みて|じて|びて|りて|ないで)$/u;
const NOT_ORDER = /(?:はじめまして|初めまして|つきまして|ありまして|おりまして|改めて|初めて|はじめて|併せて|あわせて|極めて|すべて|全て|決して|とって|よって|対して|関して|際して|おいて|ついて|向けて|かけて|通して|として|にて|そして|続いて|ついで|次いで)$/u;
const COMMAND = /(?:しろ|せよ|しなさい|なさい|するように|しないように|ように)$/u;
const GODAN_COMMAND = /(?:送れ|やれ|出せ|返せ|直せ|急げ|守れ|読め|見ろ|来い|書け|払え|答えろ|決めろ)$/u;
/** Bare て + ください, not preceded by an お/ご〜 form (which keigo-misuse reads if it is wrong). */
const TE_KUDASAI = /[\u3040-\u309f\u4e00-\u9fff]{1,6}?(?:て|で)(?:ください|下さい)/gu;

export const bluntImperativeJa: JapaneseWording = {
  check(doc) {
    const out: RuleReport[] = perParagraph(doc, 'ja/blunt-imperative', (sentences) => {
    const found: RuleReport[] = [];
    for (const s of sentences) {
      if (s.bullet || s.terminator === '？' || s.terminator === '?') continue;
      const core = s.core.replace(/(?:ね|よ|な)$/u, '');
      if ((TE_END.test(core) && !NOT_ORDER.test(core)) || COMMAND.test(core) || GODAN_COMMAND.test(core)) {
        const te = /(?:て|で)$/u.test(core);
        found.push({
          start: s.start,
          end: s.start + core.length,
          data: { phrase: core },
          ...(te
            ? {
                suggestion: {
                  text: { en: 'Make it a request: 〜ていただけますでしょうか.', ja: '「〜ていただけますでしょうか」と依頼の形にしましょう。' },
                  replacement: `${core}いただけますでしょうか`,
                },
              }
            : {}),
        });
      }
    }
    return found;
    });
    const sentences = bodySentences(doc);
    if (doc.firstContact && !sentences.some((s) => SOFT_REQUEST.test(s.text))) {
      for (const m of findAll(sentences, TE_KUDASAI)) {
        const head = m.text.replace(/(?:て|で)(?:ください|下さい)$/u, '');
        // お待ちください-like forms have no て; "ご〜して" is keigo-misuse's.
        if (/^[おご御]/u.test(head)) continue;
        const at = m.text.search(/(?:ください|下さい)$/u);
        out.push({
          start: m.start,
          end: m.end,
          data: { phrase: m.text },
          suggestion: {
            text: { en: 'Ask: 〜ていただけますでしょうか.', ja: '「〜ていただけますでしょうか」とお願いしましょう。' },
            replacement: `${m.text.slice(0, at)}いただけますでしょうか`,
          },
        });
      }
    }
    return out.sort((a, b) => a.start! - b.start!);
  },
  examples: {
    fire: [
      { text: '加工前に、寸法をもう一度確認して。', excerpt: '加工前に、寸法をもう一度確認して', output: '加工前に、寸法をもう一度確認していただけますでしょうか。' },
      { text: '旧図面は使わないで。' },
      { text: '明日までに提出するように。' },
      {
        text: '株式会社ネオファーム\n佐々木様\n\nはじめまして。アドブーストの中村と申します。\nまずは添付の会社案内を見てください。',
        context: { firstContact: 'yes' },
        excerpt: '会社案内を見てください',
      },
    ],
    pass: [
      { text: 'はじめまして。アドブーストの中村と申します。' },
      { text: 'ご不明な点がございましたら、お気軽にお問い合わせください。' },
      { text: '添付の資料をご確認ください。' },
      { text: '資料を見てください。', context: { firstContact: 'no' } },
      { text: '内容をご確認のうえ、押印して返送してください。ご都合のよい日時をお知らせいただけますでしょうか。', context: { firstContact: 'yes' } },
    ],
  },
};
