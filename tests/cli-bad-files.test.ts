/**
 * Bad files given to the CLI (issue 5): malformed, truncated, binary and huge .eml files each
 * get one clear line on stderr naming the file, the command exits 2 without a stack trace, and
 * the good files given in the same call are still checked.
 *
 * The real command (bin/nemawashi.mjs, a child process) is run, not `run()` in-process: a crash,
 * an out-of-memory or a stack overflow only shows as what it is in a process of its own.
 * Everything is generated into a temporary folder at test time; the 50 MB file is never committed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/nemawashi.mjs');
// A real multipart message kept in this repository (CI has ../shared, but this test does not need it).
const SAMPLE = resolve(ROOT, 'tests/corpus-holdout/h01-cedar-nda-first.eml');

let dir = '';

/** A deterministic byte stream (xorshift), so a failure reproduces with the same garbage. */
function garbage(n: number, seed: number, { noNul = false, high = false } = {}): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    let b = x & 0xff;
    if (high) b |= 0x80;
    if (noNul && b === 0) b = 1;
    out[i] = b;
  }
  return out;
}

const HEADERS = [
  'From: Tom Kessler <tom@acme.com>',
  'To: Hiroki Endo <h.endo@example.co.jp>',
  'Subject: Partnership',
  'Date: Tue, 7 Oct 2025 17:42:10 -0700',
  'Message-ID: <x1@acme.com>',
  'MIME-Version: 1.0',
].join('\r\n');

const GOOD_BODY = 'Dear Endo-san,\r\n\r\nThank you for your time last week. Could we meet in Tokyo next month?\r\n\r\nBest regards,\r\nTom\r\n';

function multipart(boundary: string, parts: string[]): string {
  return `${HEADERS}\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n${parts
    .map((p) => `--${boundary}\r\n${p}\r\n`)
    .join('')}--${boundary}--\r\n`;
}

const files: Record<string, string> = {};
const BAD = [
  'no-headers.eml',
  'truncated-multipart.eml',
  'truncated-in-headers.eml',
  'binary-garbage.eml',
  'binary-no-nul.eml',
  'invalid-utf8.eml',
  'nul-in-body.eml',
  'empty.eml',
  'huge-50mb.eml',
  'a-folder.eml',
  'missing.eml',
  'garbage.json',
  'long-header.eml',
] as const;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nemawashi-bad-files-'));
  const put = (name: string, data: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    files[name] = path;
  };
  put('good.eml', `${HEADERS}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${GOOD_BODY}`);
  put('good.txt', 'Hi Ken,\n\nPlease send me the report ASAP!!\n');
  // A real multipart message with an attachment, so a parser regression on real mail shows too.
  put('corpus.eml', readFileSync(SAMPLE));
  // An 8 MB attachment (a real-world size) must be parsed, not refused.
  const pdf = garbage(8 * 1024 * 1024, 7).toString('base64').replace(/.{76}/g, '$&\r\n');
  put(
    'big-attachment.eml',
    multipart('b1', [
      `Content-Type: text/plain; charset=UTF-8\r\n\r\n${GOOD_BODY}`,
      `Content-Type: application/pdf; name="NDA.pdf"\r\nContent-Disposition: attachment; filename="NDA.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${pdf}`,
    ]),
  );
  // Deeply nested multiparts: a parser that recurses without a bound overflows its stack.
  let nested = `Content-Type: text/plain\r\n\r\n${GOOD_BODY}`;
  for (let i = 0; i < 3000; i++) nested = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${nested}\r\n--n${i}--`;
  put('deeply-nested.eml', `${HEADERS}\r\n${nested}\r\n`);
  // One header line of 2 MB (refused by the parser: a clear error, not a hang) and 100,000
  // short header lines (read).
  put('long-header.eml', `${HEADERS}\r\nX-Long: ${'a'.repeat(2 * 1024 * 1024)}\r\nContent-Type: text/plain\r\n\r\n${GOOD_BODY}`);
  put('many-headers.eml', `${HEADERS}\r\n${'X-H: v\r\n'.repeat(100_000)}Content-Type: text/plain\r\n\r\n${GOOD_BODY}`);

  put('no-headers.eml', 'Hello Ken,\nthis file has no headers at all, it is just text.\n');
  const whole = readFileSync(SAMPLE, 'latin1');
  put('truncated-multipart.eml', Buffer.from(whole.slice(0, Math.floor(whole.length * 0.6)), 'latin1'));
  put('truncated-in-headers.eml', 'From: Tom <tom@acme.com>\r\nTo: h.endo@exa');
  put('binary-garbage.eml', garbage(64 * 1024, 1));
  put('binary-no-nul.eml', garbage(64 * 1024, 2, { noNul: true }));
  put('invalid-utf8.eml', garbage(64 * 1024, 3, { high: true }));
  put('nul-in-body.eml', `${HEADERS}\r\nContent-Type: text/plain\r\n\r\nHello\u0000\u0000\u0000${'\u0000'.repeat(500)}world\r\n`);
  put('empty.eml', '');
  // 50 MB: a plausible message (headers, then text), written in chunks to keep memory flat.
  const huge = join(dir, 'huge-50mb.eml');
  const fd = openSync(huge, 'w');
  writeSync(fd, `${HEADERS}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n`);
  const chunk = Buffer.from('Please send me the report ASAP. '.repeat(32 * 1024));
  for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
  files['huge-50mb.eml'] = huge;
  mkdirSync(join(dir, 'a-folder.eml'));
  files['a-folder.eml'] = join(dir, 'a-folder.eml');
  files['missing.eml'] = join(dir, 'missing.eml');
  put('garbage.json', garbage(4096, 4));
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    // A bounded heap: a CLI that reads 50 MB into several copies must fail here, as on a small machine.
    env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '--max-old-space-size=512' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The stderr lines that name `file`. */
function linesFor(stderr: string, file: string): string[] {
  return stderr.split('\n').filter((l) => l.includes(file));
}

function expectNoCrash(stderr: string) {
  expect(stderr).not.toMatch(/internal error|\n\s+at |RangeError|TypeError|heap out of memory|Maximum call stack/);
}

describe('nemawashi check with bad files', () => {
  it('reports each bad file on one line, checks the good ones, and exits 2', () => {
    const good = ['good.eml', 'good.txt', 'corpus.eml', 'big-attachment.eml', 'many-headers.eml'];
    const order = [good[0]!, ...BAD, ...good.slice(1)];
    const t0 = Date.now();
    const r = cli(['check', '--format', 'json', ...order.map((n) => files[n]!)]);
    const ms = Date.now() - t0;
    expect(r.signal, r.stderr).toBeNull();
    expectNoCrash(r.stderr);
    expect(r.status, r.stderr).toBe(2);

    for (const name of BAD) {
      const lines = linesFor(r.stderr, files[name]!);
      expect(lines, `${name}: ${r.stderr}`).toHaveLength(1);
      // "nemawashi: <path>: <reason>" with a reason a person can act on.
      expect(lines[0]).toMatch(new RegExp(`^nemawashi: ${files[name]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S.{5,}`));
      expect(lines[0]!.length).toBeLessThan(300);
    }
    expect(linesFor(r.stderr, files['huge-50mb.eml']!)[0]).toMatch(/too large|50(\.0)? MB/);
    expect(linesFor(r.stderr, files['missing.eml']!)[0]).toMatch(/no such file/);
    expect(linesFor(r.stderr, files['truncated-multipart.eml']!)[0]).toMatch(/truncated|malformed/i);
    // Nothing else on stderr: one line per bad file.
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(BAD.length);

    const reports = JSON.parse(r.stdout) as Array<{ file: string; findings: Array<{ ruleId: string; target: string; excerpt: string }> }>;
    expect(reports.map((x) => x.file)).toEqual(good.map((n) => files[n]));
    const byName = Object.fromEntries(reports.map((x) => [x.file.slice(dir.length + 1), x]));
    // Good files were really analyzed, not just listed.
    expect(byName['good.txt']!.findings.length).toBeGreaterThan(0);
    expect(byName['big-attachment.eml']!.findings.every((f) => f.target !== 'attachment' || f.excerpt === 'NDA.pdf')).toBe(true);
    expect(ms).toBeLessThan(60_000);
  }, 130_000);

  it('survives a deeply nested multipart message (no stack overflow), alone or with others', () => {
    const r = cli(['check', '--format', 'json', files['deeply-nested.eml']!, files['good.txt']!]);
    expect(r.signal, r.stderr).toBeNull();
    expectNoCrash(r.stderr);
    // Either it is read (exit 0/1) or refused with a one-line reason (exit 2); never a crash.
    expect([0, 1, 2]).toContain(r.status);
    if (r.status === 2) expect(linesFor(r.stderr, files['deeply-nested.eml']!)).toHaveLength(1);
    expect(r.stdout).toContain(files['good.txt']);
  }, 130_000);

  it('gives the same one-line error in text format and exits 2 for a single bad file', () => {
    for (const name of ['binary-garbage.eml', 'huge-50mb.eml', 'truncated-in-headers.eml'] as const) {
      const r = cli(['check', files[name]!]);
      expectNoCrash(r.stderr);
      expect(r.status, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(r.stderr).toContain(files[name]);
      expect(r.stdout).toMatch(/could not be read/);
    }
  }, 130_000);

  it('reads a bad file from stdin with the same clear error', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '-'], {
      cwd: ROOT,
      input: garbage(32 * 1024, 9),
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expectNoCrash(r.stderr);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^nemawashi: <stdin>: \S/);
  }, 70_000);
});
