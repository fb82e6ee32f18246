/**
 * The CLI bundle's large data literals moved to a file beside it (issue 12).
 *
 * The builds write data computed at build time into the code as string literals: compromise's
 * lexicon lookup, its parsed match network, its verb models and tag set (scripts/compromise-
 * precompute.mjs), 570 kB of the CLI's 1.7 MB. In the bundle, each start of the command read
 * them as part of the source and again from V8's code cache, which holds a copy of every literal
 * of the functions the run compiled. Moved to bin/nemawashi-data.txt, each is read from there
 * where the literal was (same value: a string, or an array of strings made anew), and the source
 * and the cache shrink by that much.
 *
 * What moves: a string literal of LARGE characters or more, and an array literal of only string
 * literals holding as many in all (none with a line break: the file keeps an array's items one a
 * line). The file starts with the build's id on its own line; a file missing or of another
 * build stops the command with a message saying so, since the data has no other source.
 */
import { parse } from 'acorn';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';

export const LARGE = 20_000;

/** Each node of the tree, parents before children. */
function* nodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (Array.isArray(v)) for (const child of v) yield* nodes(child);
    else if (v && typeof v.type === 'string') yield* nodes(v);
  }
}

/**
 * `source` (a CommonJS bundle, run with __dirname set) with its large literals read from the file
 * `dataFile` instead: returns the new source and the file's text.
 */
export function moveLargeLiterals(source, dataFile, large = LARGE) {
  const tree = parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true });
  const candidates = [];
  // Text that UTF-8 carries unchanged (not a lone surrogate).
  const carried = (text) => Buffer.from(text, 'utf8').toString('utf8') === text;
  // A tagged template's text is the tag's to read (String.raw): never replaced.
  const tagged = new Set();
  for (const node of nodes(tree)) if (node.type === 'TaggedTemplateExpression') tagged.add(node.quasi);
  // The value of a string literal: '…', "…" or `…` without substitutions (esbuild writes a
  // string holding both quotes so).
  const stringOf = (node) => {
    if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
    if (node?.type === 'TemplateLiteral' && node.expressions.length === 0 && !tagged.has(node)) return node.quasis[0].value.cooked ?? undefined;
    return undefined;
  };
  for (const node of nodes(tree)) {
    const value = stringOf(node);
    if (value !== undefined && value.length >= large && carried(value)) {
      candidates.push({ start: node.start, end: node.end, text: value, array: false });
    } else if (node.type === 'ArrayExpression' && node.elements.length > 0 && node.elements.every((e) => stringOf(e) !== undefined && !/[\r\n\u2028\u2029]/.test(stringOf(e)))) {
      const text = node.elements.map(stringOf).join('\n');
      if (text.length >= large && carried(text)) candidates.push({ start: node.start, end: node.end, text, array: true });
    }
  }
  // In source order; one inside another taken (a string of a large array) moves with it.
  const found = [];
  for (const c of candidates.sort((a, b) => a.start - b.start)) if (found.length === 0 || c.start >= found[found.length - 1].end) found.push(c);
  const build = createHash('sha256').update(found.map((f) => f.text).join('\0')).digest('hex').slice(0, 16);
  const parts = [];
  const index = [];
  let at = Buffer.byteLength(`${build}\n`);
  for (const f of found) {
    const length = Buffer.byteLength(f.text);
    index.push([at, length]);
    parts.push(f.text);
    at += length;
  }
  let out = '';
  let from = 0;
  found.forEach((f, i) => {
    out += source.slice(from, f.start) + (f.array ? `__nemawashiData(${i}).split("\\n")` : `__nemawashiData(${i})`);
    from = f.end;
  });
  out += source.slice(from);
  if (found.length === 0) return { source, data: undefined };
  const name = JSON.stringify(basename(dataFile));
  // A function declaration, so every module of the bundle sees it wherever it is (hoisted).
  const reader = `function __nemawashiData(i){const fs=require("node:fs");const file=require("node:path").join(__dirname,${name});const [at,length]=${JSON.stringify(index)}[i];const head=${JSON.stringify(build + '\n')};let fd;try{fd=fs.openSync(file,"r");const buf=Buffer.allocUnsafe(Math.max(length,head.length));if(fs.readSync(fd,buf,0,head.length,0)===head.length&&buf.toString("latin1",0,head.length)===head&&fs.readSync(fd,buf,0,length,at)===length)return buf.toString("utf8",0,length)}catch{}finally{if(fd!==undefined)fs.closeSync(fd)}throw new Error("nemawashi: "+file+" is missing or from another build of the command; build or install it again (npm run build:cli)")}\n`;
  // After a leading "use strict" (a directive must stay first), before everything else.
  const strict = /^(\/\/[^\n]*\n)*"use strict";/.exec(out);
  const cut = strict ? strict[0].length : 0;
  return { source: out.slice(0, cut) + reader + out.slice(cut), data: `${build}\n${parts.join('')}` };
}
