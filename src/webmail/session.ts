/**
 * What every adapter's compose sessions share: reading through the text model, the one write
 * path (Apply), change and Send listeners, stable ids. Adapters only say where things are.
 */
import type { Attachment, Draft, Recipient, RecipientField } from '../engine/types';
import { buildTextModel, type TextModel, type TextModelOptions } from './text-model';
import type { AdapterName, ComposeSession, DraftSnapshot } from './types';

/** What an adapter knows about one compose window. */
export interface ComposeParts {
  adapter: AdapterName;
  editor: HTMLElement;
  container: HTMLElement;
  /** Text model options, computed on each read (the quoted part may appear later). */
  textOptions(): TextModelOptions;
  /** Everything but the body, read from the compose window. Never writes. */
  readMeta(model: TextModel): Omit<Draft, 'body'>;
  /** Whether a click or key target is (inside) this compose's Send button. */
  isSendControl(target: Element): boolean;
  /** The compose's Send button now (site adapters; the check at Send needs it). */
  sendButton?(): Element | null;
  /** This compose's Send controls as they are now (ComposeSession.sendButtons). */
  sendButtons?(): HTMLElement[];
  /**
   * Selector of the parts outside the editor whose changes change the draft (recipients,
   * subject, attachments), used to ignore the webmail's own churn ("Draft saved", tooltips).
   */
  watchSelector: string;
  /**
   * Changes outside the compose window that change the draft (Outlook: a persona card opened on
   * a pill shows the address the pill lacks). Returns the unsubscribe.
   */
  watchOutside?(onChange: () => void): () => void;
}

const ids = new WeakMap<HTMLElement, string>();
let nextId = 1;
/**
 * Each frame runs its own content script (Outlook's pop-out compose lives in a frame), and the
 * popup's messages reach every frame of the tab: ids must differ between frames, so each
 * script instance numbers its composes under a random prefix.
 */
const frameToken = Math.random().toString(36).slice(2, 8);

/** Stable for the life of the editor element, whichever adapter reads it. */
export function sessionIdFor(editor: HTMLElement): string {
  let id = ids.get(editor);
  if (!id) {
    id = `nemawashi-compose-${frameToken}-${nextId++}`;
    ids.set(editor, id);
  }
  return id;
}

/** Nodes the overlay adds (its badge, markers) must not count as a change to the draft. */
function isOverlayNode(node: Node, stop: Node): boolean {
  for (let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== stop; el = el.parentElement) {
    if (el.tagName.startsWith('NEMAWASHI-') || el.hasAttribute('data-nemawashi')) return true;
  }
  return false;
}

function touches(node: Node, selector: string): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.matches(selector) || el.querySelector(selector) !== null;
}

/** A caret or a selection that a later edit may move (live Ranges follow DOM edits). */
function savedSelection(doc: Document, editor: HTMLElement): Range | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  return editor.contains(range.startContainer) && editor.contains(range.endContainer) ? range.cloneRange() : null;
}

function overlaps(a: Range, b: Range): boolean {
  return a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0;
}

abstract class BaseSession implements ComposeSession {
  readonly id: string;
  readonly adapter: AdapterName;
  readonly editor: HTMLElement;
  readonly container: HTMLElement;
  private readonly disposers = new Set<() => void>();
  private lastSend = -Infinity;

  constructor(protected readonly parts: ComposeParts) {
    this.adapter = parts.adapter;
    this.editor = parts.editor;
    this.container = parts.container;
    this.id = sessionIdFor(parts.editor);
  }

  abstract read(): DraftSnapshot;
  abstract apply(start: number, end: number, expected: string, text: string): boolean;

  protected meta(model: TextModel): Omit<Draft, 'body'> {
    try {
      return this.parts.readMeta(model);
    } catch {
      // A webmail change broke a lookup: the body alone still gets checked.
      return {};
    }
  }

  onChange(cb: () => void): () => void {
    const { container, editor, watchSelector } = this.parts;
    const relevant = (r: MutationRecord): boolean => {
      if (isOverlayNode(r.target, container)) return false;
      if (editor.contains(r.target)) return true;
      const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      if (target?.closest(watchSelector)) return true;
      if (r.type !== 'childList') return false;
      for (const n of r.addedNodes) if (!isOverlayNode(n, container) && touches(n, watchSelector)) return true;
      for (const n of r.removedNodes) if (touches(n, watchSelector)) return true;
      return false;
    };
    const observer = new MutationObserver((records) => {
      if (records.some(relevant)) cb();
    });
    const roots = container.contains(editor) ? [container] : [container, editor];
    for (const root of roots) {
      observer.observe(root, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        // Attributes that carry recipients and attachment names; class/style churn is noise.
        attributeFilter: ['data-hovercard-id', 'data-name', 'email', 'value', 'data-lpc-hover-target-id', 'title', 'aria-label'],
      });
    }
    const ac = new AbortController();
    const onInput = (e: Event): void => {
      if (e.target instanceof Node && !isOverlayNode(e.target, container)) cb();
    };
    for (const root of roots) {
      root.addEventListener('input', onInput, { capture: true, signal: ac.signal });
      root.addEventListener('change', onInput, { capture: true, signal: ac.signal });
    }
    const offOutside = this.parts.watchOutside?.(cb);
    const off = (): void => {
      observer.disconnect();
      ac.abort();
      offOutside?.();
      this.disposers.delete(off);
    };
    this.disposers.add(off);
    return off;
  }

  onSend(cb: (draft: Draft, trigger: Event) => void): () => void {
    const { container, editor } = this.parts;
    const fire = (trigger: Event): void => {
      // Only the user sends mail: a page script's `button.click()` or dispatched Ctrl+Enter is
      // untrusted and must not reach the history (SECURITY.md, src/content/send-record.ts).
      if (!trigger.isTrusted) return;
      // A <button> answers Enter with both keydown and click: report one Send.
      const now = Date.now();
      if (now - this.lastSend < 500) return;
      this.lastSend = now;
      try {
        cb(this.read().draft, trigger);
      } catch {
        // Recording history must never stop the mail from going out.
      }
    };
    const isSend = (t: EventTarget | null): boolean => t instanceof Element && !editor.contains(t) && this.parts.isSendControl(t);
    const ac = new AbortController();
    const roots = container.contains(editor) ? [container] : [container, editor];
    for (const root of roots) {
      // Capture phase: the webmail may tear the compose down in its own click handler.
      root.addEventListener('click', (e) => isSend(e.target) && fire(e), { capture: true, signal: ac.signal });
      root.addEventListener(
        'keydown',
        (e) => {
          const k = e as KeyboardEvent;
          if (k.key === 'Enter' && (k.ctrlKey || k.metaKey)) fire(k);
          // A native button answers Enter/Space with a click of its own, counted above (and
          // held there by the check at Send): only a div "button" (Gmail) counts the key.
          else if ((k.key === 'Enter' || k.key === ' ') && isSend(k.target) && !(k.target as Element).closest('button, input')) fire(k);
        },
        { capture: true, signal: ac.signal },
      );
    }
    const off = (): void => {
      ac.abort();
      this.disposers.delete(off);
    };
    this.disposers.add(off);
    return off;
  }

  isSendControl(target: Element): boolean {
    return !this.editor.contains(target) && this.parts.isSendControl(target);
  }

  sendButton(): Element | null {
    return this.parts.sendButton?.() ?? null;
  }

  sendButtons(): HTMLElement[] {
    try {
      return this.parts.sendButtons?.() ?? [];
    } catch {
      return [];
    }
  }

  isAlive(): boolean {
    return this.editor.isConnected && this.container.isConnected;
  }

  dispose(): void {
    for (const off of [...this.disposers]) off();
  }
}

/** A contenteditable editor (Gmail, Outlook, generic rich text). */
export class ContentEditableSession extends BaseSession {
  private preserveWhitespace: boolean | undefined;

  private model(): TextModel {
    const options = this.parts.textOptions();
    if (options.preserveWhitespace === undefined) {
      // Asked once per session: getComputedStyle forces a style recalc, and an editor does not
      // switch between pre-wrap and normal while the user types.
      if (this.preserveWhitespace === undefined) {
        const ws = this.editor.ownerDocument.defaultView?.getComputedStyle(this.editor).whiteSpace ?? '';
        this.preserveWhitespace = (ws.startsWith('pre') && ws !== 'pre-line') || ws === 'break-spaces';
      }
      options.preserveWhitespace = this.preserveWhitespace;
    }
    return buildTextModel(this.editor, options);
  }

  read(): DraftSnapshot {
    const model = this.model();
    const draft: Draft = { body: model.body, ...this.meta(model) };
    return { draft, rangeFor: model.rangeFor, offsetAt: model.offsetAt };
  }

  apply(start: number, end: number, expected: string, text: string): boolean {
    const { editor } = this;
    const doc = editor.ownerDocument;
    try {
      const model = this.model();
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > model.body.length || start > end) return false;
      if (model.body.slice(start, end) !== expected) return false;
      const target = model.rangeFor(start, end);
      const sel = doc.getSelection();
      if (!target || !sel) return false;
      const caret = savedSelection(doc, editor);
      const keepCaret = caret !== null && !overlaps(caret, target) && !(caret.collapsed && target.isPointInRange(caret.startContainer, caret.startOffset));
      // execCommand edits the focused editing host; Apply is the user's explicit request.
      if (doc.activeElement !== editor && !editor.contains(doc.activeElement)) editor.focus({ preventScroll: true });
      sel.removeAllRanges();
      sel.addRange(target);
      // The editor's own input path: it fires beforeinput/input and lands on the undo stack.
      const done = text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
      if (!done) {
        sel.removeAllRanges();
        if (caret) sel.addRange(caret);
        return false;
      }
      if (keepCaret && caret) {
        // The user's caret was elsewhere: the live Range followed the edit, put it back.
        sel.removeAllRanges();
        sel.addRange(caret);
      }
      return true;
    } catch {
      return false;
    }
  }
}

/** A plain textarea: the body is its value, the overlay draws through a mirror. */
export class TextareaSession extends BaseSession {
  private get textarea(): HTMLTextAreaElement {
    return this.editor as HTMLTextAreaElement;
  }

  read(): DraftSnapshot {
    const body = this.textarea.value;
    const model: TextModel = { body, quoted: '', rangeFor: () => null, offsetAt: () => null };
    const draft: Draft = { body, ...this.meta(model) };
    return { draft, rangeFor: () => null, offsetAt: (node) => (node === this.textarea ? this.textarea.selectionStart : null) };
  }

  apply(start: number, end: number, expected: string, text: string): boolean {
    const ta = this.textarea;
    const doc = ta.ownerDocument;
    try {
      const value = ta.value;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > value.length || start > end) return false;
      if (value.slice(start, end) !== expected) return false;
      const [selStart, selEnd, dir] = [ta.selectionStart, ta.selectionEnd, ta.selectionDirection];
      if (doc.activeElement !== ta) ta.focus({ preventScroll: true });
      ta.setSelectionRange(start, end);
      const done = text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
      if (!done) {
        ta.setSelectionRange(selStart, selEnd, dir ?? undefined);
        return false;
      }
      const delta = text.length - (end - start);
      if (selEnd <= start) ta.setSelectionRange(selStart, selEnd, dir ?? undefined);
      else if (selStart >= end) ta.setSelectionRange(selStart + delta, selEnd + delta, dir ?? undefined);
      return true;
    } catch {
      return false;
    }
  }
}

// ---- small readers shared by the adapters -------------------------------------------------

// Bounded, non-overlapping classes; the lookbehind starts a match only at the start of a run,
// so a long run without "@" is scanned once, not once per position (tests/regex-safety.test.ts).
const EMAIL = /(?<![^\s<>()",;:@])[^\s<>()",;:@]{1,64}@[^\s<>()",;:@]{1,253}/;

/** "Hiroki Endo <h.endo@x.co.jp>" or a bare address; null when there is no address. */
export function parseAddress(text: string | null | undefined): { address: string; name?: string } | null {
  if (!text) return null;
  const m = EMAIL.exec(text);
  if (!m) return null;
  const address = m[0].toLowerCase();
  const name = stripEdges(text.slice(0, m.index));
  return name && name.toLowerCase() !== address ? { address, name } : { address };
}

const EDGE = new Set(['<', '(', '"', "'", ' ', '\t', '\n', '\u00a0', ',']);

/** Trims quotes, brackets and spaces around a display name (a loop: no regex backtracking). */
function stripEdges(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && EDGE.has(s.charAt(a))) a++;
  while (b > a && EDGE.has(s.charAt(b - 1))) b--;
  return s.slice(a, b);
}

/** Adds a recipient once per (field, address). */
export function addRecipient(list: Recipient[], field: RecipientField, address: string, name?: string): void {
  const a = address.toLowerCase();
  if (list.some((r) => r.field === field && r.address === a)) return;
  list.push(name ? { address: a, name, field } : { address: a, field });
}

/** Longest display name kept for a name-only recipient (the settings limit for a map entry). */
export const MAX_NAME_LENGTH = 128;

/**
 * Adds a recipient the compose shows by display name only (Outlook shows a pill's address only
 * once the draft is reopened): address '' and the name, once per (field, name). The audience
 * then comes from the user's map of names (src/engine/audience.ts).
 */
export function addNameOnlyRecipient(list: Recipient[], field: RecipientField, name: string): void {
  const n = name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
  if (!n || n.includes('@')) return;
  const key = n.toLowerCase();
  if (list.some((r) => r.field === field && !r.address && (r.name ?? '').toLowerCase() === key)) return;
  list.push({ address: '', name: n, field });
}

// The adapters, the engine and the CLI read reply subjects the same way (src/engine/reply-subject.ts).
export { isReplySubject } from '../engine/reply-subject';

const SIZE = /(\d{1,9}(?:[.,]\d{1,3})?)\s{0,3}(bytes?|[kmg]i?b?|[kmg]o)?/i;
const UNIT: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** "(245K)", "1.2 MB", "12 bytes" → bytes; undefined when unreadable. */
export function parseSize(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const m = SIZE.exec(text);
  if (!m || !m[1]) return undefined;
  const n = Number(m[1].replace(',', '.'));
  if (!Number.isFinite(n)) return undefined;
  const unit = (m[2] ?? '').charAt(0).toLowerCase();
  return Math.round(n * (UNIT[unit] ?? 1));
}

/** Visible-ish text of a small UI element (chip, label), white space collapsed. */
export function labelText(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function dedupeAttachments(list: Attachment[]): Attachment[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = `${a.name}\u0000${a.size ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
