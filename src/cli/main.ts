/**
 * The `nemawashi` command line. `run(argv, io)` does the work and returns the exit code, so tests
 * call it as a function; the bottom of the file runs it when this module is the entry point.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluate, formatEval } from './eval';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
};

const USAGE = `usage: nemawashi eval DIR\n`;

export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'eval') {
    const dir = rest[0];
    if (!dir || rest.length > 1) {
      io.stderr(`nemawashi eval: expected one folder with manifest.json\n${USAGE}`);
      return 2;
    }
    try {
      const result = await evaluate(dir);
      io.stdout(formatEval(result));
      return result.errors.length > 0 ? 2 : 0;
    } catch (err) {
      io.stderr(`nemawashi eval: ${dir}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
  }
  io.stderr(`nemawashi: unknown command ${JSON.stringify(command ?? '')}\n${USAGE}`);
  return 2;
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

if (isEntryPoint()) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`nemawashi: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
