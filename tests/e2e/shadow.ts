/**
 * The tests' handle on the overlay's closed shadow roots. Page scripts cannot reach them
 * (`host.shadowRoot` is null: SECURITY.md); the tests reach them through the DevTools protocol,
 * which pierces closed roots, so the extension itself ships no test hook at all. Clicks are real
 * mouse clicks at the element's centre (trusted events, as the user's).
 */
import type { CDPSession, Page } from 'playwright-core';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  shadowRoots?: CdpNode[];
}

/**
 * Runs `fn(root, arg)` on the shadow root of every element matching `hostSelector` (light DOM),
 * in document order, and returns the results. `fn` is serialized: it may use only its arguments.
 */
export async function inShadows<T, A = undefined>(page: Page, hostSelector: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<Awaited<T>[]> {
  const s = await cdp(page);
  const { root } = (await s.send('DOM.getDocument', { depth: 0 })) as { root: CdpNode };
  const { nodeIds } = (await s.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: hostSelector })) as { nodeIds: number[] };
  const out: Awaited<T>[] = [];
  for (const nodeId of nodeIds) {
    const { node } = (await s.send('DOM.describeNode', { nodeId, depth: 1, pierce: true })) as { node: CdpNode };
    const shadow = node.shadowRoots?.[0];
    if (!shadow) continue;
    const { object } = (await s.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    const res = (await s.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: Awaited<T> }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (res.exceptionDetails) throw new Error(`in shadow root of ${hostSelector}: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    out.push(res.result.value);
    await s.send('Runtime.releaseObject', { objectId: object.objectId });
  }
  return out;
}

/** `fn` on the shadow root of the `nth` host matching `hostSelector` (throws if there is none). */
export async function inShadow<T, A = undefined>(page: Page, hostSelector: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A, nth = 0): Promise<Awaited<T>> {
  const all = await inShadows(page, hostSelector, fn, arg);
  if (all.length <= nth) throw new Error(`no shadow root #${nth} on ${hostSelector}`);
  return all[nth]!;
}

/** Whether `selector` matches a rendered element (not hidden, has a box) inside the host's root. */
export async function shadowVisible(page: Page, host: string, selector: string, nth = 0): Promise<boolean> {
  const all = await inShadows(page, host, (r, sel) => {
    const el = r.querySelector<HTMLElement>(sel);
    return !!el && !el.closest('[hidden]') && el.getClientRects().length > 0;
  }, selector);
  return all[nth] ?? false;
}

/** Waits until `selector` is visible (or, with state 'hidden', not visible) inside the host's shadow root. */
export async function waitShadow(page: Page, host: string, selector: string, opts: { timeout?: number; nth?: number; state?: 'visible' | 'hidden' } = {}): Promise<void> {
  const until = Date.now() + (opts.timeout ?? 5_000);
  const want = opts.state !== 'hidden';
  for (;;) {
    if ((await shadowVisible(page, host, selector, opts.nth ?? 0)) === want) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${host} >>> ${selector}`);
    await page.waitForTimeout(50);
  }
}

/** The text of the first element matching `selector` inside the host's shadow root (null: none). */
export async function shadowText(page: Page, host: string, selector: string, nth = 0): Promise<string | null> {
  return inShadow(page, host, (r, sel) => r.querySelector(sel)?.textContent ?? null, selector, nth);
}

/** How many elements match `selector` inside the host's shadow root. */
export async function shadowCount(page: Page, host: string, selector: string, nth = 0): Promise<number> {
  return inShadow(page, host, (r, sel) => r.querySelectorAll(sel).length, selector, nth);
}

/** A real mouse click at the centre of the element (scrolled into view first). */
export async function shadowClick(page: Page, host: string, selector: string, nth = 0): Promise<void> {
  const box = await inShadow(
    page,
    host,
    (r, sel) => {
      const el = r.querySelector<HTMLElement>(sel);
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const b = el.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2, w: b.width, h: b.height };
    },
    selector,
    nth,
  );
  if (!box || box.w === 0 || box.h === 0) throw new Error(`nothing to click at ${host} >>> ${selector}`);
  await page.mouse.click(box.x, box.y);
}
