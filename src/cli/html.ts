/**
 * HTML mail bodies → plain text the engine can read. A linear scanner, not a parser: nothing is
 * executed, no DOM is built, and no regex spans more than one run of a disjoint character class.
 * Block elements become line breaks, <blockquote> becomes "> " lines (so the engine still
 * recognises the quoted thread), script/style/head content is dropped, entities are decoded.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', sbquo: '\u201a', bdquo: '\u201e',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', bull: '\u2022', middot: '\u00b7',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', euro: '\u20ac', yen: '\u00a5', pound: '\u00a3',
  cent: '\u00a2', times: '\u00d7', divide: '\u00f7', deg: '\u00b0', plusmn: '\u00b1', sect: '\u00a7',
  para: '\u00b6', laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', shy: '\u00ad',
  eacute: '\u00e9', egrave: '\u00e8', agrave: '\u00e0', aacute: '\u00e1', ouml: '\u00f6', uuml: '\u00fc',
  auml: '\u00e4', szlig: '\u00df', ccedil: '\u00e7', ntilde: '\u00f1', iexcl: '\u00a1', iquest: '\u00bf',
};

/** Decodes named (common set) and numeric character references; unknown ones stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const amp = s.indexOf('&', i);
    if (amp === -1) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, amp);
    // References are short; looking at most 32 characters ahead keeps this linear.
    const semi = s.indexOf(';', amp + 1);
    const name = semi !== -1 && semi - amp <= 32 ? s.slice(amp + 1, semi) : '';
    let decoded: string | undefined;
    if (name.startsWith('#x') || name.startsWith('#X')) decoded = fromCodePoint(parseInt(name.slice(2), 16), name.slice(2), /^[0-9a-f]{1,6}$/i);
    else if (name.startsWith('#')) decoded = fromCodePoint(parseInt(name.slice(1), 10), name.slice(1), /^\d{1,7}$/);
    else if (name) decoded = NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()];
    if (decoded === undefined) {
      out += '&';
      i = amp + 1;
    } else {
      out += decoded;
      i = semi + 1;
    }
  }
  return out;
}

function fromCodePoint(cp: number, digits: string, shape: RegExp): string | undefined {
  if (!shape.test(digits) || !Number.isFinite(cp)) return undefined;
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}

/** Elements whose content is never text the writer wrote. */
const SKIP_CONTENT = new Set(['script', 'style', 'head', 'title', 'template', 'svg', 'math', 'object', 'iframe']);
/** Elements that end a line. */
const LINE_BLOCKS = new Set([
  'div', 'li', 'tr', 'dd', 'dt', 'address', 'figure', 'figcaption', 'form', 'fieldset', 'main', 'nav',
  'aside', 'center', 'section', 'article', 'header', 'footer', 'caption', 'tbody', 'thead', 'tfoot', 'dl',
  'o:p',
]);
/** Elements that end a paragraph (a blank line). */
const PARAGRAPH_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table', 'pre', 'hr']);
const NAME_CHAR = /[A-Za-z0-9:-]/;

export function htmlToText(html: string): string {
  const n = html.length;
  let out = '';
  let trailingNewlines = 0; // newlines at the end of `out` since the last text
  let quoteDepth = 0;
  let preDepth = 0;
  let pendingSpace = false;

  const breakLine = (count: number): void => {
    pendingSpace = false;
    if (out === '') return;
    while (trailingNewlines < count) {
      out += '\n';
      trailingNewlines++;
    }
  };
  const emit = (text: string): void => {
    if (text === '') return;
    if (trailingNewlines > 0 || out === '') {
      if (quoteDepth > 0) out += '> '.repeat(quoteDepth);
    } else if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += text;
    trailingNewlines = 0;
  };
  const emitText = (raw: string): void => {
    if (preDepth > 0) {
      const lines = decodeEntities(raw).split('\n');
      lines.forEach((line, k) => {
        if (k > 0) {
          out += '\n';
          trailingNewlines++;
        }
        emit(line.replace(/\r$/, ''));
      });
      return;
    }
    const text = decodeEntities(raw.replace(/[ \t\r\n\f]+/g, ' '));
    const lead = text.startsWith(' ');
    const trail = text.endsWith(' ') && text.length > 1;
    const core = text.trim();
    if (core === '') {
      if (text.length > 0 && trailingNewlines === 0 && out !== '') pendingSpace = true;
      return;
    }
    if (lead && trailingNewlines === 0 && out !== '') pendingSpace = true;
    emit(core);
    if (trail) pendingSpace = true;
  };

  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      emitText(html.slice(i));
      break;
    }
    if (lt > i) emitText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? n : close + 3;
      continue;
    }
    const c1 = html[lt + 1] ?? '';
    if (c1 === '!' || c1 === '?') {
      const close = html.indexOf('>', lt + 2);
      i = close === -1 ? n : close + 1;
      continue;
    }
    const closing = c1 === '/';
    let j = lt + (closing ? 2 : 1);
    const nameStart = j;
    while (j < n && NAME_CHAR.test(html[j]!)) j++;
    if (j === nameStart) {
      // A bare "<" in text ("a < b").
      emitText('<');
      i = lt + 1;
      continue;
    }
    const name = html.slice(nameStart, j).toLowerCase();
    // Find the end of the tag, skipping quoted attribute values (they may contain ">").
    let quote = '';
    while (j < n) {
      const ch = html[j]!;
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') break;
      j++;
    }
    const selfClosing = html[j - 1] === '/';
    i = j + 1;

    if (SKIP_CONTENT.has(name) && !closing && !selfClosing) {
      i = skipElement(html, i, name);
      continue;
    }
    if (name === 'br') {
      out += out === '' ? '' : '\n';
      if (out !== '') trailingNewlines++;
      pendingSpace = false;
    } else if (name === 'blockquote') {
      breakLine(2);
      quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
    } else if (name === 'pre') {
      breakLine(2);
      preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    } else if (PARAGRAPH_BLOCKS.has(name)) {
      breakLine(2);
    } else if (LINE_BLOCKS.has(name)) {
      breakLine(1);
      if (name === 'li' && !closing) emit('- ');
    } else if ((name === 'td' || name === 'th') && !closing) {
      if (trailingNewlines === 0 && out !== '') pendingSpace = true;
    }
  }
  return out
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map(trimEndSpaces)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Trailing spaces and tabs off, without a `[ \t]+$` regex (quadratic on long inner runs). */
function trimEndSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/** Index just after `</name ...>`, or the end of the input when the element never closes. */
function skipElement(html: string, from: number, name: string): number {
  let k = from;
  for (;;) {
    const lt = html.indexOf('</', k);
    if (lt === -1) return html.length;
    if (html.slice(lt + 2, lt + 2 + name.length).toLowerCase() === name) {
      const gt = html.indexOf('>', lt + 2 + name.length);
      return gt === -1 ? html.length : gt + 1;
    }
    k = lt + 2;
  }
}
