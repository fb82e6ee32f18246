import { defineRule, type Paragraph, type RuleDoc } from '../../src/engine';

/** RULES.md: more than 300 of the writer's new words (quotes and signature excluded). */
export const MAX_WORDS = 300;
const DIGITS = /^\d+$/;

/**
 * Words as a reader counts them: "18,500" and "2,000" are one number each, although the
 * tokenizer splits them at the comma.
 */
export function countWords(doc: RuleDoc): number {
  let count = 0;
  // Counted per paragraph and cached by its text: an edit recounts one paragraph.
  for (const p of doc.paragraphs) count += doc.memoParagraph('us/too-long:words', p, countParagraphWords);
  return count;
}

function countParagraphWords(p: Paragraph): number {
  let count = 0;
  const t = p.tokens;
  for (let i = 0; i < t.length; i++) {
    if (!t[i]!.isWord) continue;
    const comma = t[i - 1];
    const before = t[i - 2];
    const isGroupContinuation =
      DIGITS.test(t[i]!.text) &&
      t[i]!.text.length === 3 &&
      comma?.text === ',' &&
      comma.end === t[i]!.start &&
      before !== undefined &&
      before.end === comma.start &&
      /\d$/.test(before.text);
    if (!isGroupContinuation) count++;
  }
  return count;
}

function words(n: number): string {
  return 'lorem '.repeat(n).trim();
}

export default defineRule({
  id: 'us/too-long',
  pack: 'us',
  severity: 'info',
  description: {
    en: 'More than 300 words of new text.',
    ja: '本文（引用と署名を除く）が300語を超えている。',
  },
  messages: {
    default: {
      en: 'Long email: {words} words (more than {max}).',
      ja: '長いメール：{words}語あります（目安は{max}語以内）。',
    },
  },
  rationales: {
    default: {
      en: 'American readers skim: past a screenful, the point and the request are easy to miss.',
      ja: 'アメリカの読み手は流し読みします。1画面を超えると、要点や依頼が読み飛ばされやすくなります。',
    },
  },
  advice: {
    en: 'Lead with the point, use bullets for details, and cut the rest (or move it to an attachment).',
    ja: '要点を最初に書き、詳細は箇条書きにして、残りは削るか添付資料に回しましょう。',
  },
  check(doc) {
    if (doc.wordCount <= MAX_WORDS) return [];
    const count = countWords(doc);
    if (count <= MAX_WORDS) return [];
    return [{ data: { words: count, max: MAX_WORDS } }];
  },
  examples: {
    fire: [
      { text: `Hi Greg,\n\n${words(320)}.\n\nThanks,\nJenna` },
      { text: `${words(200)}.\n\n${words(150)}.` },
      { text: `Dear Mr. Turner,\n\n${words(301)}.` },
    ],
    pass: [
      { text: `Hi Greg,\n\n${words(250)}.\n\nThanks,\nJenna` },
      // The quoted message does not count.
      { text: `Hi Greg,\n\n${words(200)}.\n\nThanks,\nJenna\n\nOn Mon, Nov 3, 2025 at 4:40 PM Greg <g@x.com> wrote:\n> ${words(200)}` },
      // Numbers with thousands separators are one word each.
      { text: `${words(280)} ${'18,500 '.repeat(15).trim()}.` },
    ],
  },
});
