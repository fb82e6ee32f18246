/**
 * The text model of a rich-text editor: the plain-text body as the user sees it, with a map
 * from every body offset back to the DOM, so a finding's [start, end) becomes a Range over
 * exactly those characters.
 *
 * Lines follow what the editor renders, not `innerText` (whose results for Gmail's
 * `<div><br></div>` empty lines differ between browsers):
 * - a block element starts and ends a line; `<p>` (margins) leaves a blank line;
 * - `<br>` ends the current line; a trailing `<br>` in a block (the placeholder that gives an
 *   empty line its height) adds no line of its own;
 * - runs of white space collapse as CSS `white-space: normal` does, unless the editor or a
 *   `<pre>` preserves them; U+00A0 becomes a space; zero-width spaces are dropped.
 *
 * One pass over the DOM, only reads (no layout, no selection change): safe on every keystroke.
 */
import { lastAtOrBefore } from '../engine/scan';

export interface TextModelOptions {
  /** Elements whose text is the quoted thread: left out of the body, collected in `quoted`. */
  quoteSelector?: string;
  /** Elements left out entirely (signatures). */
  skipSelector?: string;
  /**
   * A node inside the editor from which on, itself included and in document order, everything
   * is quoted (Outlook puts the earlier message after its reply header, not inside it).
   */
  quoteFrom?: Node | null;
  /** `white-space` of the editor preserves spaces and line breaks (pre, pre-wrap, break-spaces). */
  preserveWhitespace?: boolean;
}

export interface TextModel {
  body: string;
  /** The text of the quoted parts, in document order ('' when there is none). */
  quoted: string;
  /** A Range over body[start, end); null when the span is out of bounds. */
  rangeFor(start: number, end: number): Range | null;
  /** The body offset of a DOM position inside the editor (a caret), or null outside it. */
  offsetAt(node: Node, offset: number): number | null;
}

/** Elements that start and end a line. `<p>` and friends add a blank line (their margins). */
const BLOCK_BREAKS: Record<string, number> = {
  ADDRESS: 1, ARTICLE: 1, ASIDE: 1, BLOCKQUOTE: 1, CENTER: 1, DD: 1, DETAILS: 1, DIV: 1, DL: 1,
  DT: 1, FIELDSET: 1, FIGCAPTION: 1, FIGURE: 1, FOOTER: 1, FORM: 1, HEADER: 1, HR: 1, LI: 1,
  MAIN: 1, NAV: 1, OL: 1, PRE: 1, SECTION: 1, SUMMARY: 1, TABLE: 1, TBODY: 1, THEAD: 1, TFOOT: 1,
  TR: 1, TD: 1, TH: 1, UL: 1, CAPTION: 1,
  P: 2, H1: 2, H2: 2, H3: 2, H4: 2, H5: 2, H6: 2,
};

/** Never visible text. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT', 'SVG', 'svg']);

/** Accumulates lines of text; the body writer also records where each character came from. */
class LineWriter {
  readonly chunks: string[] = [];
  length = 0;
  /** Line breaks owed before the next visible content (lazy, so trailing breaks vanish). */
  private pendingBreaks = 0;
  private lineHasContent = false;
  private lastIsCollapsibleSpace = false;
  // The offset map, run by run (one entry per character cost a pasted million characters three
  // million array slots and most of the read): run k covers body [segBody[k], segBody[k + 1])
  // (the last one up to `length`); its characters come one by one from nodes[segNode[k]] from
  // offset segStart[k] on (segNode -1: line breaks the DOM has no character for). The last
  // character of a run may stand for a collapsed run of spaces: it then ends at segTailEnd[k]
  // (-1 otherwise).
  readonly segBody: number[] = [];
  readonly segNode: number[] = [];
  readonly segStart: number[] = [];
  readonly segTailEnd: number[] = [];
  readonly nodes: Text[] = [];
  private lastNode: Text | null = null;

  constructor(private readonly mapped: boolean) {}

  /** A block boundary: the next content starts on a new line (or after a blank line). */
  block(breaks: number): void {
    if (this.lineHasContent || this.pendingBreaks > 0) this.pendingBreaks = Math.max(this.pendingBreaks, breaks);
  }

  /** `<br>`: ends the current line, which may be empty. */
  lineBreak(): void {
    this.flushBreaks();
    this.pendingBreaks = 1;
    this.lineHasContent = false;
  }

  /** A literal newline in preserved white space, mapped to its character. */
  newline(node: Text, at: number): void {
    this.flushBreaks();
    this.dropTrailingSpace();
    this.put('\n', node, at);
    this.lineHasContent = false;
  }

  /** Collapsible white space (CSS `white-space: normal`). */
  space(node: Text, at: number): void {
    // White space at the start of a line is not rendered.
    if (!this.lineHasContent) return;
    if (this.lastIsCollapsibleSpace) {
      // The run maps to its first character; widen it so a Range covers the whole run.
      if (this.mapped && this.lastNode === node) this.segTailEnd[this.segTailEnd.length - 1] = at + 1;
      return;
    }
    this.put(' ', node, at);
    this.lastIsCollapsibleSpace = true;
  }

  /** Visible text: `text` maps one to one onto node.data[at, at + text.length). */
  text(text: string, node: Text, at: number): void {
    this.flushBreaks();
    if (this.mapped) this.map(node, at);
    this.chunks.push(text);
    this.length += text.length;
    this.lineHasContent = true;
    this.lastIsCollapsibleSpace = false;
  }

  finish(): string {
    this.dropTrailingSpace();
    // Empty lines at the very end (Gmail's `<div><br></div>` before the signature) say nothing.
    while (this.length > 0 && this.chunks[this.chunks.length - 1] === '\n' && (!this.mapped || this.segNode[this.segNode.length - 1] === -1)) this.popChar();
    return this.chunks.join('');
  }

  private flushBreaks(): void {
    if (this.pendingBreaks === 0) return;
    this.dropTrailingSpace();
    for (let i = 0; i < this.pendingBreaks; i++) this.put('\n', null, 0);
    this.pendingBreaks = 0;
    this.lineHasContent = false;
  }

  /** A collapsible space at the end of a line is not rendered. */
  private dropTrailingSpace(): void {
    if (!this.lastIsCollapsibleSpace) return;
    this.lastIsCollapsibleSpace = false;
    this.popChar();
  }

  /** Takes back the last character put() added (a line break or a collapsible space). */
  private popChar(): void {
    this.chunks.pop();
    this.length--;
    if (!this.mapped) return;
    const k = this.segBody.length - 1;
    if (this.segBody[k]! >= this.length) {
      this.segBody.pop();
      this.segNode.pop();
      this.segStart.pop();
      this.segTailEnd.pop();
    } else {
      // The character now last was inside the run: one character wide.
      this.segTailEnd[k] = -1;
    }
  }

  /** One character (a line break or a space); `node` null for a line break with no DOM character. */
  private put(ch: string, node: Text | null, start: number): void {
    if (this.mapped) this.map(node, start);
    this.chunks.push(ch);
    this.length++;
  }

  /** Maps the characters about to be added at `length` to node.data from `at` on: extends the last run when they continue it. */
  private map(node: Text | null, at: number): void {
    let index = -1;
    if (node !== null) {
      if (node !== this.lastNode) {
        this.nodes.push(node);
        this.lastNode = node;
      }
      index = this.nodes.length - 1;
    }
    const k = this.segBody.length - 1;
    if (k >= 0 && this.segNode[k] === index && this.segTailEnd[k] === -1 && (index === -1 || this.segStart[k]! + (this.length - this.segBody[k]!) === at)) return;
    this.segBody.push(this.length);
    this.segNode.push(index);
    this.segStart.push(at);
    this.segTailEnd.push(-1);
  }
}

/**
 * A run of characters copied as they are, from `lastIndex` on: anything but collapsible white
 * space (space, tab, line breaks, form feed), U+00A0 (read as a space) and the zero-width
 * characters (dropped), and, as CSS renders it, a single space between two such characters.
 * A regex, not a loop over the characters: a pasted million characters took tens of
 * milliseconds one by one.
 */
const PLAIN_RUN = /[^ \t\n\f\r\u00a0\u200b\ufeff]+(?: [^ \t\n\f\r\u00a0\u200b\ufeff]+)*/y;
/** The same where white space is preserved: every space and tab is plain. */
const PLAIN_RUN_PRESERVED = /[^\n\r\u00a0\u200b\ufeff]+/y;

function writeText(w: LineWriter, node: Text, preserve: boolean): void {
  const data = node.data;
  const run = preserve ? PLAIN_RUN_PRESERVED : PLAIN_RUN;
  let i = 0;
  while (i < data.length) {
    run.lastIndex = i;
    if (run.test(data)) {
      // A run at once: one chunk per run keeps a 5,000-word read free of per-character strings.
      const j = run.lastIndex;
      w.text(data.slice(i, j), node, i);
      i = j;
      continue;
    }
    const c = data.charCodeAt(i);
    if (c === 0xa0) w.text(' ', node, i);
    else if (c === 10 && preserve) w.newline(node, i);
    else if (c !== 0x200b && c !== 0xfeff && !(c === 13 && preserve)) w.space(node, i);
    i++;
  }
}

function hidden(el: Element): boolean {
  if ((el as HTMLElement).hidden) return true;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return style?.display === 'none';
}

/** Builds the text model of `editor`. */
export function buildTextModel(editor: HTMLElement, options: TextModelOptions = {}): TextModel {
  const body = new LineWriter(true);
  const quote = new LineWriter(false);
  const { quoteSelector, skipSelector, quoteFrom = null } = options;
  let quoting = false;
  let quoteFromSeen = false;

  const walk = (node: Node, preserve: boolean): void => {
    if (!quoteFromSeen && quoteFrom !== null && node === quoteFrom) {
      quoteFromSeen = true;
      quoting = true;
    }
    const w = quoting ? quote : body;
    if (node.nodeType === 3) {
      writeText(w, node as Text, preserve);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName;
    if (SKIPPED_TAGS.has(tag) || hidden(el)) return;
    if (skipSelector && el.matches(skipSelector)) {
      const skippedBreaks = BLOCK_BREAKS[tag] ?? 0;
      if (skippedBreaks) w.block(skippedBreaks);
      return;
    }
    if (tag === 'BR') {
      w.lineBreak();
      return;
    }
    const enteringQuote = !quoting && !!quoteSelector && el.matches(quoteSelector);
    if (enteringQuote) quoting = true;
    const inner = quoting ? quote : body;
    const breaks = BLOCK_BREAKS[tag] ?? 0;
    if (breaks) inner.block(breaks);
    const pre = preserve || tag === 'PRE' || tag === 'TEXTAREA';
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child, pre);
    const after = quoting ? quote : body;
    if (breaks) after.block(breaks);
    if (enteringQuote) {
      quoting = false;
      quote.block(2);
      body.block(1);
    }
  };

  const preserve = options.preserveWhitespace ?? false;
  for (let child = editor.firstChild; child; child = child.nextSibling) walk(child, preserve);
  const text = body.finish();
  const quoted = quote.finish();
  const { segBody, segNode, segStart, segTailEnd, nodes } = body;
  const doc = editor.ownerDocument;

  /** The run holding body character i (binary search: runs are in body order). */
  const runOf = (i: number): number => lastAtOrBefore(segBody, i);
  const real = (i: number): boolean => i >= 0 && i < text.length && segNode[runOf(i)]! >= 0;
  const startOf = (i: number): [Node, number] => {
    const k = runOf(i);
    return [nodes[segNode[k]!] as Text, segStart[k]! + i - segBody[k]!];
  };
  const endOf = (i: number): [Node, number] => {
    const k = runOf(i);
    const last = (k + 1 < segBody.length ? segBody[k + 1]! : text.length) - 1;
    return [nodes[segNode[k]!] as Text, i === last && segTailEnd[k]! >= 0 ? segTailEnd[k]! : segStart[k]! + i - segBody[k]! + 1];
  };

  /** A DOM position for a boundary that falls on line breaks with no character in the DOM. */
  const positionBefore = (index: number): [Node, number] => {
    // Include the line break: start right after the previous character on the page.
    for (let j = index - 1; j >= 0; j--) if (real(j)) return endOf(j);
    for (let j = index; j < text.length; j++) if (real(j)) return startOf(j);
    return [editor, 0];
  };
  const positionAfter = (index: number): [Node, number] => {
    // `index` is the first character NOT covered: end right before the next character.
    for (let j = index; j < text.length; j++) if (real(j)) return startOf(j);
    for (let j = index - 1; j >= 0; j--) if (real(j)) return endOf(j);
    return [editor, editor.childNodes.length];
  };

  const rangeFor = (start: number, end: number): Range | null => {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) return null;
    const range = doc.createRange();
    const [sNode, sOff] = start < text.length && real(start) ? startOf(start) : positionBefore(start);
    if (start === end) {
      range.setStart(sNode, sOff);
      range.collapse(true);
      return range;
    }
    const [eNode, eOff] = real(end - 1) ? endOf(end - 1) : positionAfter(end);
    range.setStart(sNode, sOff);
    range.setEnd(eNode, eOff);
    return range;
  };

  const offsetAt = (node: Node, offset: number): number | null => {
    if (node !== editor && !editor.contains(node)) return null;
    // Characters come in document order: binary search for the first one at or after the point.
    const probe = doc.createRange();
    probe.setStart(node, offset);
    probe.collapse(true);
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      let j = mid;
      while (j < hi && !real(j)) j++;
      if (j === hi) {
        hi = mid;
        continue;
      }
      const [n, o] = startOf(j);
      // comparePoint: -1 when the character starts before the point.
      if (probe.comparePoint(n, o) < 0) lo = j + 1;
      else hi = mid;
    }
    // Line breaks have no DOM character: a point right at the next character belongs to it,
    // a point inside the previous character (a collapsed run of spaces) to that one, and any
    // other point between lines to the end of the previous line.
    let next = lo;
    while (next < text.length && !real(next)) next++;
    if (next < text.length && next !== lo) {
      const [n, o] = startOf(next);
      if (probe.comparePoint(n, o) === 0) return next;
    }
    if (lo > 0 && real(lo - 1)) {
      const [n, o] = endOf(lo - 1);
      if (probe.comparePoint(n, o) > 0) return lo - 1;
    }
    return lo;
  };

  return { body: text, quoted, rangeFor, offsetAt };
}
