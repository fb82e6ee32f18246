/**
 * Japanese drafts through the CLI (issue 15, on top of issue 10's charset decoding): the same
 * message in Shift_JIS, quoted-printable Shift_JIS, ISO-2022-JP and EUC-JP gives the same
 * findings, is reported as written in Japanese, and the signature block is not checked; a
 * Japanese .txt on stdin with --audience ja; an English draft with a Japanese signature stays
 * English.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = join(ROOT, 'tests/fixtures/eml-charsets');

interface Report {
  file: string;
  language: 'en' | 'ja';
  findings: Array<{ ruleId: string; excerpt: string; line: number | null }>;
}

function check(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/nemawashi.mjs'), 'check', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nemawashi check on Japanese drafts', () => {
  it('finds the same things in Shift_JIS, QP Shift_JIS, ISO-2022-JP and EUC-JP, and says the drafts are Japanese', () => {
    const files = ['shift_jis.eml', 'shift_jis-qp.eml', 'shift_jis-raw-headers.eml', 'iso-2022-jp.eml', 'euc-jp.eml'].map((f) => join(DIR, f));
    const r = check(['--format', 'json', ...files]);
    expect(r.stderr).toBe('');
    const reports = JSON.parse(r.stdout) as Report[];
    for (const rep of reports) {
      expect(rep.language, rep.file).toBe('ja');
      // "すぐに返事をください。" presses the partner; the rest is correct business Japanese.
      expect(rep.findings.map((f) => `${f.ruleId}: ${f.excerpt}`), rep.file).toEqual(['ja/pressure: すぐに']);
    }
  }, 70_000);

  it('checks a Japanese .txt on stdin with --audience ja, signature block left alone', () => {
    const text = [
      '株式会社さくら信託',
      '田中様',
      '',
      'お世話になっております。',
      '12月3日の件、了解しました。資料を送付させていただきます。',
      '',
      'よろしくお願いいたします。',
      '',
      '━━━━━━━━━━━━━━━━━━━━',
      '株式会社ブライトライン 営業部',
      'ダニエル・ウェーバー',
      'TEL：03-5555-0100（至急の際はこちらへ）',
      '━━━━━━━━━━━━━━━━━━━━',
      '',
    ].join('\n');
    const r = check(['--format', 'json', '--audience', 'ja', '-'], text);
    expect(r.stderr).toBe('');
    const [rep] = JSON.parse(r.stdout) as Report[];
    expect(rep!.language).toBe('ja');
    const found = rep!.findings.map((f) => `${f.ruleId}: ${f.excerpt}`);
    expect(found).toContain('ja/keigo-misuse: 了解しました');
    expect(found).toContain('ja/sasete-itadaku: させていただきます');
    // 至急 in the signature's phone line is not the writer's words.
    expect(found.some((f) => f.startsWith('ja/pressure'))).toBe(false);
    expect(r.status).toBe(0);
  });

  it('an English draft with a Japanese signature is judged as English', () => {
    const text = [
      'Dear Tanaka-san,',
      '',
      'Thank you for the meeting yesterday. I have attached the revised quotation for your review.',
      'Could you let me know if the delivery dates work for your team?',
      '',
      'Best regards,',
      '',
      '━━━━━━━━━━━━━━━━━━━━',
      '株式会社ブライトライン 営業部 マネージャー',
      'ダニエル・ウェーバー',
      '〒100-0005 東京都千代田区丸の内1-6-2',
      'TEL：03-5555-0100',
      '━━━━━━━━━━━━━━━━━━━━',
    ].join('\n');
    const r = check(['--format', 'json', '--audience', 'ja', '-'], text);
    const [rep] = JSON.parse(r.stdout) as Report[];
    expect(rep!.language).toBe('en');
    expect(rep!.findings).toEqual([]);
  });
});
