import { defineRule, type RuleReport } from '../../src/engine';

/** RULES.md: more than 2 exclamation marks in a draft is overuse. */
export const MAX_EXCLAMATIONS = 2;

const MARK = /^[!?！？]+$/;

interface Mark {
  start: number;
  end: number;
  text: string;
}

function exclamations(t: Mark): number {
  let n = 0;
  for (const ch of t.text) if (ch === '!' || ch === '！') n++;
  return n;
}

export default defineRule({
  id: 'common/exclamation-overuse',
  pack: 'common',
  severity: 'warning',
  description: {
    en: 'Doubled exclamation marks ("!!"), or more than two in one email.',
    ja: '「!!」のような連続した感嘆符、または1通に3つ以上の感嘆符。',
  },
  messages: {
    default: {
      en: 'Repeated exclamation marks: "{phrase}".',
      ja: '感嘆符の連続：「{phrase}」',
    },
    many: {
      en: 'Too many exclamation marks: {count} in one email.',
      ja: '感嘆符が多すぎます：1通に{count}個あります。',
    },
  },
  rationales: {
    default: {
      en: 'Several exclamation marks read as over-excited or unprofessional, and they make the one that matters count less.',
      ja: '感嘆符が多いと、はしゃいでいる・ビジネスらしくないと受け取られ、本当に強調したい箇所も目立たなくなります。',
    },
  },
  advice: {
    en: 'One exclamation mark at most, e.g. in the greeting; end other sentences with a period.',
    ja: '感嘆符は1通に1つまで（あいさつなど）にして、ほかの文は句点（ピリオド）で終えましょう。',
  },
  check(doc) {
    // Groups of adjacent marks: the tokenizer keeps "!!" together but splits full-width "！！".
    const marks: Mark[] = [];
    let total = 0;
    for (const p of doc.paragraphs) {
      if (!p.text.includes('!') && !p.text.includes('！')) continue;
      let current: Mark | undefined;
      for (const t of p.tokens) {
        if (t.isWord || !MARK.test(t.text)) {
          current = undefined;
          continue;
        }
        if (current && current.end === t.start) {
          current.end = t.end;
          current.text += t.text;
        } else {
          current = { start: t.start, end: t.end, text: t.text };
          marks.push(current);
        }
      }
    }
    for (const m of marks) total += exclamations(m);
    const bangs = marks.filter((m) => exclamations(m) > 0);
    const reports: RuleReport[] = [];
    for (const t of bangs) {
      if (exclamations(t) < 2) continue;
      const keep = /[?？]/.test(t.text) ? '?!' : t.text.includes('！') ? '！' : '!';
      reports.push({
        start: t.start,
        end: t.end,
        data: { phrase: t.text },
        suggestion: { text: { en: `Use a single "${keep}".`, ja: `「${keep}」1つにしましょう。` }, replacement: keep },
      });
    }
    if (total > MAX_EXCLAMATIONS) {
      // Keep the first mark (often the greeting); point at the others that are not already reported.
      for (const t of bangs.slice(1)) {
        if (exclamations(t) >= 2) continue;
        reports.push({
          start: t.start,
          end: t.end,
          messageId: 'many',
          data: { count: total },
          suggestion: { text: { en: 'End this sentence with a period.', ja: 'この文は句点（ピリオド）で終えましょう。' }, replacement: t.text === '！' ? '。' : '.' },
        });
      }
    }
    return reports.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  },
  examples: {
    fire: [
      { text: 'Great news!! We closed Q3 with 214 installs.', excerpt: '!!', output: 'Great news! We closed Q3 with 214 installs.' },
      { text: 'Hi Ken! Thanks for the layout! The booth looks great! See you there.', excerpt: '!' },
      { text: 'Howdy from Austin!!\n\nNice to e-meet you!', excerpt: '!!' },
      { text: 'Really?!! That is great.', excerpt: '?!!', output: 'Really?! That is great.' },
      { text: 'ありがとうございます！！', excerpt: '！！' },
    ],
    pass: [
      { text: 'Hi Ken!\n\nThe agenda is attached. See you on Wednesday.' },
      { text: 'Hi Yoshida-san!\n\nNo problem at all. Looking forward to the demo!' },
      { text: 'Thanks for the update. The parts shipped today.' },
    ],
  },
});
