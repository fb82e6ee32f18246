/**
 * Underlines through the CSS Custom Highlight API: the browser paints ranges of the editor's
 * own text, so nothing is inserted into the editor and the underline moves with the text as it
 * reflows or scrolls. One Highlight per severity for the whole page; each compose adds and
 * removes its own ranges.
 */
import type { Severity } from '../engine/types';
import { DOCUMENT_HIGHLIGHT_CSS, HIGHLIGHT_NAMES } from './styles';

type Slot = Severity | 'active';

export function highlightsSupported(win: Window = window): boolean {
  const css = (win as Window & { CSS?: typeof CSS }).CSS;
  return !!css && 'highlights' in css && typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function';
}

export class HighlightPainter {
  private readonly highlights = new Map<Slot, Highlight>();
  private readonly owned = new Map<string, Map<Slot, Range[]>>();
  private sheet: CSSStyleSheet | null = null;

  constructor(private readonly doc: Document) {
    const slots: Slot[] = ['info', 'warning', 'error', 'active'];
    // Priority decides which colour wins where two findings overlap: errors over warnings over tips.
    const priority: Record<Slot, number> = { info: 1, warning: 2, error: 3, active: 4 };
    for (const slot of slots) {
      const h = new Highlight();
      h.priority = priority[slot];
      this.highlights.set(slot, h);
      CSS.highlights.set(HIGHLIGHT_NAMES[slot], h);
    }
    this.sheet = new CSSStyleSheet();
    this.sheet.replaceSync(DOCUMENT_HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, this.sheet];
  }

  /** Replaces the ranges `owner` (a compose id) has in `slot`. */
  set(owner: string, slot: Slot, ranges: Range[]): void {
    let mine = this.owned.get(owner);
    if (!mine) {
      mine = new Map();
      this.owned.set(owner, mine);
    }
    const h = this.highlights.get(slot)!;
    for (const r of mine.get(slot) ?? []) h.delete(r);
    for (const r of ranges) h.add(r);
    mine.set(slot, ranges);
  }

  clear(owner: string): void {
    const mine = this.owned.get(owner);
    if (!mine) return;
    for (const [slot, ranges] of mine) {
      const h = this.highlights.get(slot)!;
      for (const r of ranges) h.delete(r);
    }
    this.owned.delete(owner);
  }

  dispose(): void {
    for (const slot of this.highlights.keys()) CSS.highlights.delete(HIGHLIGHT_NAMES[slot]);
    this.highlights.clear();
    this.owned.clear();
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.sheet = null;
  }
}
