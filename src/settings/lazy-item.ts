/**
 * A storage item (@wxt-dev/storage) defined on its first use instead of at import.
 *
 * `storage.defineItem` reads storage as soon as it is called: the item's migration check (value
 * and version, for an item with migrations) and then the value itself, whether or not anyone
 * asks for it. Defined at import, the four items the content script's modules declare made five
 * extension-API round trips at the load of every webmail tab, before any compose (issue 12).
 * Defined on first use, an item costs nothing until then and behaves exactly as before after:
 * every method and property is the item's own.
 */
import type { WxtStorageItem } from 'wxt/utils/storage';

export function lazyItem<T, M extends Record<string, unknown> = Record<string, unknown>>(define: () => WxtStorageItem<T, M>): WxtStorageItem<T, M> {
  let item: WxtStorageItem<T, M> | undefined;
  const real = () => (item ??= define());
  return new Proxy({} as WxtStorageItem<T, M>, {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
  });
}
