/**
 * Inline warnings over a compose editor, without touching the editor's DOM.
 *
 * One `OverlayRoot` per page: a `<nemawashi-overlay>` host whose shadow root holds the
 * fallback underline boxes, the textarea mirrors and the (single) card, plus the page-wide
 * listeners (scroll, resize, hover, the keyboard shortcut), all bound to an AbortSignal.
 * One `ComposeOverlay` per compose: its underlines and its `<nemawashi-badge>`.
 *
 * Underlines are CSS Custom Highlights over live Ranges of the editor's text (they follow
 * typing and scrolling for free); where the API is missing, and always for textareas (whose
 * text has no DOM ranges), positioned boxes from Range.getClientRects(), recomputed on scroll,
 * resize and input.
 */
import type { Finding, Lang, Pack, Region, Sector } from '../engine/types';
import type { DraftSnapshot } from '../webmail/types';
import { ComposeBadge, type AudienceView } from './badge';
import { FindingCard } from './card';
import { contains, intersects, TextareaMirror, toRects, visibleBox, type Rect } from './geometry';
import { HighlightPainter, highlightsSupported } from './highlights';
import { OVERLAY_CSS } from './styles';

export const OVERLAY_TAG = 'nemawashi-overlay';
/** Hover this long over an underline before the card opens (avoids flicker while moving). */
const HOVER_OPEN_MS = 200;
/** Leave the underline and the card this long before a hover-opened card closes. */
const HOVER_CLOSE_MS = 350;

export interface OverlayItem {
  /** Stable across re-analysis while the flagged text stays: used for Ignore and reveal. */
  key: string;
  finding: Finding;
}

export interface ComposeOverlayHandlers {
  /** 'stale': the finding or its text changed since it was shown; nothing was replaced. */
  apply(item: OverlayItem): 'applied' | 'stale' | 'failed';
  ignore(item: OverlayItem): void;
  turnOff(ruleId: string): void;
  /** False when the organisation's policy keeps the rule on (no "Turn off" on the card). */
  canTurnOff?(ruleId: string): boolean;
  setAudience(packs: Pack[], region: Region, sector: Sector): void;
  resetAudience(): void;
  /** Remembers the audience of a recipient shown by name only (from the badge). */
  mapName(name: string, audience: 'ja' | 'us'): void;
  /** The user interacted with this compose's overlay (makes it the popup's "current" draft). */
  touched(): void;
}

interface SpanItem extends OverlayItem {
  range: Range | null;
}

interface SavedCaret {
  editor: HTMLElement;
  range: Range | null;
  textarea: { start: number; end: number; direction: 'forward' | 'backward' | 'none' } | null;
}

function isTextarea(el: HTMLElement): el is HTMLTextAreaElement {
  return el instanceof HTMLTextAreaElement || el.tagName === 'TEXTAREA';
}

export class OverlayRoot {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  readonly card: FindingCard;
  readonly painter: HighlightPainter | null;
  readonly composes = new Set<ComposeOverlay>();
  private frame = 0;
  private hoverTimer = 0;
  private closeTimer = 0;
  private hoverCandidate: { compose: ComposeOverlay; key: string } | null = null;
  private lastPointer: { x: number; y: number } | null = null;
  private pointerFrame = 0;
  private cardOpenedBy: 'hover' | 'keyboard' | 'reveal' | null = null;
  private savedCaret: SavedCaret | null = null;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    readonly doc: Document,
    readonly signal: AbortSignal,
    /** `host`: the element the content script made at page load (the overlay is built when a compose appears). */
    opts: { forceBoxes?: boolean; host?: HTMLElement } = {},
  ) {
    this.host = opts.host ?? doc.createElement(OVERLAY_TAG);
    // Closed: page scripts get null from host.shadowRoot; the card shows your phrases' notes.
    this.shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.shadow.append(style);
    this.card = new FindingCard(this.shadow);
    if (!this.host.isConnected) doc.documentElement.appendChild(this.host);
    this.painter = !opts.forceBoxes && highlightsSupported(doc.defaultView ?? window) ? new HighlightPainter(doc) : null;
    this.host.dataset.mode = this.painter ? 'highlight' : 'boxes';
    this.resizeObserver = new ResizeObserver(() => this.schedule());

    const win = doc.defaultView ?? window;
    const opt = { capture: true, passive: true, signal } as const;
    // Any scroll (the page, the editor, a webmail pane) can move the text under the boxes.
    doc.addEventListener('scroll', () => this.schedule(), opt);
    win.addEventListener('resize', () => this.schedule(), { passive: true, signal });
    doc.addEventListener('input', () => this.schedule(), opt);
    doc.addEventListener('mousemove', (e) => this.onPointer(e), opt);
    doc.addEventListener('mousedown', (e) => this.onPointerDown(e), { capture: true, signal });
    doc.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal });
    signal.addEventListener('abort', () => this.dispose(), { once: true });
  }

  observe(el: Element): void {
    this.resizeObserver.observe(el);
  }

  unobserve(el: Element): void {
    this.resizeObserver.unobserve(el);
  }

  /** Repositions boxes, badges and the card at the next frame (coalesces bursts of events). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      for (const c of this.composes) c.reposition();
      const showing = this.card.showing;
      if (showing) {
        const c = this.byId(showing.composeId);
        this.card.place(c?.anchorFor(showing.key) ?? null);
      }
    });
  }

  byId(id: string): ComposeOverlay | undefined {
    for (const c of this.composes) if (c.id === id) return c;
    return undefined;
  }

  /** Opens the card of `key` in `compose`. Focus moves into the card only when asked (keyboard). */
  openCard(compose: ComposeOverlay, key: string, how: 'hover' | 'keyboard' | 'reveal'): boolean {
    const item = compose.item(key);
    if (!item) return false;
    if (how === 'keyboard' && !this.savedCaret) this.savedCaret = saveCaret(compose.editor);
    clearTimeout(this.closeTimer);
    const previous = this.card.showing;
    if (previous && previous.composeId !== compose.id) this.byId(previous.composeId)?.setActive(null);
    compose.setActive(key);
    this.cardOpenedBy = how;
    this.card.show({
      composeId: compose.id,
      key,
      finding: item.finding,
      lang: compose.lang,
      anchor: compose.anchorFor(key),
      focus: how !== 'hover',
      handlers: {
        apply:
          item.finding.suggestion?.replacement !== undefined
            ? () => {
                this.savedCaret = null;
                compose.setActive(null);
                return compose.handlers.apply(item) === 'applied';
              }
            : undefined,
        ignore: () => {
          compose.setActive(null);
          compose.handlers.ignore(item);
          this.restoreCaret();
        },
        turnOff:
          compose.handlers.canTurnOff?.(item.finding.ruleId) === false
            ? undefined
            : () => {
                compose.setActive(null);
                compose.handlers.turnOff(item.finding.ruleId);
                this.restoreCaret();
              },
        closed: (viaKeyboard) => {
          compose.setActive(null);
          if (viaKeyboard) this.restoreCaret();
          else this.savedCaret = null;
        },
      },
    });
    compose.handlers.touched();
    return true;
  }

  closeCard(viaKeyboard: boolean): void {
    if (this.card.isOpen) this.card.close(viaKeyboard);
    this.cardOpenedBy = null;
  }

  /** Puts focus back in the editor with the caret (or selection) where it was. */
  private restoreCaret(): void {
    const saved = this.savedCaret;
    this.savedCaret = null;
    this.cardOpenedBy = null;
    if (!saved || !saved.editor.isConnected) return;
    saved.editor.focus({ preventScroll: true });
    if (saved.textarea && isTextarea(saved.editor)) {
      saved.editor.setSelectionRange(saved.textarea.start, saved.textarea.end, saved.textarea.direction);
    } else if (saved.range) {
      const sel = this.doc.getSelection();
      if (sel) {
        sel.removeAllRanges();
        sel.addRange(saved.range);
      }
    }
  }

  private onPointer(e: MouseEvent): void {
    this.lastPointer = { x: e.clientX, y: e.clientY };
    if (this.pointerFrame) return;
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      this.hover(e);
    });
  }

  private hover(e: MouseEvent): void {
    const p = this.lastPointer;
    if (!p) return;
    // The card lives in our closed shadow root: a document listener's composedPath() stops at
    // the host, so the host stands for the card (the overlay's other nodes take no pointer).
    const overCard = this.inCard(e) || (this.card.isOpen && contains(rectOf(this.card.element), p.x, p.y));
    if (overCard) {
      clearTimeout(this.closeTimer);
      clearTimeout(this.hoverTimer);
      this.hoverCandidate = null;
      return;
    }
    let hit: { compose: ComposeOverlay; key: string } | null = null;
    for (const c of this.composes) {
      const key = c.hitTest(p.x, p.y);
      if (key) {
        hit = { compose: c, key };
        break;
      }
    }
    const showing = this.card.showing;
    if (hit && showing && showing.composeId === hit.compose.id && showing.key === hit.key) {
      clearTimeout(this.closeTimer);
      return;
    }
    if (hit) {
      if (this.hoverCandidate && this.hoverCandidate.compose === hit.compose && this.hoverCandidate.key === hit.key) return;
      this.hoverCandidate = hit;
      clearTimeout(this.hoverTimer);
      const candidate = hit;
      this.hoverTimer = window.setTimeout(() => {
        this.hoverCandidate = null;
        // A card the user opened with the keyboard stays until they close it.
        if (this.cardOpenedBy === 'keyboard' && this.card.isOpen) return;
        this.openCard(candidate.compose, candidate.key, 'hover');
      }, HOVER_OPEN_MS);
      return;
    }
    clearTimeout(this.hoverTimer);
    this.hoverCandidate = null;
    if (this.card.isOpen && this.cardOpenedBy === 'hover') {
      clearTimeout(this.closeTimer);
      this.closeTimer = window.setTimeout(() => this.closeCard(false), HOVER_CLOSE_MS);
    }
  }

  private onPointerDown(e: MouseEvent): void {
    if (this.card.isOpen && !this.inCard(e)) this.closeCard(false);
    for (const c of this.composes) if (c.badge.isOpen && !c.badge.owns(e)) c.badge.close();
  }

  private onKeyDown(e: KeyboardEvent): void {
    // Alt+Shift+N (e.code, so it works on any keyboard layout and with IME on): next warning.
    // Only the user's own key presses: a page dispatching Alt+Shift+N must not move focus into
    // the card (from where a forged Enter would press its buttons).
    if (!e.isTrusted) return;
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
      const compose = this.composeForEvent(e);
      if (!compose) return;
      e.preventDefault();
      e.stopPropagation();
      compose.openNext();
      return;
    }
    if (e.key === 'Escape' && this.card.isOpen && this.cardOpenedBy === 'hover') {
      // A hover card over the editor: Escape only dismisses it; the editor keeps focus.
      const path = e.composedPath();
      if ([...this.composes].some((c) => path.includes(c.editor))) {
        e.preventDefault();
        this.closeCard(false);
      }
    }
  }

  /** Whether an event happened in the card (seen from a document listener: at our host). */
  private inCard(e: Event): boolean {
    const path = e.composedPath();
    return path.includes(this.card.element) || (this.card.isOpen && path.includes(this.host));
  }

  /** The compose an event belongs to: its editor, its badge, or the card's compose. */
  private composeForEvent(e: Event): ComposeOverlay | undefined {
    const path = e.composedPath();
    for (const c of this.composes) if (path.includes(c.editor) || path.includes(c.badge.host)) return c;
    if (this.inCard(e)) {
      const showing = this.card.showing;
      if (showing) return this.byId(showing.composeId);
    }
    return undefined;
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.pointerFrame);
    clearTimeout(this.hoverTimer);
    clearTimeout(this.closeTimer);
    this.resizeObserver.disconnect();
    for (const c of [...this.composes]) c.dispose();
    this.painter?.dispose();
    this.host.remove();
  }
}

function rectOf(el: Element): Rect {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

function saveCaret(editor: HTMLElement): SavedCaret {
  if (isTextarea(editor)) {
    return {
      editor,
      range: null,
      textarea: { start: editor.selectionStart, end: editor.selectionEnd, direction: editor.selectionDirection ?? 'none' },
    };
  }
  const sel = editor.ownerDocument.getSelection();
  const range = sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
  return { editor, range: range && editor.contains(range.startContainer) ? range.cloneRange() : null, textarea: null };
}

export class ComposeOverlay {
  readonly badge: ComposeBadge;
  lang: Lang = 'en';
  private spans: SpanItem[] = [];
  private all: OverlayItem[] = [];
  private active: string | null = null;
  private readonly clip: HTMLDivElement;
  private readonly mirror: TextareaMirror | null;
  private readonly useBoxes: boolean;

  constructor(
    readonly root: OverlayRoot,
    readonly id: string,
    readonly editor: HTMLElement,
    readonly container: HTMLElement,
    readonly handlers: ComposeOverlayHandlers,
  ) {
    const doc = root.doc;
    this.useBoxes = !root.painter || isTextarea(editor);
    this.clip = doc.createElement('div');
    this.clip.className = 'clip';
    this.clip.dataset.composeId = id;
    root.shadow.append(this.clip);
    this.mirror = isTextarea(editor) ? new TextareaMirror(editor, root.shadow) : null;
    this.badge = new ComposeBadge(doc, id, {
      reveal: (key) => this.reveal(key),
      setAudience: (p, r, s) => handlers.setAudience(p, r, s),
      resetAudience: () => handlers.resetAudience(),
      mapName: (name, audience) => handlers.mapName(name, audience),
    });
    root.composes.add(this);
    root.observe(editor);
    if (container !== editor) root.observe(container);
  }

  item(key: string): OverlayItem | undefined {
    return this.all.find((i) => i.key === key);
  }

  /** Shows the findings of one analysis. `snapshot` maps body offsets to DOM ranges. */
  render(items: OverlayItem[], snapshot: DraftSnapshot, audience: AudienceView, lang: Lang, paused: boolean): void {
    this.lang = lang;
    this.all = paused ? [] : items;
    this.spans = [];
    if (!paused) {
      for (const item of items) {
        const f = item.finding;
        if (f.target !== 'body' || f.start === undefined || f.end === undefined || f.end <= f.start) continue;
        const range = this.mirror ? null : snapshot.rangeFor(f.start, f.end);
        if (!this.mirror && !range) continue;
        this.spans.push({ ...item, range });
      }
    }
    if (this.active && !this.all.some((i) => i.key === this.active)) this.active = null;
    const showing = this.root.card.showing;
    if (showing && showing.composeId === this.id && !this.all.some((i) => i.key === showing.key)) this.root.closeCard(false);
    this.paint();
    this.badge.update(this.all, audience, lang, paused);
    this.reposition();
  }

  private paint(): void {
    const painter = this.root.painter;
    if (!painter || this.useBoxes) return;
    const by: Record<'error' | 'warning' | 'info', Range[]> = { error: [], warning: [], info: [] };
    for (const s of this.spans) if (s.range) by[s.finding.severity].push(s.range);
    painter.set(this.id, 'error', by.error);
    painter.set(this.id, 'warning', by.warning);
    painter.set(this.id, 'info', by.info);
    const active = this.spans.find((s) => s.key === this.active)?.range;
    painter.set(this.id, 'active', active ? [active] : []);
  }

  setActive(key: string | null): void {
    if (this.active === key) return;
    this.active = key;
    this.paint();
    if (this.useBoxes) this.reposition();
  }

  /** Client rects of a finding's span (viewport coordinates). */
  rectsFor(item: SpanItem): Rect[] {
    const f = item.finding;
    if (this.mirror) return this.mirror.rectsFor(f.start!, f.end!);
    return item.range ? toRects(item.range.getClientRects()) : [];
  }

  anchorFor(key: string): Rect | null {
    const item = this.spans.find((s) => s.key === key);
    if (!item) return null;
    if (this.mirror) this.mirror.sync();
    const rects = this.rectsFor(item);
    return rects[rects.length - 1] ?? null;
  }

  /** The key of the underlined finding under the pointer, if any. */
  hitTest(x: number, y: number): string | null {
    if (this.spans.length === 0) return null;
    const box = visibleBox(this.editor);
    if (!contains(box, x, y)) return null;
    if (this.mirror) this.mirror.sync();
    for (const s of this.spans) {
      for (const r of this.rectsFor(s)) if (contains(r, x, y, 1) && intersects(r, box)) return s.key;
    }
    return null;
  }

  reposition(): void {
    const alive = this.editor.isConnected;
    const box = alive ? visibleBox(this.editor) : null;
    this.badge.position(box && this.container.isConnected ? box : null);
    if (!this.useBoxes) return;
    this.clip.replaceChildren();
    if (!box) return;
    const s = this.clip.style;
    s.left = `${box.left}px`;
    s.top = `${box.top}px`;
    s.width = `${box.width}px`;
    s.height = `${box.height}px`;
    if (this.mirror) this.mirror.sync();
    const doc = this.root.doc;
    for (const item of this.spans) {
      for (const r of this.rectsFor(item)) {
        if (!intersects(r, box)) continue;
        const b = doc.createElement('div');
        b.className = `box ${item.finding.severity}${item.key === this.active ? ' active' : ''}`;
        b.dataset.rule = item.finding.ruleId;
        b.dataset.key = item.key;
        b.style.left = `${r.left - box.left}px`;
        b.style.top = `${r.top - box.top}px`;
        b.style.width = `${r.width}px`;
        b.style.height = `${r.height + 2}px`;
        this.clip.append(b);
      }
    }
  }

  /** Alt+Shift+N: the next underlined finding after the caret (wrapping), else the badge list. */
  openNext(): void {
    if (this.spans.length === 0) {
      if (this.all.length > 0) this.badge.open();
      return;
    }
    const showing = this.root.card.showing;
    let next: SpanItem | undefined;
    if (showing && showing.composeId === this.id) {
      const i = this.spans.findIndex((s) => s.key === showing.key);
      next = this.spans[(i + 1) % this.spans.length];
    } else {
      next = this.spans.find((s) => this.isAfterCaret(s)) ?? this.spans[0];
    }
    if (!next) return;
    this.scrollTo(next);
    this.root.openCard(this, next.key, 'keyboard');
  }

  private isAfterCaret(s: SpanItem): boolean {
    const f = s.finding;
    if (isTextarea(this.editor)) return f.start! >= this.editor.selectionEnd;
    const sel = this.root.doc.getSelection();
    if (!sel || sel.rangeCount === 0 || !s.range) return true;
    const caret = sel.getRangeAt(0);
    if (!this.editor.contains(caret.startContainer)) return true;
    try {
      return s.range.compareBoundaryPoints(Range.START_TO_END, caret) >= 0 && s.range.compareBoundaryPoints(Range.START_TO_START, caret) >= 0;
    } catch {
      return true;
    }
  }

  /** Scrolls the span into view (the editor and the page), then opens its card (popup "reveal"). */
  reveal(key: string): boolean {
    const item = this.spans.find((s) => s.key === key);
    if (!item) {
      if (this.item(key)) {
        this.badge.open();
        return true;
      }
      return false;
    }
    this.scrollTo(item);
    return this.root.openCard(this, key, 'reveal');
  }

  private scrollTo(item: SpanItem): void {
    const box = visibleBox(this.editor);
    let rects = this.rectsFor(item);
    const first = rects[0];
    if (this.mirror && first) {
      // The textarea scrolls itself; its scroll position is view state, not draft content.
      if (first.top < box.top || first.top + first.height > box.top + box.height) {
        this.editor.scrollTop += first.top - box.top - box.height / 3;
        this.mirror.sync();
      }
    } else if (item.range && first && (first.top < box.top || first.top + first.height > box.top + box.height)) {
      const node = item.range.startContainer;
      const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    rects = this.rectsFor(item);
    const r = rects[0];
    if (r && (r.top < 0 || r.top + r.height > window.innerHeight)) {
      window.scrollBy({ top: r.top - window.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    }
    this.reposition();
  }

  dispose(): void {
    const showing = this.root.card.showing;
    if (showing && showing.composeId === this.id) this.root.closeCard(false);
    this.root.painter?.clear(this.id);
    this.root.unobserve(this.editor);
    this.root.unobserve(this.container);
    this.clip.remove();
    this.mirror?.dispose();
    this.badge.dispose();
    this.root.composes.delete(this);
  }
}
