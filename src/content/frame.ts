/** Where a frame's document stands (no DOM or `browser` needed: unit-tested in Node). */

/**
 * The host name this document speaks for. A frame the page created without a URL (about:blank,
 * srcdoc) shares its creator's origin but has no host of its own: its origin says whose it is.
 */
export function pageHostname(loc: Pick<Location, 'hostname' | 'protocol'> = location, origin: string = self.origin): string {
  if (loc.hostname) return loc.hostname;
  if (loc.protocol === 'about:' || loc.protocol === 'blob:' || loc.protocol === 'data:') {
    try {
      return origin && origin !== 'null' ? new URL(origin).hostname : '';
    } catch {
      return '';
    }
  }
  return '';
}
