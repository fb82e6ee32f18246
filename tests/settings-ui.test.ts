import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Finding } from '../src/engine/types';
import { worstSeverity } from '../src/engine/severity';
import { groupFindings, shortExcerpt } from '../src/ui/findings';
import { normalizeHost, normalizeMatch } from '../src/settings/normalize';

beforeEach(() => {
  fakeBrowser.reset();
});

const finding = (ruleId: string, severity: Finding['severity'], start: number): Finding => ({
  ruleId,
  pack: 'common',
  severity,
  message: `${ruleId} at ${start}`,
  rationale: '',
  target: 'body',
  start,
  end: start + 1,
  excerpt: 'x',
});

describe('popup grouping', () => {
  it('groups by rule, most severe first, then the larger group, then the earlier one', () => {
    const groups = groupFindings([
      finding('common/shouting', 'warning', 50),
      finding('ja/pressure', 'warning', 10),
      finding('ja/humor', 'info', 0),
      finding('ja/pressure', 'warning', 30),
      finding('ja/contract-on-first-contact', 'error', 90),
      finding('common/exclamation-overuse', 'warning', 5),
    ]);
    expect(groups.map((g) => [g.ruleId, g.items.map((i) => i.index)])).toEqual([
      ['ja/contract-on-first-contact', [4]],
      ['ja/pressure', [1, 3]],
      ['common/exclamation-overuse', [5]],
      ['common/shouting', [0]],
      ['ja/humor', [2]],
    ]);
  });

  it('a group takes the worst severity of its findings', () => {
    const [g] = groupFindings([finding('ja/humor', 'info', 0), finding('ja/humor', 'warning', 9)]);
    expect(g!.severity).toBe('warning');
    expect(worstSeverity([finding('a/b', 'info', 0), finding('a/c', 'error', 1)])).toBe('error');
    expect(worstSeverity([])).toBeNull();
  });

  it('shortens long excerpts on one line', () => {
    expect(shortExcerpt('a\n\n  b')).toBe('a b');
    expect(shortExcerpt('x'.repeat(100), 10)).toBe('xxxxxxxxx…');
  });
});

describe('options input normalisation', () => {
  it('recipients: trims, lower-cases, drops a leading @', () => {
    expect(normalizeMatch('  @Bank.CO.jp ')).toBe('bank.co.jp');
    expect(normalizeMatch('Ken@Example.com')).toBe('ken@example.com');
  });
  it('sites: keeps the host name of a pasted address', () => {
    expect(normalizeHost('https://Mail.Example.com/inbox?x=1')).toBe('mail.example.com');
    expect(normalizeHost('*.example.org')).toBe('example.org');
    expect(normalizeHost('webmail.example.net/compose')).toBe('webmail.example.net');
  });
});
