/**
 * The contract between webmail adapters (src/webmail) and the overlay (src/overlay).
 * An adapter finds compose editors in a page and turns each into a ComposeSession: it reads a
 * `Draft` with a map from body offsets to DOM positions, and it is the only code that may write
 * to the editor (on an explicit Apply, through the editor's own input path).
 */
import type { Draft } from '../engine/types';

export type AdapterName = 'gmail' | 'outlook' | 'generic';

export interface DraftSnapshot {
  draft: Draft;
  /** Maps [start, end) offsets of `draft.body` to a DOM Range (contenteditable), or null. */
  rangeFor(start: number, end: number): Range | null;
  /**
   * The body offset of a DOM position inside the editor (e.g. the caret), or null when it is
   * outside. Added by the adapters; optional so other snapshot makers need not provide it.
   */
  offsetAt?(node: Node, offset: number): number | null;
}

export interface ComposeSession {
  /** Stable for the life of the compose window. */
  readonly id: string;
  readonly adapter: AdapterName;
  /** The element the user types in: a contenteditable element or a textarea. */
  readonly editor: HTMLElement;
  /** The compose window (dialog, reply box) the badge anchors to. */
  readonly container: HTMLElement;
  /** Reads the draft as it is now. Never writes to the page. */
  read(): DraftSnapshot;
  /**
   * Replaces body[start, end) with `text` through the editor's own input path (selection +
   * `insertText` / `beforeinput`), so the editor's undo (Ctrl+Z) reverts it. Returns false
   * (and changes nothing) when the text at that span is no longer `expected`.
   */
  apply(start: number, end: number, expected: string, text: string): boolean;
  /**
   * Calls back (debounced by the caller) when body, subject, recipients or attachments change.
   * Mutations of the overlay's own nodes (custom elements named `nemawashi-*`, or elements with
   * a `data-nemawashi` attribute) inside the compose window are ignored, so a badge update does
   * not loop back into a new analysis.
   */
  onChange(cb: () => void): () => void;
  /**
   * This compose's Send controls as they are now, main Send first, then variants shown next to
   * it ("Send & archive", "Schedule send" when the webmail renders it as a button or a menu item
   * inside the compose; the menu drawn at the end of the page is not in it: see
   * saysScheduleSend). [] when the adapter knows none (generic editors). Never throws; the
   * elements are the webmail's own: callers must not change them. sendButton() is its first.
   */
  sendButtons(): HTMLElement[];
  /**
   * Calls back when the user clicks Send or presses Ctrl/Cmd+Enter (to record first-contact
   * history), with the triggering event. Untrusted (page-dispatched) events are ignored.
   */
  onSend(cb: (draft: Draft, trigger: Event) => void): () => void;
  /**
   * Whether a click or key target is (inside) this compose's Send control (Send, Send &
   * archive). For the check at Send (src/content/send-guard.ts).
   */
  isSendControl(target: Element): boolean;
  /**
   * This compose's Send button as the adapter finds it now, or null (the check at Send then
   * lets the mail go). Only the site adapters know one; the generic adapter has no Send.
   */
  sendButton(): Element | null;
  /** True while the compose window is still in the page. */
  isAlive(): boolean;
  dispose(): void;
}

export interface WebmailAdapter {
  readonly name: AdapterName;
  /** Whether this adapter is meant for this page (by host name). */
  matches(location: Location): boolean;
  /**
   * Finds compose windows under `root` that are not yet in `known` (editor elements already
   * handled). Returns [] when the UI has none open; throws nothing.
   */
  findComposes(root: ParentNode, known: ReadonlySet<HTMLElement>): ComposeSession[];
}
