/**
 * The tests' handle on the overlay's closed shadow roots. Page scripts cannot reach them
 * (`host.shadowRoot` is null: SECURITY.md); the tests reach them through the DevTools protocol,
 * which pierces closed roots, so the extension itself ships no test hook at all. Clicks are real
 * mouse clicks at the element's centre (trusted events, as the user's).
 *
 * Every helper takes a scope: the page (its top document), or `{ page, iframe }` where `iframe` is
 * the CSS selector of an iframe element in the top document (Outlook's pop-out compose is a frame
 * the page created, and the content script draws the overlay inside it). A frame in the page's
 * own process (about:blank, same origin) has no DevTools target of its own: its document is
 * reached through the top document's tree, which DOM.getDocument returns with the frames'
 * content documents when asked to pierce.
 */
import type { CDPSession, Page } from 'playwright-core';

export type ShadowScope = Page | { page: Page; iframe: string };

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
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

const pageOf = (scope: ShadowScope): Page => ('iframe' in scope ? scope.page : scope);

/** The node a depth-first walk of `tree` finds with `nodeId` (children, shadow roots, frames). */
function findNode(tree: CdpNode, nodeId: number): CdpNode | null {
  const stack = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeId === nodeId) return n;
    stack.push(...(n.children ?? []), ...(n.shadowRoots ?? []), ...(n.contentDocument ? [n.contentDocument] : []));
  }
  return null;
}

/** The nodeId of the scope's document: the top document, or the content document of the frame. */
async function documentOf(s: CDPSession, scope: ShadowScope): Promise<number> {
  if (!('iframe' in scope)) {
    const { root } = (await s.send('DOM.getDocument', { depth: 0 })) as { root: CdpNode };
    return root.nodeId;
  }
  // The whole tree, frames included, so that the frame's document has a nodeId to query.
  const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const { nodeId } = (await s.send('DOM.querySelector', { nodeId: root.nodeId, selector: scope.iframe })) as { nodeId: number };
  const doc = nodeId ? findNode(root, nodeId)?.contentDocument : undefined;
  if (!doc) throw new Error(`no frame document at ${scope.iframe}`);
  return doc.nodeId;
}

/**
 * Runs `fn(root, arg)` on the shadow root of every element matching `hostSelector` (light DOM)
 * in the scope's document, in document order, and returns the results. `fn` is serialized: it
 * may use only its arguments. It runs in the main world of the document's frame.
 */
export async function inShadows<T, A = undefined>(scope: ShadowScope, hostSelector: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<Awaited<T>[]> {
  const s = await cdp(pageOf(scope));
  const docId = await documentOf(s, scope);
  const { nodeIds } = (await s.send('DOM.querySelectorAll', { nodeId: docId, selector: hostSelector })) as { nodeIds: number[] };
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
export async function inShadow<T, A = undefined>(scope: ShadowScope, hostSelector: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A, nth = 0): Promise<Awaited<T>> {
  const all = await inShadows(scope, hostSelector, fn, arg);
  if (all.length <= nth) throw new Error(`no shadow root #${nth} on ${hostSelector}`);
  return all[nth]!;
}

/** Whether `selector` matches a rendered element (not hidden, has a box) inside the host's root. */
export async function shadowVisible(scope: ShadowScope, host: string, selector: string, nth = 0): Promise<boolean> {
  const all = await inShadows(scope, host, (r, sel) => {
    const el = r.querySelector<HTMLElement>(sel);
    return !!el && !el.closest('[hidden]') && el.getClientRects().length > 0;
  }, selector);
  return all[nth] ?? false;
}

/** Waits until `selector` is visible (or, with state 'hidden', not visible) inside the host's shadow root. */
export async function waitShadow(scope: ShadowScope, host: string, selector: string, opts: { timeout?: number; nth?: number; state?: 'visible' | 'hidden' } = {}): Promise<void> {
  const until = Date.now() + (opts.timeout ?? 5_000);
  const want = opts.state !== 'hidden';
  for (;;) {
    if ((await shadowVisible(scope, host, selector, opts.nth ?? 0)) === want) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${host} >>> ${selector}`);
    await pageOf(scope).waitForTimeout(50);
  }
}

/** The text of the first element matching `selector` inside the host's shadow root (null: none). */
export async function shadowText(scope: ShadowScope, host: string, selector: string, nth = 0): Promise<string | null> {
  return inShadow(scope, host, (r, sel) => r.querySelector(sel)?.textContent ?? null, selector, nth);
}

/** How many elements match `selector` inside the host's shadow root. */
export async function shadowCount(scope: ShadowScope, host: string, selector: string, nth = 0): Promise<number> {
  return inShadow(scope, host, (r, sel) => r.querySelectorAll(sel).length, selector, nth);
}

/**
 * Where the scope's viewport starts in the page's: (0, 0) for the top document; for a frame,
 * its iframe element's content box (border and padding skipped).
 */
async function originOf(scope: ShadowScope): Promise<{ x: number; y: number }> {
  if (!('iframe' in scope)) return { x: 0, y: 0 };
  const o = await scope.page.locator(scope.iframe).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return { x: r.left + el.clientLeft + parseFloat(cs.paddingLeft), y: r.top + el.clientTop + parseFloat(cs.paddingTop) };
  });
  return o;
}

/** A real mouse click at the centre of the element (scrolled into view first). */
export async function shadowClick(scope: ShadowScope, host: string, selector: string, nth = 0): Promise<void> {
  const box = await inShadow(
    scope,
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
  const origin = await originOf(scope);
  await pageOf(scope).mouse.click(origin.x + box.x, origin.y + box.y);
}
