/**
 * The `nemawashi` command line. `run(argv, io)` does the work and returns the exit code, so tests
 * call it as a function; the bottom of the file runs it when this module is the entry point
 * (tsx src/cli/main.ts), and bin/nemawashi.mjs calls it for `npx nemawashi`.
 *
 * Exit codes: 0 nothing reaches --fail-on, 1 something does, 2 a usage or input error (one
 * line on stderr naming the file and the problem; the other files are still checked).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { USER_PHRASES_SWITCH } from '../engine/user-phrase-id';
import { REGIONS, SECTORS, SEVERITIES } from '../engine/types';
import { rules, type Lang, type Pack, type Region, type Sector, type Severity } from '../nemawashi';
import { catalogue, formatCatalogue } from './catalogue';
import { checkDraft, formatText, reaches, type CheckOptions, type FileReport } from './check';
import { InputError } from './eml';
import { evaluate, formatEval } from './eval';
import { evaluatePoliteness, formatPoliteness, type PolitenessResult } from './politeness';
import { draftFromBytes, loadFile, readStream, sniffKind } from './input';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** All of standard input; called at most once, only when '-' is given or no file is. */
  readStdin: () => Promise<Uint8Array>;
  /** Whether stdin is a terminal (then `check` with no file is a usage error, not a wait). */
  stdinIsTTY: boolean;
  /** Colour the text output (stdout is a terminal and NO_COLOR is not set). */
  color: boolean;
}

const defaultIo = (): Io => ({
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readStdin: () => readStream(process.stdin),
  // Asked only when no file is given: process.stdin is a stream Node makes on first use.
  get stdinIsTTY() {
    return !!process.stdin.isTTY;
  },
  color: !!process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
});

const USAGE = `usage:
  nemawashi check [FILES... | -] [--audience auto|ja|us|ja,us] [--region east|west]
                  [--sector traditional|modern] [--first-contact auto|yes|no]
                  [--disable RULE,...] [--lang en|ja] [--format text|json]
                  [--fail-on error|warning|info]
  nemawashi eval DIR [--kind all|personal|bulk] [--politeness CSV] [--examples N]
                 [--format text|json]
  nemawashi rules [--format text|json] [--lang en|ja]

Inputs: .eml (a whole message), .txt (the body), .json (a Draft), - for stdin.
Positions (line:col, start/end) count from the start of the draft's body, not of the file.
Exit: 0 nothing at or above --fail-on (default error), 1 something is, 2 usage or input error.
`;

class UsageError extends Error {}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: string }).code;
    const name = /'([^' ]{1,80})/.exec(msg)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name) throw new UsageError(`${command}: unknown option '${name}'`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name) throw new UsageError(`${command}: option '${name}' needs a value`);
    throw new UsageError(`${command}: ${msg.split('\n')[0]}`);
  }
}

function oneOf<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${command}: --${option} must be ${allowed.join(', ')} (got '${value}')`);
}

function optionalOneOf<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  return value === undefined ? undefined : oneOf(command, option, value, allowed, allowed[0]!);
}

function parseAudience(value: string | undefined): CheckOptions['audience'] {
  if (value === undefined || value === 'auto') return 'auto';
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  const packs: Pack[] = [];
  for (const p of parts) {
    if (p !== 'ja' && p !== 'us' && p !== 'common') throw new UsageError(`check: --audience must be auto, ja, us or ja,us (got '${value}')`);
    packs.push(p);
  }
  if (packs.length === 0) throw new UsageError(`check: --audience must be auto, ja, us or ja,us (got '${value}')`);
  return packs;
}

function parseDisable(values: string[]): string[] {
  const known = new Set(rules.map((r) => r.id));
  const ids = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const id of ids) {
    if (!known.has(id) && id !== USER_PHRASES_SWITCH) throw new UsageError(`check: --disable: unknown rule '${id}' (see nemawashi rules)`);
  }
  return ids;
}

async function runCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('check', args, {
    audience: { type: 'string' },
    region: { type: 'string' },
    sector: { type: 'string' },
    'first-contact': { type: 'string' },
    disable: { type: 'string', multiple: true },
    lang: { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const opts: CheckOptions = {
    audience: parseAudience(values.audience),
    region: optionalOneOf<Region>('check', 'region', values.region, REGIONS),
    sector: optionalOneOf<Sector>('check', 'sector', values.sector, SECTORS),
    firstContact: oneOf('check', 'first-contact', values['first-contact'], ['auto', 'yes', 'no'] as const, 'auto'),
    disable: parseDisable(values.disable ?? []),
    lang: oneOf<Lang>('check', 'lang', values.lang, ['en', 'ja'], 'en'),
  };
  const format = oneOf('check', 'format', values.format, ['text', 'json'] as const, 'text');
  const failOn = oneOf<Severity>('check', 'fail-on', values['fail-on'], SEVERITIES, 'error');

  let files = positionals;
  if (files.length === 0) {
    if (io.stdinIsTTY) throw new UsageError('check: no input (give files, or - to read a draft from stdin)');
    files = ['-'];
  }
  if (files.filter((f) => f === '-').length > 1) throw new UsageError("check: '-' (stdin) can be given only once");

  const reports: FileReport[] = [];
  let failed = 0;
  for (const file of files) {
    const name = file === '-' ? '<stdin>' : file;
    try {
      let draft;
      if (file === '-') {
        const bytes = await io.readStdin();
        draft = await draftFromBytes(bytes, sniffKind(bytes));
      } else {
        draft = await loadFile(file);
      }
      reports.push(checkDraft(name, draft, opts));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failed++;
      io.stderr(`nemawashi: ${name}: ${err.message}\n`);
    }
  }

  if (format === 'json') io.stdout(JSON.stringify(reports, null, 2) + '\n');
  else io.stdout(formatText(reports, { color: io.color, failedFiles: failed }));

  if (failed > 0) return 2;
  return reports.some((r) => r.findings.some((f) => reaches(f.severity, failOn))) ? 1 : 0;
}

async function runEval(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('eval', args, {
    format: { type: 'string' },
    kind: { type: 'string' },
    politeness: { type: 'string' },
    examples: { type: 'string' },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const format = oneOf('eval', 'format', values.format, ['text', 'json'] as const, 'text');
  if (positionals.length !== 1) throw new UsageError('eval: expected one folder holding .eml files and manifest.json');
  const dir = positionals[0]!;
  const kind = oneOf('eval', 'kind', values.kind, ['all', 'personal', 'bulk'] as const, 'all');
  const examples = values.examples === undefined ? 0 : Number(values.examples);
  if (!Number.isInteger(examples) || examples < 0) throw new UsageError(`eval: --examples takes a whole number, not '${values.examples}'`);
  let result;
  let polite: PolitenessResult | undefined;
  try {
    result = await evaluate(dir, { kind });
    if (values.politeness !== undefined) polite = await evaluatePoliteness(values.politeness);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no manifest.json in this folder' : err instanceof Error ? err.message : String(err);
    io.stderr(`nemawashi: ${dir}: ${why}\n`);
    return 2;
  }
  if (format === 'json') io.stdout(JSON.stringify(polite ? { ...result, politeness: polite } : result, null, 2) + '\n');
  else io.stdout(formatEval(result) + (polite ? '\n' + formatPoliteness(polite, { examples }) : ''));
  for (const e of result.errors) io.stderr(`nemawashi: ${e.file}: ${e.message}\n`);
  return result.errors.length > 0 ? 2 : 0;
}

function runRules(args: string[], io: Io): number {
  const { values, positionals } = parse('rules', args, { format: { type: 'string' }, lang: { type: 'string' } });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`rules: unexpected argument '${positionals[0]}'`);
  const format = oneOf('rules', 'format', values.format, ['text', 'json'] as const, 'text');
  const lang = oneOf<Lang>('rules', 'lang', values.lang, ['en', 'ja'], 'en');
  io.stdout(format === 'json' ? JSON.stringify(catalogue(rules), null, 2) + '\n' : formatCatalogue(rules, lang));
  return 0;
}

export async function run(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, io);
      case 'eval':
        return await runEval(rest, io);
      case 'rules':
        return runRules(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return 0;
      case undefined:
        io.stderr(USAGE);
        return 2;
      default:
        throw new UsageError(`unknown command '${command}' (expected check, eval or rules)`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`nemawashi ${err.message}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      io.stderr(`nemawashi: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/** Runs the CLI on process.argv and sets the exit code; shared by this module and bin/. */
export async function main(): Promise<void> {
  // `nemawashi check ... | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`nemawashi: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  }
}

function isEntryPoint(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) void main();
