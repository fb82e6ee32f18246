/**
 * The CLI as functions (run(argv, io) on temporary files) and as a process (bin/nemawashi.mjs):
 * formats, exit codes, stdin, several files with a bad one, malformed and HTML-only messages,
 * JSON drafts. Assertions avoid depending on which rule says what: rules change, the contract
 * (shapes, offsets, exit codes, one-line errors) does not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, truncateSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToText, decodeEntities } from '../src/cli/html';
import { parseEml } from '../src/cli/eml';
import { validateDraft } from '../src/cli/input';
import { lineIndex } from '../src/cli/check';
import { run, type Io } from '../src/cli/main';
import { buildDoc, DEFAULT_CONTEXT, rules } from '../src/nemawashi';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/nemawashi.mjs');
let dir = '';
const p = (name: string): string => join(dir, name);

/** Sentences several rules of every pack react to, so "some finding" does not hang on one rule. */
const NOISY = 'Hey Ken,\n\nWe need the report ASAP!!! DO NOT SEND IT LATE. Sorry to bother you, I think maybe we could perhaps possibly try. Send me the files now. haha\n';
const CLEAN = 'Dear Ms. Sato,\n\nThank you for the report. Could we meet on Tuesday at 3 pm to review it?\n\nBest regards,\nTom\n';

const EML_HEADERS = [
  'From: Tom Kessler <tom@acme.com>',
  'To: =?UTF-8?B?6YGg6JekIOWkp+aouQ==?= <h.endo@example.co.jp>, "Sato, Yuki" <y.sato@example.com>',
  'Cc: Dana <dana@acme.com>',
  'Bcc: boss@acme.com',
  'Subject: Re: Incorrect items',
  'Date: Tue, 4 Nov 2025 07:52:40 -0500',
  'Message-ID: <m2@acme.com>',
  'In-Reply-To: <m1@example.co.jp>',
  'References: <m0@example.co.jp> <m1@example.co.jp>',
  'MIME-Version: 1.0',
].join('\r\n');

const MULTIPART_EML = `${EML_HEADERS}\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset="UTF-8"\r\n\r\nHello Mr. Endo,\r\n\r\nThe new bolts leave on Wednesday.\r\n\r\nOn Mon, Nov 3, 2025 at 4:40 PM Hiroki Endo <h.endo@example.co.jp> wrote:\r\n> Please confirm.\r\n\r\n--b1\r\nContent-Type: application/pdf; name="Return_Label.pdf"\r\nContent-Disposition: attachment; filename="Return_Label.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n`;

const HTML_EML = [
  'From: a@acme.com',
  'To: Ken <ken@example.co.jp>',
  'Subject: Visit',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><head><title>ignored title</title><style>p { color: red }</style></head><body>',
  '<div>Dear Tanaka-san,</div><div><br></div>',
  '<p>Thank you &amp; welcome &mdash; we&#39;d be glad to visit &lt;Osaka&gt;&nbsp;on&#x20;Friday.</p>',
  '<script>alert("never")</script><!-- a comment -->',
  '<ul><li>First point</li><li>Second point</li></ul>',
  '<div class="gmail_quote"><div>On Mon, Nov 3, 2025 at 4:40 PM Ken &lt;ken@example.co.jp&gt; wrote:</div>',
  '<blockquote><div>Earlier message</div><blockquote>Older still</blockquote></blockquote></div>',
  '</body></html>',
].join('\r\n');

interface Captured extends Io {
  out: string;
  err: string;
}

function io(stdin = '', color = false): Captured {
  const c: Captured = {
    out: '',
    err: '',
    stdout: (s) => void (c.out += s),
    stderr: (s) => void (c.err += s),
    readStdin: async () => Buffer.from(stdin),
    stdinIsTTY: false,
    color,
  };
  return c;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nemawashi-cli-'));
  writeFileSync(p('noisy.txt'), NOISY);
  writeFileSync(p('clean.txt'), CLEAN);
  writeFileSync(p('reply.eml'), MULTIPART_EML);
  writeFileSync(p('html.eml'), HTML_EML);
  writeFileSync(p('no-headers.eml'), 'Hello Ken,\nthis is not a message.\n');
  writeFileSync(p('truncated.eml'), MULTIPART_EML.slice(0, MULTIPART_EML.indexOf('JVBER')));
  writeFileSync(p('garbage.eml'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(p('empty.txt'), '');
  writeFileSync(p('draft.json'), JSON.stringify({ body: NOISY, subject: 'Hi', recipients: [{ address: 'ken@example.co.jp', field: 'to' }] }));
  writeFileSync(p('bad-field.json'), JSON.stringify({ body: 'x', recipients: [{ address: 'a@b.com', field: 'from' }] }));
  writeFileSync(p('not-json.json'), '{ "body": ');
  mkdirSync(p('folder.txt'));
  // Sparse: 60 MB on paper, nothing on disk; it must be refused before it is read.
  writeFileSync(p('huge.eml'), '');
  truncateSync(p('huge.eml'), 60 * 1024 * 1024);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('htmlToText', () => {
  it('turns blocks into lines, decodes entities, drops scripts, styles and comments', () => {
    const t = htmlToText('<p>One&nbsp;two</p><div>three<br>four</div><script>x()</script><style>.a{}</style><!-- c -->five &copy; &#169; &#x1F600; &bogus; &');
    expect(t).toBe('One two\n\nthree\nfour\nfive © © 😀 &bogus; &');
  });
  it('keeps blockquotes as "> " lines and preformatted text as written', () => {
    expect(htmlToText('<div>Hi</div><blockquote><div>a</div><blockquote>b</blockquote></blockquote><pre>x  y\n  z</pre>')).toBe(
      'Hi\n\n> a\n\n> > b\n\nx  y\n  z',
    );
  });
  it('does not treat a lone "<" as a tag, and ignores ">" inside attribute values', () => {
    expect(htmlToText('a < b <a title="x > y">link</a>')).toBe('a < b link');
  });
  it('stays linear on hostile input', () => {
    const hostile = '<'.repeat(200_000) + '<div'.repeat(50_000) + '&'.repeat(100_000) + '<script>'.repeat(10_000);
    const t0 = performance.now();
    htmlToText(hostile);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
  it('decodes numeric references defensively', () => {
    expect(decodeEntities('&#0;&#xD800;&#1114112;&#65;')).toBe('\ufffd\ufffd\ufffdA');
  });
});

describe('parseEml', () => {
  it('reads recipients with names, subject, attachments with sizes and threading headers', async () => {
    const d = await parseEml(MULTIPART_EML);
    expect(d.recipients).toEqual([
      { address: 'h.endo@example.co.jp', name: '遠藤 大樹', field: 'to' },
      { address: 'y.sato@example.com', name: 'Sato, Yuki', field: 'to' },
      { address: 'dana@acme.com', name: 'Dana', field: 'cc' },
      { address: 'boss@acme.com', field: 'bcc' },
    ]);
    expect(d.subject).toBe('Re: Incorrect items');
    expect(d.attachments).toEqual([{ name: 'Return_Label.pdf', size: 9 }]);
    expect(d.isReply).toBe(true);
    expect(d.inReplyTo).toBe('<m1@example.co.jp>');
    expect(d.references).toEqual(['<m0@example.co.jp>', '<m1@example.co.jp>']);
    // Quoted text stays in the body for the engine to split off.
    expect(d.body).toContain('> Please confirm.');
    expect(d.body).not.toContain('\r');
  });
  it('converts an HTML-only message to text the engine splits like a plain one', async () => {
    const d = await parseEml(HTML_EML);
    expect(d.body).toContain('Dear Tanaka-san,\n\nThank you & welcome — we\'d be glad to visit <Osaka> on Friday.');
    expect(d.body).toContain('- First point\n- Second point');
    expect(d.body).not.toMatch(/alert|ignored title|color: red|a comment|<div|&amp;/);
    expect(d.body).toContain('> Earlier message');
    const doc = buildDoc(d, DEFAULT_CONTEXT);
    const newWords = doc.paragraphs.map((x) => x.text).join('\n');
    expect(newWords).toContain('glad to visit');
    expect(newWords).not.toMatch(/Earlier message|Older still/);
    expect(doc.quotedText).toContain('Earlier message');
  });
  it('rejects what is not a message with a reason', async () => {
    await expect(parseEml('')).rejects.toThrow(/empty file/);
    await expect(parseEml('Hello Ken,\nno headers here\n')).rejects.toThrow(/malformed MIME/);
    await expect(parseEml(MULTIPART_EML.slice(0, MULTIPART_EML.indexOf('JVBER')))).rejects.toThrow(/truncated/);
    await expect(parseEml(new Uint8Array([0x46, 0x72, 0, 1, 2, 3, 0xff]))).rejects.toThrow(/binary/);
  });
});

describe('validateDraft', () => {
  it('accepts a full draft and normalises line ends', () => {
    const d = validateDraft({ body: 'a\r\nb', subject: 's', recipients: [{ address: 'x@y.jp', name: 'X', field: 'cc' }], attachments: [{ name: 'f.pdf', size: 3 }], isReply: true, quoted: 'q', inReplyTo: '<a>', references: ['<a>'] });
    expect(d).toEqual({ body: 'a\nb', subject: 's', recipients: [{ address: 'x@y.jp', name: 'X', field: 'cc' }], attachments: [{ name: 'f.pdf', size: 3 }], isReply: true, quoted: 'q', inReplyTo: '<a>', references: ['<a>'] });
  });
  it.each([
    [[], /top level/],
    [{}, /"body" must be a string/],
    [{ body: 1 }, /"body" must be a string/],
    [{ body: '', bodyy: 'typo' }, /"bodyy" is not a Draft field/],
    [{ body: '', recipients: [{ address: 'a@b.c', field: 'from' }] }, /recipients\[0\]"\.field/],
    [{ body: '', recipients: [{ field: 'to' }] }, /recipients\[0\]"\.address/],
    [{ body: '', attachments: [{ name: 'a', size: -1 }] }, /attachments\[0\]"\.size/],
    [{ body: '', isReply: 'yes' }, /"isReply"/],
    [{ body: '', references: [1] }, /"references"/],
  ])('rejects %j', (data, why) => {
    expect(() => validateDraft(data)).toThrow(why);
  });
});

describe('nemawashi check (in process)', () => {
  it('prints linter lines, a summary, and no colour unless asked', async () => {
    const c = io();
    const code = await run(['check', p('noisy.txt'), '--audience', 'ja,us', '--fail-on', 'info'], c);
    expect(code).toBe(1);
    const lines = c.out.trimEnd().split('\n');
    const findingLines = lines.slice(0, -2);
    expect(findingLines.length).toBeGreaterThan(0);
    for (const l of findingLines) {
      expect(l).toMatch(new RegExp(`^${p('noisy.txt').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+  (error|warning|info)\\s*  .+  (common|ja|us)/[a-z-]+$`));
    }
    expect(lines.at(-1)).toMatch(/^\d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info\) in 1 of 1 file checked$/);
    expect(c.out).not.toContain('\u001b[');
    const colored = io('', true);
    await run(['check', p('noisy.txt'), '--audience', 'ja,us'], colored);
    expect(colored.out).toContain('\u001b[');
  });

  it('prints one JSON array with exactly the documented fields, offsets and positions', async () => {
    const c = io();
    await run(['check', p('noisy.txt'), p('draft.json'), '--format', 'json', '--audience', 'ja,us'], c);
    const reports = JSON.parse(c.out) as Array<Record<string, unknown> & { findings: Array<Record<string, unknown>> }>;
    expect(reports).toHaveLength(2);
    expect(reports.map((r) => r.file)).toEqual([p('noisy.txt'), p('draft.json')]);
    for (const r of reports) {
      expect(Object.keys(r).sort()).toEqual(['audience', 'file', 'findings', 'firstContact', 'language']);
      expect(r.language).toBe('en');
      expect(typeof r.firstContact).toBe('boolean');
      expect(r.findings.length).toBeGreaterThan(0);
      const at = lineIndex(NOISY);
      for (const f of r.findings) {
        expect(Object.keys(f).sort()).toEqual(['column', 'end', 'excerpt', 'line', 'message', 'rationale', 'ruleId', 'severity', 'start', 'suggestion', 'target'].sort());
        if (f.target === 'body') {
          expect(NOISY.slice(f.start as number, f.end as number)).toBe(f.excerpt);
          expect({ line: f.line, column: f.column }).toEqual(at(f.start as number));
        } else {
          expect([f.start, f.end, f.line, f.column]).toEqual([null, null, null, null]);
        }
      }
    }
  });

  it('exits 0 when nothing reaches --fail-on and 1 when something does', async () => {
    expect(await run(['check', p('clean.txt'), '--audience', 'us'], io())).toBe(0);
    const c = io();
    await run(['check', p('noisy.txt'), '--audience', 'ja,us', '--format', 'json'], c);
    const severities = (JSON.parse(c.out) as Array<{ findings: Array<{ severity: string }> }>)[0]!.findings.map((f) => f.severity);
    expect(await run(['check', p('noisy.txt'), '--audience', 'ja,us', '--fail-on', 'info'], io())).toBe(1);
    expect(await run(['check', p('noisy.txt'), '--audience', 'ja,us', '--fail-on', 'error'], io())).toBe(severities.includes('error') ? 1 : 0);
  });

  it('checks the good files when one is bad, names the bad one on one line, and exits 2', async () => {
    const c = io();
    const code = await run(['check', p('noisy.txt'), p('no-headers.eml'), p('clean.txt'), p('missing.txt'), '--format', 'json'], c);
    expect(code).toBe(2);
    expect(c.err.trimEnd().split('\n')).toEqual([
      `nemawashi: ${p('no-headers.eml')}: malformed MIME: the file does not start with message headers (e.g. "From:", "Subject:")`,
      `nemawashi: ${p('missing.txt')}: no such file`,
    ]);
    expect((JSON.parse(c.out) as Array<{ file: string }>).map((r) => r.file)).toEqual([p('noisy.txt'), p('clean.txt')]);
  });

  it.each([
    ['truncated.eml', /truncated message/],
    ['garbage.eml', /binary data/],
    ['empty.txt', /empty file/],
    ['huge.eml', /too large \(60\.0 MB; the limit for \.eml input is 25\.0 MB\)/],
    ['folder.txt', /is a directory/],
    ['bad-field.json', /invalid draft: "recipients\[0\]"\.field must be "to", "cc" or "bcc"/],
    ['not-json.json', /invalid JSON/],
  ])('refuses %s with a one-line reason', async (name, why) => {
    const c = io();
    const t0 = performance.now();
    expect(await run(['check', p(name)], c)).toBe(2);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(c.err.trimEnd().split('\n')).toHaveLength(1);
    expect(c.err).toMatch(why);
    expect(c.err.startsWith(`nemawashi: ${p(name)}: `)).toBe(true);
    expect(c.out).toMatch(/could not be read/);
  });

  it('reads a draft from stdin (text, JSON or a message) as <stdin>', async () => {
    for (const input of [NOISY, JSON.stringify({ body: NOISY }), `From: a@b.com\nTo: k@example.co.jp\nSubject: x\n\n${NOISY}`]) {
      const c = io(input);
      expect(await run(['check', '-', '--format', 'json', '--audience', 'ja,us'], c)).not.toBe(2);
      const [r] = JSON.parse(c.out) as Array<{ file: string; findings: unknown[] }>;
      expect(r!.file).toBe('<stdin>');
      expect(r!.findings.length).toBeGreaterThan(0);
    }
    // No file and stdin not a terminal: stdin is read.
    const c = io(CLEAN);
    expect(await run(['check', '--audience', 'us'], c)).toBe(0);
    expect(c.out).toMatch(/no problems in 1 file checked/);
    // No file on a terminal: a usage error instead of waiting for input.
    const tty = { ...io(), stdinIsTTY: true };
    expect(await run(['check'], tty)).toBe(2);
  });

  it('resolves the audience from recipients, or takes it from --audience', async () => {
    const auto = io();
    await run(['check', p('reply.eml'), '--format', 'json'], auto);
    const [a] = JSON.parse(auto.out) as Array<{ audience: { packs: string[]; from: string; sources: unknown[] }; firstContact: boolean }>;
    expect(a!.audience.packs).toEqual(['common', 'ja']);
    expect(a!.audience.from).toBe('auto');
    expect(a!.audience.sources).toEqual([{ pack: 'ja', address: 'h.endo@example.co.jp', via: 'tld' }]);
    expect(a!.firstContact).toBe(false);
    const forced = io();
    await run(['check', p('reply.eml'), '--format', 'json', '--audience', 'us', '--region', 'west', '--sector', 'modern', '--first-contact', 'yes'], forced);
    const [b] = JSON.parse(forced.out) as Array<{ audience: { packs: string[]; region: string; sector: string; from: string }; firstContact: boolean }>;
    expect(b!.audience).toMatchObject({ packs: ['common', 'us'], region: 'west', sector: 'modern', from: 'option' });
    expect(b!.firstContact).toBe(true);
  });

  it('switches rules off with --disable and localises messages with --lang', async () => {
    const c = io();
    await run(['check', p('noisy.txt'), '--format', 'json', '--audience', 'ja,us'], c);
    const findings = (JSON.parse(c.out) as Array<{ findings: Array<{ ruleId: string; message: string }> }>)[0]!.findings;
    const ids = [...new Set(findings.map((f) => f.ruleId))];
    const off = io();
    await run(['check', p('noisy.txt'), '--format', 'json', '--audience', 'ja,us', '--disable', ids.slice(0, 2).join(','), '--disable', ids[2] ?? ids[0]!], off);
    const left = (JSON.parse(off.out) as Array<{ findings: Array<{ ruleId: string }> }>)[0]!.findings.map((f) => f.ruleId);
    for (const id of ids.slice(0, 3)) expect(left).not.toContain(id);
    const ja = io();
    await run(['check', p('noisy.txt'), '--format', 'json', '--audience', 'ja,us', '--lang', 'ja'], ja);
    const jaMessages = (JSON.parse(ja.out) as Array<{ findings: Array<{ message: string }> }>)[0]!.findings.map((f) => f.message);
    expect(jaMessages).toHaveLength(findings.length);
    expect(jaMessages.every((m) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(m))).toBe(true);
  });

  it.each([
    [['check', '--bogus', 'x.txt'], /^nemawashi check: unknown option '--bogus'$/],
    [['check', 'x.txt', '--format', 'xml'], /--format must be text, json \(got 'xml'\)/],
    [['check', 'x.txt', '--fail-on', 'fatal'], /--fail-on must be error, warning, info/],
    [['check', 'x.txt', '--audience', 'fr'], /--audience must be auto, ja, us or ja,us/],
    [['check', 'x.txt', '--disable', 'ja/no-such-rule'], /unknown rule 'ja\/no-such-rule'/],
    [['check', 'x.txt', '--lang'], /option '--lang' needs a value/],
    [['check', '-', '-'], /'-' \(stdin\) can be given only once/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['eval'], /expected one folder/],
    [['rules', '--format', 'yaml'], /--format must be text, json/],
  ])('usage error for %j: exit 2 and one line', async (argv, why) => {
    const c = io();
    expect(await run(argv, c)).toBe(2);
    expect(c.err.trimEnd().split('\n')).toHaveLength(1);
    expect(c.err.trim()).toMatch(why);
    expect(c.out).toBe('');
  });
});

describe('nemawashi rules and eval (in process)', () => {
  it('lists the catalogue with examples as text and JSON', async () => {
    const json = io();
    expect(await run(['rules', '--format', 'json'], json)).toBe(0);
    const list = JSON.parse(json.out) as Array<{ id: string; examples: { fire: unknown[]; pass: unknown[] } }>;
    expect(list.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    for (const r of list) expect(r.examples.fire.length).toBe(rules.find((x) => x.id === r.id)!.examples.fire.length);
    const text = io();
    expect(await run(['rules'], text)).toBe(0);
    for (const r of rules) expect(text.out).toContain(`${r.id}  ${r.severity}`);
    expect(text.out).toMatch(/fires: /);
    expect(text.out.trimEnd().endsWith(`${rules.length} rules`)).toBe(true);
  });

  it('evaluates any folder of .eml files with a manifest', async () => {
    const corpus = p('corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'reply.eml'), MULTIPART_EML);
    writeFileSync(join(corpus, 'html.eml'), HTML_EML);
    writeFileSync(join(corpus, 'bad.eml'), 'not a message');
    writeFileSync(
      join(corpus, 'manifest.json'),
      JSON.stringify([
        { file: 'reply.eml', audience: 'ja', region: 'east', sector: 'traditional', firstContact: false, expected: ['zz/not-a-rule'], why: 'zz/not-a-rule: a rule nobody wrote.' },
        { file: 'html.eml', audience: 'us', firstContact: true, expected: [] },
        { file: 'bad.eml', audience: 'us', expected: [] },
      ]),
    );
    const c = io();
    expect(await run(['eval', corpus], c)).toBe(2); // bad.eml cannot be read
    expect(c.out).toMatch(/^zz\/not-a-rule\s+0\s+0\s+1\s+1\.000\s+0\.000\s+\(not in the catalogue\)$/m);
    expect(c.out).toMatch(/FN {2}zz\/not-a-rule\s+reply\.eml {2}\| a rule nobody wrote\./);
    expect(c.out).toMatch(/^drafts: 2 /m);
    expect(c.out).toMatch(/^micro precision: \d\.\d{3} {3}micro recall: \d\.\d{3}$/m);
    expect(c.out).toMatch(/^first contact agreement: [12]\/2/m);
    expect(c.err).toContain('bad.eml: malformed MIME');
    const j = io();
    await run(['eval', corpus, '--format', 'json'], j);
    const r = JSON.parse(j.out) as { drafts: number; micro: { fn: number }; firstContact: { total: number } };
    expect(r.drafts).toBe(2);
    expect(r.micro.fn).toBeGreaterThanOrEqual(1);
    expect(r.firstContact.total).toBe(2);
    expect(await run(['eval', p('nowhere')], io())).toBe(2);
  });
});

describe('bin/nemawashi.mjs (a real process)', () => {
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });

  it('checks files, pipes stdin, and returns the exit codes', () => {
    const ok = cli(['check', p('clean.txt'), '--audience', 'us']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/no problems in 1 file checked/);
    const piped = cli(['check', '-', '--audience', 'ja,us', '--fail-on', 'info', '--format', 'json'], NOISY);
    expect(piped.status, piped.stderr).toBe(1);
    expect((JSON.parse(piped.stdout) as Array<{ file: string }>)[0]!.file).toBe('<stdin>');
    const bad = cli(['check', p('html.eml'), p('garbage.eml'), '--unknown']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe("nemawashi check: unknown option '--unknown'");
  }, 90_000);

  it('the built command is ASCII, and finds in Japanese drafts what the sources find', async () => {
    // scripts/build-cli.mjs escapes the rules' Japanese regular expressions (asciiOnly): the
    // escapes must mean the same characters.
    expect(/[\u0080-\uffff]/.test(readFileSync(join(ROOT, 'bin/nemawashi-cli.cjs'), 'utf8'))).toBe(false);
    const dir = resolve(ROOT, '../shared/corpus-ja');
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).map((f) => join(dir, f));
    expect(files.length).toBeGreaterThan(5);
    const args = ['check', ...files, '--format', 'json'];
    const built = cli(args);
    expect(built.status, built.stderr).toBeLessThan(2);
    const inProcess = io();
    await run(args, inProcess);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(inProcess.out));
    expect(built.stdout).toMatch(/ja\/keigo-misuse|ja\/pressure/);
  }, 90_000);

  it("keeps V8's code cache between runs, and runs the same without it, with a bad one or an unwritable folder", () => {
    const cacheDir = p('cache');
    const withCache = (dir: string) =>
      spawnSync(process.execPath, [BIN, 'check', '-', '--audience', 'ja,us', '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
        input: NOISY,
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1', NEMAWASHI_CACHE_DIR: dir },
      });
    const first = withCache(cacheDir);
    expect(first.status, first.stderr).toBe(0);
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    const cache = join(cacheDir, files[0]!);
    const size = readFileSync(cache).length;
    expect(size).toBeGreaterThan(100_000);
    // The second run reads the cache (and has nothing to write): same findings.
    const second = withCache(cacheDir);
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(cacheDir)).toEqual(files);
    // A damaged cache is rejected by V8 and written again.
    writeFileSync(cache, 'not a code cache');
    const third = withCache(cacheDir);
    expect(third.stdout).toBe(first.stdout);
    expect(readFileSync(cache).length).toBeGreaterThan(100_000);
    // A cache folder that cannot be made (a file is in the way) changes nothing but the time.
    writeFileSync(p('not-a-folder'), '');
    const fourth = withCache(join(p('not-a-folder'), 'cache'));
    expect(fourth.status, fourth.stderr).toBe(0);
    expect(fourth.stderr).toBe('');
    expect(fourth.stdout).toBe(first.stdout);
  }, 120_000);

  it('removes the caches of other builds when it writes its own, and nothing else', () => {
    const cacheDir = p('stale-caches');
    mkdirSync(cacheDir);
    // Left by older builds and versions of Node, and a write that stopped halfway.
    const stale = ['cli-11.3.244.8-node.23-2201883-1764400000000.cache', 'cli-11.3.244.8-node.23-1700000-1764300000000.cache', 'cli-11.3.244.8-node.23-1700000-1764300000000.cache.4242.tmp'];
    for (const name of stale) writeFileSync(join(cacheDir, name), 'an old cache');
    // Not ours, or not a file: left alone, and no failure.
    const others = ['notes.txt', 'cli-settings.json', 'cli-a-folder.cache'];
    writeFileSync(join(cacheDir, others[0]!), 'keep');
    writeFileSync(join(cacheDir, others[1]!), 'keep');
    mkdirSync(join(cacheDir, others[2]!));
    writeFileSync(join(cacheDir, others[2]!, 'inside'), 'keep');
    const run = () =>
      spawnSync(process.execPath, [BIN, 'check', '-', '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
        input: CLEAN,
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1', NEMAWASHI_CACHE_DIR: cacheDir },
      });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    const after = readdirSync(cacheDir).sort();
    const written = after.filter((n) => !others.includes(n));
    expect(written).toHaveLength(1);
    expect(stale).not.toContain(written[0]);
    expect(readFileSync(join(cacheDir, written[0]!)).length).toBeGreaterThan(100_000);
    expect(after).toEqual([...others, written[0]!].sort());
    // A cache that reads: nothing written, nothing removed (an old file that appears stays).
    writeFileSync(join(cacheDir, stale[0]!), 'an old cache');
    const second = run();
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(cacheDir).sort()).toEqual([...after, stale[0]!].sort());
  }, 120_000);
});
