/**
 * Japanese and Latin-1 mail in the CLI: 8-bit Shift_JIS, EUC-JP and ISO-8859-1 bodies, 7-bit
 * ISO-2022-JP (escape sequences), quoted-printable Shift_JIS, and headers in encoded words or
 * (as old mailers write them) raw in the legacy charset. Each is decoded by its declared
 * charset, never refused as "binary data". The samples are made by
 * tests/fixtures/eml-charsets/make.py (Python's codecs; Node has no Shift_JIS encoder).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksBinaryBytes, parseEml } from '../src/cli/eml';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = join(ROOT, 'tests/fixtures/eml-charsets');
const sample = (name: string): Buffer => readFileSync(join(DIR, name));

const JA_SUBJECT = '【ご確認】お見積書の送付（第２版）';
const JA_LINES = ['田中様', 'いつも大変お世話になっております。', '株式会社クイルフェザーの佐藤でございます。', 'すぐに返事をください。', '何卒よろしくお願いいたします。'];

describe('parseEml decodes the declared charset', () => {
  it.each([
    ['shift_jis.eml', 'Shift_JIS, 8bit, subject in ISO-2022-JP encoded words'],
    ['shift_jis-qp.eml', 'Shift_JIS, quoted-printable, subject in Shift_JIS encoded words'],
    ['shift_jis-raw-headers.eml', 'Shift_JIS, 8bit, subject and names raw in the header'],
    ['iso-2022-jp.eml', 'ISO-2022-JP, 7bit with escape sequences'],
    ['euc-jp.eml', 'EUC-JP, 8bit, subject in EUC-JP encoded words'],
  ])('%s (%s)', async (file) => {
    const bytes = sample(file);
    const d = await parseEml(new Uint8Array(bytes));
    expect(d.subject).toBe(JA_SUBJECT);
    expect(d.recipients).toEqual([{ address: 'tanaka@example.co.jp', name: '田中 一郎', field: 'to' }]);
    for (const line of JA_LINES) expect(d.body).toContain(line);
    expect(d.body).not.toContain('\uFFFD');
    expect(d.body).not.toContain(String.fromCharCode(0x1b));
    // Windows' Shift_JIS (cp932) circled digits survive where the sample has them.
    if (file.startsWith('shift_jis')) expect(d.body).toContain('①納期　②価格　③支払条件');
  });

  it('ISO-8859-1, 8bit, with a Q-encoded subject and a raw Latin-1 name', async () => {
    const d = await parseEml(new Uint8Array(sample('iso-8859-1.eml')));
    expect(d.subject).toBe('Angebot für Zürich, déjà vu');
    expect(d.recipients).toEqual([{ address: 'j.mueller@example.de', name: 'Jürgen Müller', field: 'to' }]);
    expect(d.body).toContain('Dear Mr. Müller,');
    expect(d.body).toContain('François Lefèvre');
    expect(d.body).not.toContain('\uFFFD');
  });

  it('the byte sniff lets legacy text through and still refuses binary data', () => {
    for (const f of ['shift_jis.eml', 'iso-2022-jp.eml', 'euc-jp.eml', 'iso-8859-1.eml']) expect(looksBinaryBytes(sample(f)), f).toBe(false);
    expect(looksBinaryBytes(new Uint8Array([0x46, 0x72, 0x6f, 0x6d, 0x3a, 0, 1, 2]))).toBe(true);
    // Dense control bytes other than ESC (a zip, an image) are binary even without NUL.
    const controls = new Uint8Array(1000).map((_, i) => (i % 10 === 0 ? 0x01 : 0x41));
    expect(looksBinaryBytes(controls)).toBe(true);
  });

  it('a UTF-8 message with UTF-8 raw headers is read as before', async () => {
    const raw = 'From: 佐藤 <sato@example.jp>\r\nTo: tanaka@example.co.jp\r\nSubject: 見積の件\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n田中様\r\n';
    const d = await parseEml(new TextEncoder().encode(raw));
    expect(d.subject).toBe('見積の件');
    expect(d.body).toBe('田中様\n');
  });
});

describe('nemawashi check on legacy-charset mail', () => {
  const files = ['shift_jis.eml', 'shift_jis-qp.eml', 'shift_jis-raw-headers.eml', 'iso-2022-jp.eml', 'euc-jp.eml', 'iso-8859-1.eml'];
  it('checks every one (exit 0 or 1, nothing on stderr) and finds what is in the Latin-1 one', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/nemawashi.mjs'), 'check', '--format', 'json', ...files.map((f) => join(DIR, f))], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
    const reports = JSON.parse(r.stdout) as Array<{ file: string; audience: { packs: string[] }; findings: Array<{ ruleId: string; excerpt: string }> }>;
    expect(reports.map((x) => x.file)).toEqual(files.map((f) => join(DIR, f)));
    // The .co.jp recipient was read from the decoded headers: the Japanese rules are on.
    for (const rep of reports.slice(0, 5)) expect(rep.audience.packs).toContain('ja');
    expect(reports[5]!.findings.map((f) => f.ruleId)).toContain('common/exclamation-overuse');
  }, 70_000);
});
