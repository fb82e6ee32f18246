/**
 * A few DOM helpers for the popup and the options page. Text always goes in as text nodes
 * (draft text is hostile: no innerHTML anywhere).
 */

export type Child = Node | string | number | null | undefined | false | Child[];
type Handler = (ev: Event) => void;

export interface Props {
  class?: string;
  text?: string;
  dataset?: Record<string, string>;
  on?: Partial<Record<keyof HTMLElementEventMap, Handler>>;
  /** DOM properties rather than attributes (value, checked, disabled, selected, hidden...). */
  props?: Record<string, unknown>;
  [attribute: string]: unknown;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.className = String(value);
      else if (key === 'text') el.textContent = String(value);
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key === 'on') {
        for (const [type, handler] of Object.entries(value as Record<string, Handler>)) el.addEventListener(type, handler);
      } else if (key === 'props') Object.assign(el, value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

let uid = 0;
/** A unique id for label/aria wiring. */
export function nextId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

/**
 * Replaces `root`'s content with `build()`, keeping keyboard focus and unsaved input values:
 * an element with `data-key` gets focus back when its twin exists after the render; inputs with
 * `data-keep` keep what the user typed.
 */
export function rerender(root: HTMLElement, build: () => Child): void {
  const active = document.activeElement as HTMLElement | null;
  const focusKey = active && root.contains(active) ? active.dataset.key : undefined;
  const kept = new Map<string, string>();
  root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[data-keep]').forEach((el) => {
    kept.set(el.dataset.keep!, el.value);
  });
  root.replaceChildren();
  append(root, [build()]);
  root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[data-keep]').forEach((el) => {
    const v = kept.get(el.dataset.keep!);
    if (v !== undefined) el.value = v;
  });
  if (focusKey) root.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
}

/** A labelled <select> whose options come from [value, label] pairs. */
export function select(
  opts: { id?: string; key?: string; label?: string; value: string; options: Array<[string, string]>; onChange(value: string): void; disabled?: boolean },
): HTMLSelectElement {
  return h(
    'select',
    {
      id: opts.id,
      'aria-label': opts.label,
      dataset: opts.key ? { key: opts.key } : undefined,
      props: { disabled: !!opts.disabled },
      on: { change: (ev) => opts.onChange((ev.target as HTMLSelectElement).value) },
    },
    opts.options.map(([value, label]) => h('option', { value, props: { selected: value === opts.value } }, label)),
  );
}

/** Announces a short status message to screen readers through a live region. */
export function announce(region: HTMLElement | null, message: string): void {
  if (!region) return;
  region.textContent = '';
  // A separate task, so that the same message twice is announced twice.
  setTimeout(() => {
    region.textContent = message;
  }, 30);
}
