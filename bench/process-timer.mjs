/**
 * Times processes from a small Node process (bench/run.ts, the CLI figure of issue 12): argv[2] is
 * a JSON list of runs, each { args, env?, cwd }; prints each run's wall time (ms) and exit status
 * as JSON. Spawned from `npm run bench` itself, each process took ~17 ms more than from a shell
 * (`node -e 0`: 117 ms against 100 ms): the fork copies the parent's page tables, and the bench's
 * process holds the whole engine and its figures. From this one, a run costs what it costs when
 * typed in a terminal.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const runs = JSON.parse(process.argv[2]);
const out = runs.map(({ args, env, cwd }) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, env: env ?? process.env, encoding: 'utf8' });
  return { ms: performance.now() - t0, status: r.status, stderr: r.status === 0 || r.status === 1 ? '' : r.stderr };
});
process.stdout.write(JSON.stringify(out));
