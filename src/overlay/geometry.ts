/**
 * Where a span of the draft is on screen, without touching the editor: a DOM Range's client
 * rects for contenteditable editors, and for textareas (whose text has no DOM nodes) a hidden
 * mirror div in our shadow root that copies the textarea's box and font, so the same text
 * wraps the same way.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Properties that decide where text wraps inside a textarea (the mirror copies them). */
const MIRRORED = [
  'boxSizing',
  'width',
  'height',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderTopStyle',
  'borderRightStyle',
  'borderBottomStyle',
  'borderLeftStyle',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontWeight',
  'fontVariant',
  'fontStretch',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textIndent',
  'textTransform',
  'tabSize',
  'direction',
  'textAlign',
] as const;

export function toRects(list: DOMRectList | DOMRect[]): Rect[] {
  const out: Rect[] = [];
  for (const r of Array.from(list)) {
    if (r.width <= 0 && r.height <= 0) continue;
    out.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return out;
}

/** A hidden copy of a textarea laid over it; ranges in the copy give the textarea's text positions. */
export class TextareaMirror {
  readonly element: HTMLDivElement;
  private readonly text: Text;
  private lastValue = '';

  constructor(
    private readonly textarea: HTMLTextAreaElement,
    parent: Node,
  ) {
    const doc = textarea.ownerDocument;
    this.element = doc.createElement('div');
    this.element.className = 'mirror';
    this.element.setAttribute('aria-hidden', 'true');
    this.text = doc.createTextNode('');
    this.element.append(this.text);
    parent.appendChild(this.element);
  }

  /** Copies size, font, position, scroll and text from the textarea. */
  sync(): void {
    const ta = this.textarea;
    const style = getComputedStyle(ta);
    const s = this.element.style;
    for (const prop of MIRRORED) s[prop] = style[prop];
    const r = ta.getBoundingClientRect();
    s.left = `${r.left}px`;
    s.top = `${r.top}px`;
    s.width = `${r.width}px`;
    s.height = `${r.height}px`;
    s.boxSizing = 'border-box';
    s.borderColor = 'transparent';
    // A textarea reserves room for its scrollbar; the mirror must wrap at the same width.
    const scrollbar = ta.offsetWidth - ta.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    s.paddingRight = `${parseFloat(style.paddingRight) + Math.max(0, scrollbar)}px`;
    const value = ta.value;
    // A trailing newline in a textarea opens an empty last line; a div needs a character for it.
    const shown = value.endsWith('\n') ? value + ' ' : value;
    if (shown !== this.lastValue) {
      this.text.data = shown;
      this.lastValue = shown;
    }
    this.element.scrollTop = ta.scrollTop;
    this.element.scrollLeft = ta.scrollLeft;
  }

  rectsFor(start: number, end: number): Rect[] {
    const len = this.text.data.length;
    const s = Math.max(0, Math.min(start, len));
    const e = Math.max(s, Math.min(end, len));
    const range = this.textarea.ownerDocument.createRange();
    range.setStart(this.text, s);
    range.setEnd(this.text, e);
    return toRects(range.getClientRects());
  }

  dispose(): void {
    this.element.remove();
  }
}

/** The part of `el` that shows content (its padding box), in viewport coordinates. */
export function visibleBox(el: HTMLElement): Rect {
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const bl = parseFloat(style.borderLeftWidth) || 0;
  const bt = parseFloat(style.borderTopWidth) || 0;
  return { left: r.left + bl, top: r.top + bt, width: el.clientWidth || r.width, height: el.clientHeight || r.height };
}

export function contains(r: Rect, x: number, y: number, slop = 0): boolean {
  return x >= r.left - slop && x <= r.left + r.width + slop && y >= r.top - slop && y <= r.top + r.height + slop;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && a.left + a.width > b.left && a.top < b.top + b.height && a.top + a.height > b.top;
}
