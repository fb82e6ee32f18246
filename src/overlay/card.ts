/**
 * The hover/focus card of one finding: message, why it matters for this audience, the
 * suggestion, and Apply / Ignore / Turn off rule. Built with textContent only: draft text
 * (excerpts, replacements) is hostile input.
 */
import type { Finding, Lang } from '../engine/types';
import { isUserPhraseRuleId } from '../engine/user-phrase-id';
import type { Rect } from './geometry';
import { t } from '../i18n/overlay';

export interface CardHandlers {
  apply?: () => boolean;
  ignore: () => void;
  /** Absent when the rule cannot be turned off (the organisation's policy keeps it on). */
  turnOff?: () => void;
  /** `viaKeyboard`: Escape or the close button; the owner puts focus back in the editor. */
  closed: (viaKeyboard: boolean) => void;
}

const CARD_GAP = 6;

export class FindingCard {
  readonly element: HTMLDivElement;
  private handlers: CardHandlers | null = null;
  private current: { composeId: string; key: string } | null = null;
  private lang: Lang = 'en';

  constructor(parent: ShadowRoot) {
    const doc = parent.ownerDocument;
    this.element = doc.createElement('div');
    this.element.className = 'card';
    this.element.hidden = true;
    this.element.setAttribute('role', 'dialog');
    this.element.setAttribute('part', 'card');
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.close(true);
      }
    });
    parent.appendChild(this.element);
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Which finding the card shows, if open. */
  get showing(): { composeId: string; key: string } | null {
    return this.isOpen ? this.current : null;
  }

  show(opts: {
    composeId: string;
    key: string;
    finding: Finding;
    lang: Lang;
    anchor: Rect | null;
    handlers: CardHandlers;
    focus: boolean;
  }): void {
    const { finding: f, lang } = opts;
    this.lang = lang;
    this.handlers = opts.handlers;
    this.current = { composeId: opts.composeId, key: opts.key };
    const doc = this.element.ownerDocument;
    const el = (tag: string, cls?: string, text?: string): HTMLElement => {
      const n = doc.createElement(tag);
      if (cls) n.className = cls;
      if (text !== undefined) n.textContent = text;
      return n;
    };
    this.element.replaceChildren();
    this.element.dataset.severity = f.severity;
    this.element.dataset.rule = f.ruleId;
    this.element.setAttribute('aria-label', f.message);

    const head = el('div', 'head');
    head.append(el('span', `sev ${f.severity}`, t(lang, `severity.${f.severity}`)), el('span', 'rule', f.ruleId));
    const x = el('button', 'x', '×') as HTMLButtonElement;
    x.type = 'button';
    x.setAttribute('aria-label', t(lang, 'overlay.close'));
    x.addEventListener('click', () => this.close(true));
    head.append(x);
    this.element.append(head, el('p', 'message', f.message));
    if (f.rationale && f.rationale !== f.message) {
      this.element.append(el('div', 'label', t(lang, 'label.why')), el('p', 'why', f.rationale));
    }
    const replacement = f.suggestion?.replacement;
    if (f.suggestion?.text) {
      this.element.append(el('div', 'label', t(lang, 'label.suggestion')));
      const p = el('p', 'suggestion', f.suggestion.text);
      this.element.append(p);
    }

    const actions = el('div', 'actions');
    const button = (label: string, cls: string, title: string, onClick: () => void): HTMLButtonElement => {
      const b = el('button', `act ${cls}`, label) as HTMLButtonElement;
      b.type = 'button';
      b.title = title;
      // Apply, Ignore and Turn off change the draft or the settings: only a real click or key
      // press does that (a page script's click() or dispatched event is untrusted).
      b.addEventListener('click', (e) => {
        if (e.isTrusted) onClick();
      });
      actions.append(b);
      return b;
    };
    const status = el('div', 'status');
    status.setAttribute('role', 'status');
    if (replacement !== undefined && opts.handlers.apply && f.start !== undefined) {
      const apply = opts.handlers.apply;
      const b = button(t(lang, 'action.apply'), 'primary apply', t(lang, 'overlay.applyTo', { text: replacement }), () => {
        const ok = apply();
        if (ok) this.hide();
        else status.textContent = t(lang, 'overlay.applyFailed');
      });
      b.dataset.action = 'apply';
    }
    button(t(lang, 'overlay.ignore'), 'ignore', t(lang, 'overlay.ignoreHint'), () => {
      opts.handlers.ignore();
      this.hide();
    }).dataset.action = 'ignore';
    // A user phrase (user/<id>) is turned off the same way; it is not a catalogue rule, so the
    // button says what it switches off.
    const phrase = isUserPhraseRuleId(f.ruleId);
    const turnOff = opts.handlers.turnOff;
    if (turnOff) {
      button(t(lang, phrase ? 'overlay.turnOffPhrase' : 'overlay.turnOff'), 'turn-off', t(lang, phrase ? 'overlay.turnOffPhraseHint' : 'overlay.turnOffHint'), () => {
        turnOff();
        this.hide();
      }).dataset.action = 'turn-off';
    }
    this.element.append(actions, status, el('div', 'hint', t(lang, 'overlay.shortcutHint')));

    this.element.hidden = false;
    this.place(opts.anchor);
    if (opts.focus) {
      const first = this.element.querySelector<HTMLButtonElement>('button.act');
      first?.focus({ preventScroll: true });
    }
  }

  /** Below the span when there is room, else above; kept inside the viewport. */
  place(anchor: Rect | null): void {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const w = this.element.offsetWidth || 340;
    const h = this.element.offsetHeight || 200;
    let left: number;
    let top: number;
    if (anchor) {
      left = anchor.left;
      top = anchor.top + anchor.height + CARD_GAP;
      if (top + h > vh - 8 && anchor.top - h - CARD_GAP >= 8) top = anchor.top - h - CARD_GAP;
    } else {
      left = (vw - w) / 2;
      top = (vh - h) / 2;
    }
    left = Math.max(8, Math.min(left, vw - w - 8));
    top = Math.max(8, Math.min(top, vh - h - 8));
    this.element.style.left = `${Math.round(left)}px`;
    this.element.style.top = `${Math.round(top)}px`;
  }

  close(viaKeyboard: boolean): void {
    if (!this.isOpen) return;
    const handlers = this.handlers;
    this.hide();
    handlers?.closed(viaKeyboard);
  }

  hide(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
    this.current = null;
    this.handlers = null;
  }

  get language(): Lang {
    return this.lang;
  }
}
