import { defineRule, firstTokenFrom, isCommonWord, lastAtOrBefore, tokenIndexAt, type Paragraph, type RuleDoc, type RuleReport, type Token } from '../../src/engine';

/**
 * All-caps words that are names of things, not raised voices: business, finance, trade,
 * technology, science and organisation acronyms, currencies and time zones. ASAP is here
 * because ja/pressure owns it. Short acronyms without a vowel (SDK, PLM, HR) and any word with
 * a digit (Q3, FY2026, GH-310) are recognised without being listed.
 */
export const KNOWN_ACRONYMS: ReadonlySet<string> = new Set([
  // Contracts and commerce
  'NDA', 'MSA', 'SOW', 'SLA', 'RFP', 'RFQ', 'RFI', 'LOI', 'MOU', 'MOA', 'PO', 'POS', 'ETA', 'ETD',
  'FOB', 'CIF', 'DDP', 'DAP', 'EXW', 'FCA', 'CFR', 'LCL', 'FCL', 'AWB', 'HS', 'COO', 'OEM', 'ODM',
  'EMS', 'MOQ', 'SKU', 'UPC', 'EAN', 'ROI', 'KPI', 'OKR', 'EBITDA', 'GAAP', 'IFRS', 'CAPEX', 'OPEX',
  'COGS', 'ARR', 'MRR', 'IPO', 'LLC', 'LTD', 'INC', 'CORP', 'PLC', 'LLP', 'GMBH', 'AG', 'KK', 'NV',
  'VAT', 'GST', 'TAX', 'IRS', 'SEC', 'FDA', 'FTC', 'DOJ', 'USPTO', 'WTO', 'JETRO', 'METI', 'MITI',
  'FAQ', 'FYI', 'ASAP', 'EOD', 'EOB', 'COB', 'EOW', 'TBD', 'TBA', 'TBC', 'OOO', 'PTO', 'RSVP', 'AOB',
  'NB', 'PS', 'PPS', 'CC', 'BCC', 'RE', 'FW', 'FWD', 'AKA', 'DIY', 'ETC', 'NASDAQ', 'NYSE', 'TSE',
  'FOREX', 'SWIFT', 'IBAN', 'ACH', 'AML', 'KYC', 'ESG', 'SDG', 'CSR', 'NGO', 'NPO', 'UN', 'EU',
  'ASEAN', 'APAC', 'EMEA', 'LATAM', 'NAFTA', 'USMCA', 'OECD', 'IMF', 'NATO', 'UNESCO', 'UNICEF',
  // Roles and teams
  'CEO', 'CFO', 'COO', 'CTO', 'CIO', 'CMO', 'CRO', 'CPO', 'CHRO', 'CISO', 'VP', 'SVP', 'EVP', 'GM',
  'MD', 'HR', 'PR', 'IR', 'QA', 'QC', 'RD', 'PMO', 'PM', 'AM', 'BD', 'CS', 'CX', 'UX', 'UI', 'MBA',
  'PHD', 'CPA', 'ESQ',
  // Technology
  'API', 'SDK', 'SAAS', 'PAAS', 'IAAS', 'AI', 'ML', 'LLM', 'GPU', 'CPU', 'RAM', 'SSD', 'HDD', 'USB',
  'LED', 'LCD', 'OLED', 'PDF', 'CSV', 'XLS', 'XLSX', 'DOC', 'DOCX', 'PPT', 'PPTX', 'JPG', 'JPEG',
  'PNG', 'GIF', 'ZIP', 'XML', 'JSON', 'YAML', 'HTML', 'CSS', 'HTTP', 'HTTPS', 'URL', 'URI', 'DNS',
  'VPN', 'LAN', 'WAN', 'WIFI', 'IOT', 'ERP', 'CRM', 'PLM', 'MES', 'SCADA', 'PLC', 'CAD', 'CAM',
  'CAE', 'CNC', 'EDM', 'BOM', 'ECN', 'ECO', 'FMEA', 'PPAP', 'APQP', 'SPC', 'OEE', 'TPM', 'JIT',
  'SOC', 'ISO', 'IEC', 'JIS', 'ANSI', 'IEEE', 'ASTM', 'UL', 'CE', 'ROHS', 'REACH', 'GDPR', 'HIPAA',
  'CCPA', 'PCI', 'DSS', 'SSO', 'MFA', 'OTP', 'VM', 'OS', 'IOS', 'AWS', 'GCP', 'SQL', 'NOSQL', 'ETL',
  'CI', 'CD', 'QR', 'RFID', 'NFC', 'GPS', 'LIDAR', 'RADAR', 'SMS', 'MMS', 'VOIP', 'SIM', 'ESIM',
  'DVD', 'TV', 'PC', 'MAC', 'IP', 'TCP', 'UDP', 'SMTP', 'IMAP', 'POP', 'FTP', 'SFTP', 'SSH', 'SSL',
  'TLS', 'OAUTH', 'SAML', 'LDAP', 'REST', 'SOAP', 'GRPC', 'CDN', 'DDOS', 'MVP', 'POC', 'PR',
  // Science and health
  'DNA', 'RNA', 'PCR', 'MRI', 'CT', 'ECG', 'EKG', 'ICU', 'HIV', 'COVID', 'WHO', 'CDC', 'NIH', 'GMP',
  'GLP', 'GCP', 'IVD', 'NGS', 'ELISA', 'HPLC', 'LCMS', 'NMR', 'UV', 'IR', 'PH', 'PPE',
  // Currencies, places, time zones
  'USD', 'JPY', 'EUR', 'GBP', 'CNY', 'RMB', 'CHF', 'AUD', 'CAD', 'HKD', 'SGD', 'KRW', 'INR', 'TWD',
  'THB', 'MYR', 'IDR', 'PHP', 'VND', 'MXN', 'BRL', 'NZD', 'SEK', 'NOK', 'DKK', 'US', 'USA', 'UK',
  'UAE', 'PRC', 'ROK', 'NYC', 'LA', 'SF', 'DC', 'JST', 'KST', 'CST', 'CDT', 'EST', 'EDT', 'PST', 'PDT',
  'MST', 'MDT', 'GMT', 'UTC', 'BST', 'CET', 'CEST', 'IST', 'SGT', 'HKT', 'AEST', 'ET', 'PT', 'MT',
  'NHK', 'NTT', 'JAL', 'ANA', 'JR', 'IBM', 'NEC', 'TDK', 'JCB', 'UPS', 'DHL', 'FEDEX', 'NASA',
  'OK',
]);

/**
 * Acronyms that are also English words: they never fire alone, but shout next to a shouted
 * word ("CALL US", "DO IT NOW").
 */
const WORD_LIKE_ACRONYMS: ReadonlySet<string> = new Set(['US', 'IT', 'AM', 'OR', 'WHO', 'OK', 'ID', 'ON', 'IN', 'ME', 'OH', 'HI', 'SOAP', 'REST', 'POP', 'MAC', 'CAD', 'CAM', 'SIM', 'TAX', 'REACH', 'SWIFT', 'RADAR', 'ETC', 'DOC', 'ZIP', 'GIF', 'LA', 'PS', 'RE', 'AS', 'AT']);

/** Lines in a signature-like block: a company with a legal suffix, a name with a family name in capitals. */
const COMPANY_SUFFIXES: ReadonlySet<string> = new Set(['CO', 'LTD', 'INC', 'CORP', 'LLC', 'GMBH', 'PLC', 'LLP', 'KK', 'K.K', 'AG', 'S.A', 'BV', 'PTE', 'PTY']);
const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'ms', 'mrs', 'dr', 'prof', 'mx']);

const VOWEL = /[AEIOUY]/;
const DIGIT = /\d/;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const ROMAN = /^[IVX]{1,5}$/;
/** RULES.md: one all-caps word of 5+ letters shouts on its own. */
const LONG_WORD_LETTERS = 5;

type Kind = 'caps' | 'word-like' | 'acronym' | 'single' | 'other';

function letterCount(s: string): number {
  let n = 0;
  for (const ch of s) if (UPPER.test(ch) || LOWER.test(ch)) n++;
  return n;
}

function classify(t: Token): Kind {
  if (!t.isWord || LOWER.test(t.text) || !UPPER.test(t.text)) return 'other';
  if (DIGIT.test(t.text)) return 'acronym'; // codes: Q3, FY2026, GH-310, M8
  const letters = letterCount(t.text);
  if (letters === 1) return 'single'; // I, A
  const bare = t.text.replace(/['’]S$/, '').replace(/[.]/g, '');
  if (WORD_LIKE_ACRONYMS.has(bare)) return 'word-like';
  if (KNOWN_ACRONYMS.has(bare) || ROMAN.test(bare)) return 'acronym';
  // Hyphenated codes of acronyms ("B2B-API", "EU-US").
  if (bare.includes('-') && bare.split('-').every((part) => KNOWN_ACRONYMS.has(part) || !VOWEL.test(part))) return 'acronym';
  if (letters <= 5 && !VOWEL.test(bare)) return 'acronym'; // SDK, PLM, HR, CRM
  return 'caps';
}

/** What the checks ask of one line of a paragraph, read once per line (not once per shouted run). */
interface LineFacts {
  /** [start, end) body offsets. */
  start: number;
  end: number;
  /** Word tokens on the line. */
  words: number;
  company: boolean;
  endsSentence: boolean;
  hasTitleCase: boolean;
  /** The line ends with . ! or ? (spaces after it allowed). */
  endsWithMark: boolean;
  /** The line opens with a label's name: a colon within 40 characters and no . ! ? before it. */
  labelEnd: number;
}

/**
 * The lines of a paragraph, each read when first asked for: a paragraph of one long line with
 * many shouted runs was quadratic when every run read its whole line again.
 */
function paragraphLines(p: Paragraph): (offset: number) => LineFacts {
  const starts = [0];
  for (let i = p.text.indexOf('\n'); i !== -1; i = p.text.indexOf('\n', i + 1)) starts.push(i + 1);
  const facts = new Map<number, LineFacts>();
  return (offset) => {
    const rel = offset - p.start;
    const lo = lastAtOrBefore(starts, rel);
    let f = facts.get(lo);
    if (!f) {
      const start = p.start + starts[lo]!;
      const end = lo + 1 < starts.length ? p.start + starts[lo + 1]! - 1 : p.start + p.text.length;
      const tokens: Token[] = [];
      for (let k = firstTokenFrom(p.tokens, start); k < p.tokens.length && p.tokens[k]!.end <= end; k++) tokens.push(p.tokens[k]!);
      const words = tokens.filter((t) => t.isWord);
      const last = tokens[tokens.length - 1];
      const line = p.text.slice(starts[lo]!, end - p.start);
      const colon = line.indexOf(':');
      f = {
        start,
        end,
        words: words.length,
        company: words.some((t) => COMPANY_SUFFIXES.has(t.text.replace(/\.$/, ''))),
        endsSentence: last !== undefined && ['.', '!', '?'].includes(last.text),
        hasTitleCase: words.some((t) => /^\p{Lu}\p{Ll}/u.test(t.text)),
        endsWithMark: /[.!?]\s*$/.test(line),
        labelEnd: colon !== -1 && colon <= 40 && !/[.!?]/.test(line.slice(0, colon)) ? start + colon : -1,
      };
      facts.set(lo, f);
    }
    return f;
  };
}

/** A name or company line of a signature the engine did not cut off ("Kenji WATANABE", "ACME CO., LTD."). */
function isSignatureLikeLine(line: LineFacts, runLength: number): boolean {
  if (line.company) return true;
  // A family name is one word; "CALL US" on a short line is still shouting.
  return runLength === 1 && line.words <= 4 && !line.endsSentence && line.hasTitleCase;
}

function toNormalCase(doc: RuleDoc, run: Token[], kinds: Map<Token, Kind>): string {
  const first = run[0]!;
  const sentence = doc.sentenceAt(first.start);
  const sentenceFirstWord = sentence?.tokens.find((t) => t.isWord);
  let out = '';
  let at = first.start;
  run.forEach((t, i) => {
    out += doc.body.slice(at, t.start);
    const kind = kinds.get(t);
    let text = kind === 'caps' || kind === 'word-like' ? t.text.toLowerCase() : t.text;
    if (i === 0 && sentenceFirstWord === t) text = text.charAt(0).toUpperCase() + text.slice(1);
    out += text;
    at = t.end;
  });
  return out;
}

export default defineRule({
  id: 'common/shouting',
  pack: 'common',
  severity: 'warning',
  description: {
    en: 'ALL-CAPS words in running text (acronyms, codes and signatures excepted).',
    ja: '本文中のすべて大文字の単語（略語・コード・署名は除く）。',
  },
  messages: {
    default: {
      en: 'All caps: "{phrase}" reads as shouting.',
      ja: 'すべて大文字：「{phrase}」は怒鳴っているように読まれます。',
    },
  },
  rationales: {
    default: {
      en: 'In email, capital letters read as a raised voice; the reader notices the tone before the point.',
      ja: 'メールでは大文字は大声と同じに受け取られ、内容より先に口調が印象に残ってしまいます。',
    },
  },
  advice: {
    en: 'Use normal case; if something must stand out, say why it matters, or use bold sparingly.',
    ja: '通常の大文字・小文字で書きましょう。強調したいときは、理由を書き添えるか、太字を控えめに使いましょう。',
  },
  // Paragraph-local: a long draft's slices keep its findings window by window (src/engine/sliced.ts).
  scope: 'sentence',
  check(doc) {
    // Paragraph-local: an edit re-checks only the edited paragraph.
    return doc.reportsPerParagraph('common/shouting', (p) => {
      const reports: RuleReport[] = [];
      // Cheap gate: most paragraphs have no two capitals in a row.
      if (!/\p{Lu}{2}/u.test(p.text)) return reports;
      const lineAt = paragraphLines(p);
      const kinds = new Map<Token, Kind>();
      const words = p.tokens.filter((t) => t.isWord);
      for (const t of words) kinds.set(t, classify(t));
      let i = 0;
      while (i < words.length) {
        if (kinds.get(words[i]!) === 'other') {
          i++;
          continue;
        }
        // A run: capitalised words separated only by spaces on one line.
        let j = i + 1;
        while (j < words.length && kinds.get(words[j]!) !== 'other' && /^[ \t]+$/.test(doc.body.slice(words[j - 1]!.end, words[j]!.start))) j++;
        const run = words.slice(i, j);
        i = j;
        let a = 0;
        let b = run.length;
        const shouty = (t: Token) => kinds.get(t) === 'caps' || kinds.get(t) === 'word-like';
        while (a < b && !shouty(run[a]!)) a++;
        while (b > a && !shouty(run[b - 1]!)) b--;
        const core = run.slice(a, b);
        const caps = core.filter((t) => kinds.get(t) === 'caps');
        if (caps.length === 0) continue;
        const shoutyCount = core.filter(shouty).length;
        const long = caps.some((t) => letterCount(t.text) >= LONG_WORD_LETTERS);
        if (shoutyCount < 2 && !long) continue;
        const start = core[0]!.start;
        const end = core[core.length - 1]!.end;
        const line = lineAt(start);
        if (isSignatureLikeLine(line, core.length)) continue;
        // Not running text: a heading, a table row, a sign-off, a line of one or two words
        // ("PERFECT", "TARGET DATE"), or the name of a label ("NOTES ONLY:", "REMINDER:").
        const sentence = doc.sentenceAt(start);
        const form = sentence?.form ?? 'text';
        if (form === 'heading' || form === 'table' || form === 'signoff') continue;
        if (line.words <= 2 && !line.endsWithMark) continue;
        // A label's name opens its line and is short: "NOTES ONLY: …", not a shout earlier in a
        // line that has a colon further on ("PLEASE SEND IT NOW. Again: …").
        if (line.labelEnd !== -1 && end <= line.labelEnd) continue;
        // Names and codes in capitals (ENRON, CAISO, "Dear Mr. LARRY CAMPBELL") are not a raised
        // voice: a shout is made of ordinary words.
        const ordinary = caps.filter((t) => isCommonWord(t.text));
        if (ordinary.length === 0) continue;
        if (shoutyCount < 2 && !ordinary.some((t) => letterCount(t.text) >= LONG_WORD_LETTERS)) continue;
        // "Mr. WATANABE": a family name written in capitals, the Japanese convention.
        const at = tokenIndexAt(p.tokens, core[0]!.start);
        const prev = p.tokens[at - 1]?.text === '.' ? p.tokens[at - 2] : p.tokens[at - 1];
        if (core.length === 1 && prev && HONORIFICS.has(prev.norm)) continue;
        const replacement = toNormalCase(doc, core, kinds);
        reports.push({
          start,
          end,
          data: { phrase: doc.body.slice(start, end) },
          suggestion: {
            text: { en: `Write "${replacement}".`, ja: `「${replacement}」と書きましょう。` },
            replacement,
          },
        });
      }
      return reports;
    });
  },
  examples: {
    fire: [
      { text: 'DO NOT release the PO for the second mold until you hear from me.', excerpt: 'DO NOT', output: 'Do not release the PO for the second mold until you hear from me.' },
      { text: 'PLEASE DOUBLE-CHECK the dates before sending anything else.', excerpt: 'PLEASE DOUBLE-CHECK', output: 'Please double-check the dates before sending anything else.' },
      { text: 'We CANNOT pass that increase on to our retailers.', excerpt: 'CANNOT', output: 'We cannot pass that increase on to our retailers.' },
      { text: "That's a HUGE WIN for the whole crew.", excerpt: 'HUGE WIN', output: "That's a huge win for the whole crew." },
      { text: 'Please CALL US before Friday.', excerpt: 'CALL US' },
      { text: 'URGENT: PLEASE REVIEW THE NDA TODAY.', excerpt: 'PLEASE REVIEW THE NDA TODAY' },
      { text: 'The transmission MAY BE curtailed to zero without notice.', excerpt: 'MAY BE' },
      { text: 'PLEASE SEND IT NOW. Again: please send it.', excerpt: 'PLEASE SEND IT NOW' },
    ],
    pass: [
      { text: 'The NDA and MSA are attached; prices are in USD and JPY.' },
      { text: 'Our API and SDK docs cover the Q3 release and the FY2026 plan; the PDF is attached.' },
      { text: 'Parts GH-310 and KS-2207 ship with the SOW and the SLA.' },
      { text: 'We need the signed copies ASAP.' },
      { text: 'Thanks, and let me know if anything is unclear.\n\nBest regards,\n\nKenji WATANABE\nManager, Platform Engineering\nHOSHIZORA SYSTEMS CO., LTD.' },
      { text: 'Our CEO and CTO met the HR team at the US office.' },
      { text: 'Mr. WATANABE will join the call.' },
      { text: 'REMINDER: the quarterly numbers are due on Friday.' },
      { text: 'QUARTERLY SALES REVIEW\n\nThe numbers are attached for your review.' },
      { text: 'Dear Mr. HIROSHI TAKAHASHI,\n\nThank you for the samples.' },
      { text: 'The CAISO and ERCOT filings were posted this morning by MCUNNINGHAM.' },
      { text: 'Region      Volume      Price\nNORTHEAST   1,200       3.40' },
      { text: 'Looking forward to it.\n\nKenji WATANABE\nHOSHIZORA SYSTEMS CO., LTD.' },
    ],
  },
});
