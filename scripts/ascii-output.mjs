/**
 * Built scripts written for V8's first parse (issue 12): in ASCII, and with plain string literals.
 *
 * The bundlers write the rules' Japanese words and regular expressions as they are. One character
 * outside ASCII makes V8 hold the whole script as two-byte text: twice the memory, and every scan
 * of it (the first parse, each lazy compile) reads it that way. The content script loaded at page
 * load had 100 such characters in 87 kB, the engine's tables 23 in 810 kB. Written as \uXXXX
 * escapes (valid in regular expression literals, strings, template literals, identifiers and
 * comments alike) the scripts are ASCII and V8 keeps them as one-byte text. The escapes change
 * the raw text of a template only, which String.raw would show: refused below.
 *
 * The minifier (Vite 8's, oxc) writes every string as a template literal (`word` for 'word'). V8
 * scans a template for two strings, its cooked and its raw text, and keeps both: in the engine's
 * scripts (1.5 MB, 1.4 MB of it strings, most of them the tagger's and the tables' data) that was
 * 35 ms more compiling in a cold compose, measured in the tab (see quotedStrings).
 */
import * as acorn from 'acorn';

export function asciiOnly(source, name = 'a built script') {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(source)) return source;
  if (/String\.raw/.test(source)) throw new Error(`ascii-output: ${name} uses String.raw, whose raw text an escape would change`);
  // eslint-disable-next-line no-control-regex
  return source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A JavaScript string literal for `value`, in whichever quote needs fewer escapes. */
function stringLiteral(value) {
  const singles = value.split("'").length;
  const doubles = value.split('"').length;
  const quote = singles <= doubles ? "'" : '"';
  let out = quote;
  for (const c of value) {
    const code = c.codePointAt(0);
    if (c === quote || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    // Other control characters may stand in a string as they are (as the minifier left them in
    // the templates: the packed tables separate their keys with U+0001), except NUL.
    else if (code === 0 || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out + quote;
}

/**
 * The source with each template literal that has no substitution (`text`) written as a string
 * literal ('text') of the same value. Left as they are: tagged templates (the tag sees the raw
 * text) and a template that is a statement of its own (as a string it could become a directive
 * such as 'use strict').
 */
export function quotedStrings(source, name = 'a built script') {
  if (!source.includes('`')) return source;
  let ast;
  try {
    ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
  } catch {
    try {
      ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module', allowReturnOutsideFunction: true });
    } catch (err) {
      throw new Error(`ascii-output: ${name} does not parse: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const edits = [];
  const stack = [[ast, null]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop();
    if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && parent?.type !== 'TaggedTemplateExpression' && parent?.type !== 'ExpressionStatement') {
      const cooked = node.quasis[0].value.cooked;
      if (typeof cooked === 'string') edits.push([node.start, node.end, stringLiteral(cooked)]);
      continue;
    }
    for (const key of Object.keys(node)) {
      const v = node[key];
      if (Array.isArray(v)) {
        for (const child of v) if (child && typeof child.type === 'string') stack.push([child, node]);
      } else if (v && typeof v.type === 'string') stack.push([v, node]);
    }
  }
  edits.sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [start, end, text] of edits) {
    parts.push(source.slice(at, start), text);
    at = end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

/** The build plugin (wxt.config.ts): every JavaScript chunk, after minification. */
export function asciiOutputVite() {
  return {
    name: 'nemawashi:ascii-output',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = asciiOnly(quotedStrings(chunk.code, chunk.fileName), chunk.fileName);
      }
    },
  };
}
