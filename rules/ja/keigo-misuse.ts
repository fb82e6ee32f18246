import { defineRule, docLanguage, humbleFormOf, type RuleReport } from '../../src/engine';
import { findAll, perParagraph } from './japanese/shared';

/**
 * Honorifics used wrongly in business mail, each a class of conjugated forms:
 * - `ryokai`: 了解しました / 了解です / 了解いたしました to a partner (→ 承知しました);
 * - `gokurou`: ご苦労様です (said to subordinates);
 * - `double`: a double honorific — おっしゃられる, ご覧になられる, お見えになられる, ご来店になられる
 *   (お/ご〜になる + られる in any inflection), 拝見させていただく, お伺いさせていただく;
 * - `humbleForPartner`: a humble form for the partner's action (お待ちしてください, ご利用して
 *   ください, 拝見してください, 申してください);
 * - `ownSide`: an honorific for the writer's own side (弊社の部長がおっしゃって);
 * - `sumimasen`: すみません as an apology (→ 申し訳ございません).
 */
const RYOKAI = /了解(?:いたしました|致しました|しました|です|しております|いたします|致します)/gu;
const GOKUROU = /ご苦労(?:様|さま)(?:です|でした|でございます)?/gu;
/** おっしゃられ-, いらっしゃられ-, 召し上がられ- and お/ご〜になられ- with their inflections. */
const DOUBLE_RARE = /(?:おっしゃ|仰|いらっしゃ|召し上が)られ(?:ます|ました|ていた|ている|ており|て|た|る)|[おご御][\u3040-\u309f\u4e00-\u9fff]{1,5}?にな(?:られ)(?:ます|ました|ていた|ている|ており|て|た|る)/gu;
const DOUBLE_HUMBLE = /(?:拝見|拝読|拝聴|拝受|お伺い|伺い|お伺わ|伺わ)(?:させ|せ)て(?:いただ|頂)(?:きます|きました|きたく|いた|いて|き|く)/gu;
/** お/ご + a verb stem + して ください: the humble お〜する used for the partner. */
const HUMBLE_FOR_PARTNER = /[おご御][\u4e00-\u9fff]{1,4}[ちりきしいみびせえけ]?して(?:ください|下さい|くださいませ)|(?:拝見|拝読|拝聴|拝借)して(?:ください|下さい|いただ|頂)|申して(?:ください|下さい)|(?:伺|参)って(?:ください|下さい)/gu;
/** An honorific verb whose subject is the writer's company or the writer. */
const OWN_SIDE = /(?:弊社|当社|私ども|弊行|弊所|小社)の?[^、。様]{0,10}?(?:が|は|も)(?:おっしゃ|いらっしゃ|ご覧にな|お越しにな|お見えにな|召し上が|お帰りにな|ご出席にな)/gu;
const SUMIMASEN = /(?:すみません|すいません|済みません)(?:でした)?(?!が)/gu;

/** おっしゃられていた → おっしゃっていた; ご来店になられる → ご来店になる. */
function dropRare(span: string): string {
  return span
    .replace(/られ(ます|ました)$/u, (_, t: string) => (t === 'ます' ? 'ります' : 'りました'))
    .replace(/られ(ていた|ている|ており|て|た)$/u, (_, t: string) => `っ${t}`)
    .replace(/られる$/u, 'る')
    .replace(/^(おっしゃ|仰|いらっしゃ)(ります|りました)$/u, (_, s: string, t: string) => `${s}${t === 'ります' ? 'います' : 'いました'}`);
}

export default defineRule({
  id: 'ja/keigo-misuse',
  pack: 'ja',
  severity: 'warning',
  description: {
    en: 'Honorifics misused in Japanese business mail: 了解しました, ご苦労様です, double honorifics, humble forms for the partner, すみません as an apology.',
    ja: 'ビジネスメールでの敬語の誤用（了解しました、ご苦労様です、二重敬語、相手の行為への謙譲語、お詫びのすみません）。',
  },
  messages: {
    default: { en: '"{phrase}": use {fix}.', ja: '「{phrase}」は「{fix}」が適切です。' },
    ryokai: {
      en: '"{phrase}" is said to colleagues and juniors; to a partner write 承知しました.',
      ja: '「{phrase}」は同僚や目下の人に使う表現です。取引先には「承知しました」を使いましょう。',
    },
    gokurou: {
      en: '"{phrase}" is said by a superior to a subordinate; thank the partner instead.',
      ja: '「{phrase}」は目上の人が目下の人をねぎらう言葉です。取引先にはお礼を伝えましょう。',
    },
    double: {
      en: 'Double honorific: "{phrase}" stacks two honorific forms; use {fix}.',
      ja: '二重敬語: 「{phrase}」は敬語が重なっています。「{fix}」で十分です。',
    },
    humbleForPartner: {
      en: '"{phrase}" uses a humble form for the partner\'s own action; use {fix}.',
      ja: '「{phrase}」は相手の行為に謙譲語を使っています。「{fix}」が適切です。',
    },
    ownSide: {
      en: '"{phrase}" honours your own side; use a humble or neutral form for your company.',
      ja: '「{phrase}」は自社側に尊敬語を使っています。身内には謙譲語か丁寧語を使いましょう。',
    },
    sumimasen: {
      en: '"{phrase}" is too light for an apology to a partner; write 申し訳ございません.',
      ja: '「{phrase}」は取引先へのお詫びとしては軽すぎます。「申し訳ございません」を使いましょう。',
    },
  },
  rationales: {
    default: {
      en: 'Japanese readers notice keigo mistakes at once; a wrong or doubled honorific makes the writer look careless or, for 了解 and ご苦労様, as if talking down to the partner.',
      ja: '敬語の誤りは日本の読み手にすぐ気づかれます。誤った敬語や二重敬語は不注意に見え、「了解」「ご苦労様」は相手を目下扱いしているように受け取られます。',
    },
  },
  advice: {
    en: 'Use the single correct form: 承知しました, おっしゃる, ご覧になる, 拝見しました, お待ちください, 申し訳ございません.',
    ja: '正しい形を一つだけ使いましょう（承知しました、おっしゃる、ご覧になる、拝見しました、お待ちください、申し訳ございません）。',
  },
  check(doc) {
    if (docLanguage(doc) !== 'ja') return [];
    // Sentence-local: cached per paragraph, so an edit re-checks one paragraph.
    return perParagraph(doc, 'ja/keigo-misuse', (sentences) => {
    const reports: RuleReport[] = [];
    const add = (start: number, end: number, messageId: string, phrase: string, fix?: string) => {
      if (reports.some((r) => r.start! < end && start < r.end!)) return;
      reports.push({
        start,
        end,
        messageId,
        data: { phrase, fix: fix ?? '' },
        ...(fix !== undefined
          ? { suggestion: { text: { en: `Write ${fix}.`, ja: `「${fix}」と書きましょう。` }, replacement: fix } }
          : {}),
      });
    };
    for (const m of findAll(sentences, RYOKAI)) {
      const fix = m.text === '了解です' ? '承知しました' : m.text.replace('了解', '承知');
      add(m.start, m.end, 'ryokai', m.text, fix);
    }
    for (const m of findAll(sentences, GOKUROU)) add(m.start, m.end, 'gokurou', m.text);
    for (const m of findAll(sentences, DOUBLE_HUMBLE)) {
      const humble = humbleFormOf(m.text);
      const stem = /^(?:お伺|伺)/u.test(m.text) ? 'お伺い' : m.text.slice(0, 2);
      // 拝見させていただきました → 拝見いたしました; お伺いさせていただきます → お伺いいたします.
      const fix = humble === undefined ? undefined : `${stem}${humble}`;
      add(m.start, m.end, 'double', m.text, fix);
    }
    // お客様になられる ("become a customer") is なる's honorific, not a double one.
    for (const m of findAll(sentences, DOUBLE_RARE)) if (!m.text.includes('様')) add(m.start, m.end, 'double', m.text, dropRare(m.text));
    for (const m of findAll(sentences, HUMBLE_FOR_PARTNER)) {
      let fix: string | undefined;
      if (/^[おご御]/u.test(m.text)) fix = m.text.replace(/して(ください|下さい|くださいませ)$/u, '$1');
      else if (/^拝見/u.test(m.text)) fix = 'ご覧ください';
      else if (/^拝読/u.test(m.text)) fix = 'お読みください';
      else if (/^申して/u.test(m.text)) fix = 'おっしゃってください';
      add(m.start, m.end, 'humbleForPartner', m.text, fix);
    }
    for (const m of findAll(sentences, OWN_SIDE)) add(m.start, m.end, 'ownSide', m.text);
    for (const m of findAll(sentences, SUMIMASEN)) {
      add(m.start, m.end, 'sumimasen', m.text, m.text.endsWith('でした') ? '申し訳ございませんでした' : '申し訳ございません');
    }
    return reports.sort((a, b) => a.start! - b.start!);
    });
  },
  examples: {
    fire: [
      { text: '12月9日（火）15時、了解しました。', excerpt: '了解しました', output: '12月9日（火）15時、承知しました。' },
      { text: 'さっそく部内で拝見させていただきました。', excerpt: '拝見させていただきました', output: 'さっそく部内で拝見いたしました。' },
      { text: '前回おっしゃられていた梱包仕様の件です。', excerpt: 'おっしゃられていた', output: '前回おっしゃっていた梱包仕様の件です。' },
      { text: '12月10日にご来店になられる際に、お持ちください。', excerpt: 'ご来店になられる', output: '12月10日にご来店になる際に、お持ちください。' },
      { text: '番号札をお取りになり、少々お待ちしてください。', excerpt: 'お待ちしてください', output: '番号札をお取りになり、少々お待ちください。' },
      { text: '直前のお願いとなってしまい、すみません。', excerpt: 'すみません', output: '直前のお願いとなってしまい、申し訳ございません。' },
      { text: '弊社の部長がおっしゃっていたとおりです。', excerpt: '弊社の部長がおっしゃ' },
      { text: '本日はご苦労様でした。' },
    ],
    pass: [
      { text: '12月3日（水）14時からのお打ち合わせ、承知しました。' },
      { text: '貴行が現在お感じになっている課題をお聞かせいただけないでしょうか。' },
      { text: '完成予想図でもご覧になれます。拝見しましたところ、不備はございませんでした。' },
      { text: '来週、貴社にお伺いいたします。' },
      { text: '社内の了解を得たうえで、お送りいたします。' },
      { text: 'ご不明な点がございましたら、お気軽にお問い合わせください。' },
    ],
  },
});
