/**
 * Built scripts written in ASCII (issue 12).
 *
 * The bundlers write the rules' Japanese words and regular expressions as they are. One character
 * outside ASCII makes V8 hold the whole script as two-byte text: twice the memory, and every scan
 * of it (the first parse, each lazy compile) reads it that way. The content script loaded at page
 * load had 100 such characters in 87 kB, the engine's tables 23 in 810 kB. Written as \uXXXX
 * escapes (valid in regular expression literals, strings, template literals, identifiers and
 * comments alike) the scripts are ASCII and V8 keeps them as one-byte text. The escapes change
 * the raw text of a template only, which String.raw would show: refused below.
 */
export function asciiOnly(source, name = 'a built script') {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(source)) return source;
  if (/String\.raw/.test(source)) throw new Error(`ascii-output: ${name} uses String.raw, whose raw text an escape would change`);
  // eslint-disable-next-line no-control-regex
  return source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The build plugin (wxt.config.ts): every JavaScript chunk, after minification. */
export function asciiOutputVite() {
  return {
    name: 'nemawashi:ascii-output',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = asciiOnly(chunk.code, chunk.fileName);
      }
    },
  };
}
