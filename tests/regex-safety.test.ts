/**
 * Every regular expression the extension ships is checked for catastrophic backtracking
 * (issue 5). A draft can be 200,000 characters of anything, and the engine runs on every
 * keystroke: one super-linear regex is enough to freeze the webmail tab.
 *
 * Regexes are collected by parsing the sources with the TypeScript compiler (a grep would miss
 * literals split over lines and catch "/" in strings), then checked with recheck's pure-JS
 * backend. A `new RegExp(...)` whose pattern is not a literal cannot be checked statically; it
 * must carry a `// safe-regexp: <reason>` comment saying why its input is trusted, because user
 * phrases must never be compiled as a regex (they go through definePhrases literally).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The pure-JS backend: no native binary or JVM needed, same verdicts on every machine.
process.env.RECHECK_BACKEND = 'pure';
const { checkSync } = await import('recheck');

const ROOT = resolve(import.meta.dirname, '..');
const SCANNED = ['src', 'rules', 'entrypoints'];

interface FoundRegex {
  where: string; // file:line
  source: string;
  flags: string;
  kind: 'literal' | 'RegExp' | 'string-as-regex';
}

interface DynamicRegExp {
  where: string;
  text: string;
  justified: boolean;
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) out.push(...listSources(path));
    else if (/\.(?:ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function stringValue(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

const SAFE_COMMENT = /\/\/\s*safe-regexp:\s*\S/;

function scan(file: string, text: string, found: FoundRegex[], dynamic: DynamicRegExp[]): void {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = text.split('\n');
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const lit = node.text;
      const slash = lit.lastIndexOf('/');
      found.push({ where: where(node), source: lit.slice(1, slash), flags: lit.slice(slash + 1), kind: 'literal' });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const args = node.arguments ?? ts.factory.createNodeArray();
      const source = stringValue(args[0]);
      const flags = args.length > 1 ? stringValue(args[1]) : '';
      if (source !== undefined && flags !== undefined) {
        found.push({ where: where(node), source, flags, kind: 'RegExp' });
      } else {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        // The justification sits on the line itself or on the line just above.
        const justified = SAFE_COMMENT.test(lines[line] ?? '') || SAFE_COMMENT.test(lines[line - 1] ?? '');
        dynamic.push({ where: where(node), text: node.getText(sf).slice(0, 120), justified });
      }
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['match', 'matchAll', 'search'].includes(node.expression.name.text)
    ) {
      // String.prototype.match/search compile a string argument as a regex.
      const source = stringValue(node.arguments[0]);
      if (source !== undefined) found.push({ where: where(node), source, flags: '', kind: 'string-as-regex' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

function collect(): { found: FoundRegex[]; dynamic: DynamicRegExp[]; files: number } {
  const found: FoundRegex[] = [];
  const dynamic: DynamicRegExp[] = [];
  const files = SCANNED.flatMap((d) => listSources(join(ROOT, d)));
  for (const file of files) scan(file, readFileSync(file, 'utf8'), found, dynamic);
  return { found, dynamic, files: files.length };
}

const { found, dynamic, files } = collect();

describe('regular expressions in src/, rules/ and entrypoints/', () => {
  it('finds the sources and their regexes (the collector itself works)', () => {
    expect(files).toBeGreaterThan(10);
    // The tokenizer's regex is known to exist; if the collector misses it, it misses others.
    expect(found.some((r) => r.where.startsWith('src/engine/text.ts') && r.flags === 'gu')).toBe(true);
  });

  it('has no regex vulnerable to catastrophic backtracking', () => {
    const problems: string[] = [];
    for (const r of found) {
      const flags = r.flags.replace(/[gyd]/g, '');
      let d = checkSync(r.source, flags, { timeout: 3_000 });
      // The automaton checker can take long on big case-insensitive alternations; the fuzzer
      // (recheck's other algorithm) still finds real attacks on those, in a fraction of the time.
      if (d.status === 'unknown' && d.error.kind === 'timeout') d = checkSync(r.source, flags, { timeout: 10_000, checker: 'fuzz' });
      if (d.status === 'vulnerable') {
        problems.push(
          `${r.where}: /${r.source}/${r.flags} is ${d.complexity.summary}; attack: ${d.attack.pattern}`,
        );
      } else if (d.status === 'unknown') {
        // An invalid regex is a bug; a checker timeout means the regex is too big to reason about.
        problems.push(`${r.where}: /${r.source}/${r.flags} could not be checked (${d.error.kind}${'message' in d.error ? `: ${d.error.message}` : ''})`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  }, 120_000);

  it('compiles no regex from a non-literal pattern without a "// safe-regexp: <reason>" comment', () => {
    // User phrases must never become a regex: a user phrase "(a+)+$" would be both a wrong
    // match and a way to freeze the page. Every dynamic RegExp says why its input is trusted.
    const unjustified = dynamic.filter((d) => !d.justified).map((d) => `${d.where}: ${d.text}`);
    expect(unjustified, unjustified.join('\n')).toEqual([]);
  });
});

describe('the collector and the checker themselves', () => {
  it('sees literals split over lines, RegExp calls and string patterns, and ignores "/" in strings', () => {
    const f: FoundRegex[] = [];
    const d: DynamicRegExp[] = [];
    const src = [
      "const url = 'http://a/b/c';",
      'const a = cond',
      '  ? /x+y/giu',
      '  : /z/;',
      "const b = new RegExp('(q|r)+', 'i');",
      "const c = 'text'.match('s+t');",
      'const d = new RegExp(userPhrase);',
      '// safe-regexp: built from the constant list above',
      "const e = new RegExp(WORDS.join('|'));",
    ].join('\n');
    scan(join(ROOT, 'src/x.ts'), src, f, d);
    expect(f.map((r) => [r.where, r.source, r.flags, r.kind])).toEqual([
      ['src/x.ts:3', 'x+y', 'giu', 'literal'],
      ['src/x.ts:4', 'z', '', 'literal'],
      ['src/x.ts:5', '(q|r)+', 'i', 'RegExp'],
      ['src/x.ts:6', 's+t', '', 'string-as-regex'],
    ]);
    expect(d.map((x) => [x.where, x.justified])).toEqual([
      ['src/x.ts:7', false],
      ['src/x.ts:9', true],
    ]);
  });

  it('flags a known catastrophic pattern with an attack string', () => {
    const d = checkSync('^(a+)+$', '', { timeout: 10_000 });
    expect(d.status).toBe('vulnerable');
  });
  it('flags a quadratic trailing-whitespace trim', () => {
    expect(checkSync('\\s+$', '', { timeout: 10_000 }).status).toBe('vulnerable');
  });
});
