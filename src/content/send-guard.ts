/**
 * The check at Send (Gmail and Outlook; the generic adapter has no Send and no guard).
 *
 * One capture listener per event type on the compose's window sees the user's Send before the
 * webmail does: a click (or the press that starts it), Enter/Space on the Send button, Ctrl/Cmd+Enter
 * in the compose, "Schedule send" in Send's menu. When the draft has findings at the send
 * threshold, the whole gesture (pointerdown … click, keydown … keyup) is held from the page and
 * the `<nemawashi-send-check>` dialog opens once the gesture is over. Review sends nothing;
 * Send anyway replays the held events, in order, on the elements they were aimed at, so the
 * page's own Send runs exactly once, and records the send in the history (the session's Send
 * listener only counts the user's trusted events, which the page never got).
 *
 * What never changes: with nothing at the threshold (or the draft or site paused, or the
 * threshold off) the event goes on untouched, synchronously. Events the page dispatches itself
 * (isTrusted false, our replays included) are the page's business: never held, never recorded.
 * Fail open: an exception, a compose without a Send button, or an analysis not ready within
 * ANALYSIS_WAIT_MS lets the mail go (through the untouched event, or the replay when it was
 * already held) with one console warning. A gesture is replayed at most once.
 */
import type { Finding } from '../engine/types';
import type { SendCheckChoice, SendCheckDialog, SendCheckView } from '../overlay/send-check';
import type { SendThreshold } from '../settings/types';
import { saysScheduleSend } from '../webmail/site';
import type { ComposeSession } from '../webmail/types';

/** Longer than this for the draft's analysis, and the mail goes unchecked (the limit). */
export const ANALYSIS_WAIT_MS = 300;
/** A held press whose click never comes (pointer cancelled, window blurred) is dropped after this. */
const GESTURE_TIMEOUT_MS = 3000;

/** What the guard needs from a compose (ComposeController implements it). */
export interface GuardedCompose {
  readonly session: ComposeSession;
  /**
   * The dialog's content when the draft has findings at `threshold`, null when the mail may go.
   * A promise while the analysis is not ready (the guard waits ANALYSIS_WAIT_MS at most).
   */
  sendCheck(threshold: Exclude<SendThreshold, 'off'>): SendCheckView | null | Promise<SendCheckView | null>;
  /**
   * Records the recipients as written to (first-contact history), if `trigger` is a trusted
   * user event (src/content/send-record.ts: trusted only, once per compose, rate-capped).
   */
  recordSend(trigger: Event): unknown;
  /** Review: focus on the first of `findings` that has a span in the editor. */
  review(findings: readonly Finding[]): void;
}

export interface SendGuardHost {
  /** The composes of the page that have a Send to guard (site adapters only). */
  composes(): Iterable<GuardedCompose>;
  threshold(): SendThreshold;
  /**
   * Opens the dialog (the compose UI, loaded with the engine: a held Send has findings, so it is
   * there; if not, this throws and the mail goes).
   */
  dialog(doc: Document, view: SendCheckView, done: (choice: SendCheckChoice, dontAsk: boolean, event: Event) => void): SendCheckDialog;
}

type Kind = 'pointer' | 'key' | 'click';

interface Held {
  type: string;
  target: EventTarget;
  init: Record<string, unknown>;
  ctor: 'PointerEvent' | 'MouseEvent' | 'KeyboardEvent';
}

interface Gesture {
  compose: GuardedCompose;
  kind: Kind;
  /** The key that started a key gesture (its repeats, keypress and keyup belong to it). */
  key: string;
  /** The control the gesture started on (a press released elsewhere is no click). */
  control: Element;
  hold: boolean;
  events: Held[];
  /** The pointer event types this gesture has had (a second mousedown is a new press). */
  seen: Set<string>;
  ended: boolean;
  /** The user's own event that started it: what the history records the send by. */
  trigger: Event;
  /** Once known: the dialog's content, or null (let it go). */
  view: SendCheckView | null | undefined;
  settled: boolean;
  timer: number;
}

const POINTER_TYPES = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'] as const;
const KEY_TYPES = ['keydown', 'keypress', 'keyup'] as const;
const NATIVE_BUTTON = 'button, input[type="submit"], input[type="button"]';
const MENU_ITEM = '[role="menuitem"], [role="menuitemradio"], [role="option"]';

function warn(reason: string): void {
  console.warn(`[Nemawashi] The check at Send was skipped (${reason}); the mail goes as usual.`);
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** The properties that make a replayed event look like the original to the page's handlers. */
function initOf(e: Event): Held {
  const base: Record<string, unknown> = { bubbles: e.bubbles, cancelable: e.cancelable, composed: e.composed };
  if (e instanceof KeyboardEvent) {
    for (const k of ['key', 'code', 'location', 'repeat', 'isComposing', 'ctrlKey', 'shiftKey', 'altKey', 'metaKey', 'view', 'detail'] as const) base[k] = e[k];
    base.keyCode = e.keyCode;
    base.which = e.which;
    base.charCode = e.charCode;
    return { type: e.type, target: e.target!, init: base, ctor: 'KeyboardEvent' };
  }
  const m = e as MouseEvent;
  for (const k of ['screenX', 'screenY', 'clientX', 'clientY', 'button', 'buttons', 'ctrlKey', 'shiftKey', 'altKey', 'metaKey', 'detail', 'view', 'relatedTarget'] as const) base[k] = m[k];
  if (typeof PointerEvent !== 'undefined' && e instanceof PointerEvent) {
    for (const k of ['pointerId', 'pointerType', 'isPrimary', 'width', 'height', 'pressure'] as const) base[k] = e[k];
    return { type: e.type, target: e.target!, init: base, ctor: 'PointerEvent' };
  }
  return { type: e.type, target: e.target!, init: base, ctor: 'MouseEvent' };
}

export class SendGuard {
  private gesture: Gesture | null = null;
  private dialog: SendCheckDialog | null = null;
  /** The compose the user last pressed or typed in: Send's menu is drawn outside any compose. */
  private lastCompose: GuardedCompose | null = null;
  /** "Don't ask again for this draft". */
  private readonly skip = new WeakSet<GuardedCompose>();
  /** The key that closed the dialog: its keypress/keyup must not reach the page (Esc, Enter). */
  private closingKey: string | null = null;
  /** A key pressed in the dialog and not yet released. */
  private keyDown: string | null = null;

  constructor(
    private readonly win: Window,
    private readonly host: SendGuardHost,
    signal: AbortSignal,
  ) {
    const opts = { capture: true, signal } as const;
    for (const type of [...POINTER_TYPES, ...KEY_TYPES]) win.addEventListener(type, this.onEvent, opts);
    signal.addEventListener('abort', () => this.dialog?.dispose(), { once: true });
  }

  /** Whether the dialog is showing (tests, the controller). */
  get showing(): boolean {
    return this.dialog?.open ?? false;
  }

  private readonly onEvent = (e: Event): void => {
    // The page's own events (and our replays) are the page's business.
    if (!e.isTrusted) return;
    try {
      if (this.dialog?.open) return this.duringDialog(e);
      if (this.closingKey !== null && e instanceof KeyboardEvent && e.type !== 'keydown' && e.key === this.closingKey) {
        if (e.type === 'keyup') this.closingKey = null;
        return this.swallow(e);
      }
      this.closingKey = null;
      const g = this.gesture;
      if (g && this.belongs(g, e)) return this.continueGesture(g, e);
      this.startGesture(e);
    } catch (err) {
      // Whatever broke, the event was not stopped unless a gesture holds it: let that one go.
      const g = this.gesture;
      if (g?.hold) this.release(g, `error: ${describe(err)}`);
      else warn(`error: ${describe(err)}`);
    }
  };

  // ── which events are a Send ─────────────────────────────────────────────

  private composeOf(target: Element): GuardedCompose | null {
    for (const c of this.host.composes()) {
      const { container, editor } = c.session;
      if (container.contains(target) || editor.contains(target)) return c;
    }
    return null;
  }

  /** The Send gesture `e` starts, if any: its compose, kind and control. */
  private classify(e: Event): { compose: GuardedCompose; kind: Kind; control: Element } | null {
    const target = e.target;
    if (!(target instanceof Element)) return null;
    const inCompose = this.composeOf(target);
    if (inCompose && (e.type === 'pointerdown' || e.type === 'keydown')) this.lastCompose = inCompose;

    if (e instanceof KeyboardEvent) {
      if (e.type !== 'keydown' || e.isComposing) return null;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && inCompose) return { compose: inCompose, kind: 'key', control: target };
      if ((e.key === 'Enter' || e.key === ' ') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        // A native button answers Enter/Space with a click of its own (trusted): that click is
        // the Send. Held here, the replayed keys would not click it.
        const control = this.sendControl(target, inCompose);
        if (control && !control.element.matches(NATIVE_BUTTON)) return { compose: control.compose, kind: 'key', control: control.element };
      }
      return null;
    }
    const m = e as MouseEvent;
    if (m.button !== 0) return null;
    const control = this.sendControl(target, inCompose);
    if (!control) return null;
    const native = control.element.matches(NATIVE_BUTTON);
    if (e.type === 'click') return { compose: control.compose, kind: 'click', control: control.element };
    // A div "button" (Gmail) may act on the press or the release: hold from the press on.
    if (!native && (e.type === 'pointerdown' || e.type === 'mousedown')) return { compose: control.compose, kind: 'pointer', control: control.element };
    return null;
  }

  private sendControl(target: Element, inCompose: GuardedCompose | null): { compose: GuardedCompose; element: Element } | null {
    if (inCompose && inCompose.session.isSendControl(target)) {
      const element = target.closest('button, [role="button"], input') ?? target;
      return { compose: inCompose, element };
    }
    // "Schedule send" in Send's menu, drawn at the end of the page: the compose last used.
    const item = target.closest(MENU_ITEM);
    const c = this.lastCompose;
    if (item && c && c.session.isAlive() && (saysScheduleSend(item.getAttribute('aria-label')) || saysScheduleSend(item.textContent))) {
      return { compose: c, element: item };
    }
    return null;
  }

  /**
   * Whether `e` continues `g`. A fresh press or key press starts a new gesture even when the
   * last one never finished (its click or keyup went elsewhere), so a stale gesture never
   * swallows, or waves through, the next Send.
   */
  private belongs(g: Gesture, e: Event): boolean {
    if (g.ended) return false;
    if (g.kind === 'key') return e instanceof KeyboardEvent && e.key === g.key && !(e.type === 'keydown' && !e.repeat);
    if (g.kind === 'pointer') return (POINTER_TYPES as readonly string[]).includes(e.type) && (e as MouseEvent).button === 0 && !g.seen.has(e.type);
    return false;
  }

  // ── a gesture ───────────────────────────────────────────────────────────

  private startGesture(e: Event): void {
    const start = this.classify(e);
    if (!start) return;
    const { compose, kind, control } = start;
    const key = e instanceof KeyboardEvent ? e.key : '';
    const g: Gesture = { compose, kind, key, control, trigger: e, hold: false, events: [], seen: new Set([e.type]), ended: kind === 'click', view: null, settled: true, timer: 0 };
    this.gesture = g;

    const threshold = this.host.threshold();
    if (threshold === 'off' || this.skip.has(compose)) return;
    if (!compose.session.sendButton()) {
      // The adapter cannot see Send any more: we could not replay it, so we do not hold it.
      warn('the Send button was not found in this compose');
      return;
    }
    let result: SendCheckView | null | Promise<SendCheckView | null>;
    try {
      result = compose.sendCheck(threshold);
    } catch (err) {
      warn(`the check failed: ${describe(err)}`);
      return;
    }
    if (result === null) return;
    // From here the gesture is held: the page gets none of it unless Send anyway (or a failure).
    g.hold = true;
    this.swallow(e, g);
    if (result instanceof Promise) {
      g.settled = false;
      g.view = undefined;
      const timer = window.setTimeout(() => this.settle(g, null, `the analysis was not ready within ${ANALYSIS_WAIT_MS} ms`), ANALYSIS_WAIT_MS);
      result.then(
        (view) => {
          clearTimeout(timer);
          this.settle(g, view, null);
        },
        (err: unknown) => {
          clearTimeout(timer);
          this.settle(g, null, `the check failed: ${describe(err)}`);
        },
      );
    } else {
      g.view = result;
    }
    if (g.ended) this.finish(g);
    else g.timer = window.setTimeout(() => this.abandon(g), GESTURE_TIMEOUT_MS);
  }

  private continueGesture(g: Gesture, e: Event): void {
    g.seen.add(e.type);
    if (!g.hold) {
      if (this.ends(g, e)) g.ended = true;
      return;
    }
    this.swallow(e, g);
    if (g.kind === 'pointer' && e.type === 'mouseup' && !(e.target instanceof Node && g.control.contains(e.target))) {
      // Released away from Send: no click on Send follows, so no Send would have happened.
      this.abandon(g);
      return;
    }
    if (this.ends(g, e)) {
      g.ended = true;
      clearTimeout(g.timer);
      this.finish(g);
    }
  }

  private ends(g: Gesture, e: Event): boolean {
    return g.kind === 'key' ? e.type === 'keyup' : e.type === 'click';
  }

  private swallow(e: Event, g?: Gesture): void {
    if (g) g.events.push(initOf(e));
    // A cancelled pointerdown/up would suppress the mousedown/up that follow (Pointer Events'
    // compatibility events), and a webmail may send on those: they are held one by one instead.
    if (!e.type.startsWith('pointer')) e.preventDefault();
    e.stopImmediatePropagation();
  }

  /** The analysis answered (or timed out / failed: `failure` says why, and the mail goes). */
  private settle(g: Gesture, view: SendCheckView | null, failure: string | null): void {
    if (g.settled) return;
    g.settled = true;
    if (failure) return this.release(g, failure);
    g.view = view;
    if (g.ended) this.finish(g);
  }

  /** The gesture is over and held: dialog, or (nothing found after all) let it go. */
  private finish(g: Gesture): void {
    if (!g.settled) return;
    if (this.gesture === g) this.gesture = null;
    if (!g.view) return this.send(g);
    if (!g.compose.session.isAlive()) return;
    const view = g.view;
    try {
      this.keyDown = null;
      this.dialog = this.host.dialog(this.win.document, view, (choice, dontAsk, event) => {
        this.dialog = null;
        this.closingKey = this.keyDown;
        if (dontAsk) this.skip.add(g.compose);
        // The history records the send by the user's click (or key) on Send anyway.
        if (choice === 'send') this.send(g, event);
        else g.compose.review(view.findings);
      });
    } catch (err) {
      this.dialog = null;
      this.release(g, `the dialog could not open: ${describe(err)}`);
    }
  }

  /** A held press that never became a click: nothing was sent, nothing is shown. */
  private abandon(g: Gesture): void {
    clearTimeout(g.timer);
    g.ended = true;
    g.settled = true;
    g.view = null;
    g.events = [];
    if (this.gesture === g) this.gesture = null;
  }

  /**
   * Fail open: the held events go to the page now, and the rest of the gesture (a press still
   * down when the analysis timed out) passes untouched.
   */
  private release(g: Gesture, reason: string): void {
    warn(reason);
    if (this.gesture === g && g.ended) this.gesture = null;
    this.send(g);
  }

  /**
   * Lets a held Send go: records it, then replays the held events (untrusted, so this guard and
   * the session's Send listener leave them alone) on their targets. Once per gesture.
   */
  private send(g: Gesture, trigger: Event = g.trigger): void {
    clearTimeout(g.timer);
    const events = g.events;
    g.events = [];
    g.hold = false;
    g.settled = true;
    if (events.length === 0) return;
    try {
      g.compose.recordSend(trigger);
    } catch {
      // The history must never stop the mail.
    }
    const fallback = g.compose.session.sendButton();
    for (const held of events) {
      const target = held.target instanceof Node && held.target.isConnected ? held.target : fallback;
      if (!target) continue;
      const Ctor = held.ctor === 'PointerEvent' && typeof PointerEvent !== 'undefined' ? PointerEvent : held.ctor === 'KeyboardEvent' ? KeyboardEvent : MouseEvent;
      const event = new Ctor(held.type, held.init as never);
      if (held.ctor === 'KeyboardEvent') {
        // keyCode/which are read-only in the constructor's dictionary; older webmail code reads them.
        for (const k of ['keyCode', 'which', 'charCode'] as const) Object.defineProperty(event, k, { value: held.init[k] });
      }
      target.dispatchEvent(event);
    }
  }

  // ── while the dialog is open ────────────────────────────────────────────

  private duringDialog(e: Event): void {
    const dialog = this.dialog!;
    if (e instanceof KeyboardEvent) {
      if (e.type === 'keydown') this.keyDown = e.key;
      else if (e.type === 'keyup') this.keyDown = null;
      // No page listener sees keys meant for the dialog; Enter/Space keep their default action
      // (they activate the focused button), unless handleKey prevented it.
      e.stopImmediatePropagation();
      dialog.handleKey(e);
      return;
    }
    // The dialog covers the page: a pointer event elsewhere (a page overlay above it) is not the page's to act on.
    if (e.target !== dialog.host) {
      e.preventDefault();
      e.stopImmediatePropagation();
      dialog.refocus();
    }
  }
}
