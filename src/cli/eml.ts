/**
 * .eml → Draft with postal-mime. The message's own text part is the body (quoted replies and the
 * signature stay in it: the engine splits them off, as it does for a webmail draft); an HTML-only
 * message is converted to text by a scanner that never executes or builds anything.
 *
 * Anything that is not a readable message raises an InputError with a one-line reason, so the
 * CLI can name the file and go on with the others.
 */
import PostalMime from 'postal-mime';
import type { Address, Email } from 'postal-mime';
import type { Attachment, Draft, Recipient, RecipientField } from '../engine';
import { htmlToText } from './html';

export class InputError extends Error {
  override name = 'InputError';
}

/** Share of control characters (other than tab, CR, LF, FF) above which text is binary data. */
const BINARY_CONTROL_SHARE = 0.02;
const SNIFF_CHARS = 64 * 1024;

/** True when the text looks like binary data rather than something a person wrote. */
export function looksBinary(text: string): boolean {
  const sample = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  if (sample.length === 0) return false;
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) control++;
    else if (c === 0xfffd) replacement++;
  }
  return (control + replacement) / sample.length > BINARY_CONTROL_SHARE;
}

/**
 * True when raw message bytes are binary data rather than a mail message. Unlike `looksBinary`
 * this reads bytes, not decoded text: 8-bit mail in Shift_JIS, EUC-JP or ISO-8859-1 is full of
 * bytes above 0x7F that are not UTF-8, and ISO-2022-JP switches character sets with ESC
 * (0x1B); all of that is text in its declared charset, which the parser decodes. Only NUL and
 * the other C0 controls count against it.
 */
export function looksBinaryBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_CHARS);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 0x1b) || c === 0x7f) control++;
  }
  return control / n > BINARY_CONTROL_SHARE;
}

// A header line: a field name of printable ASCII without ":" and then ":" (RFC 5322 §2.2).
const HEADER_LINE = /^[!-9;-~]{1,76}:/;
const KNOWN_HEADERS = new Set([
  'from', 'to', 'cc', 'bcc', 'subject', 'date', 'message-id', 'mime-version', 'content-type',
  'in-reply-to', 'references', 'reply-to', 'sender', 'received', 'return-path', 'x-mailer',
]);

/** The header block (up to the first blank line), checked before handing bytes to the parser. */
function checkHeaders(raw: string): void {
  const lines: string[] = [];
  let start = 0;
  // Headers are short; reading at most 2,000 lines of them is plenty and keeps this bounded.
  while (start < raw.length && lines.length < 2000) {
    let nl = raw.indexOf('\n', start);
    if (nl === -1) nl = raw.length;
    const line = raw.slice(start, nl).replace(/\r$/, '');
    if (line === '') break;
    lines.push(line);
    start = nl + 1;
  }
  const first = lines[0] ?? '';
  if (!HEADER_LINE.test(first) && !first.startsWith('From ')) {
    throw new InputError('malformed MIME: the file does not start with message headers (e.g. "From:", "Subject:")');
  }
  const names = lines.filter((l) => HEADER_LINE.test(l)).map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
  if (!names.some((n) => KNOWN_HEADERS.has(n))) {
    throw new InputError('malformed MIME: no known message header (From, To, Subject, Date, Content-Type)');
  }
}

/** A multipart message whose outer boundary is never closed was cut off (a truncated download). */
function checkNotTruncated(email: Email, raw: string): void {
  const ct = email.headers.find((h) => h.key === 'content-type')?.value ?? '';
  if (!/^\s*multipart\//i.test(ct)) return;
  const m = /boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))/i.exec(ct);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw new InputError('malformed MIME: multipart message without a boundary parameter');
  if (!raw.includes(`--${boundary}--`)) {
    throw new InputError(`malformed MIME: truncated message (the multipart boundary "${boundary}" is never closed)`);
  }
}

function flatten(list: Address[] | undefined, field: RecipientField): Recipient[] {
  const out: Recipient[] = [];
  for (const a of list ?? []) {
    const boxes = a.group ? a.group : [a];
    for (const b of boxes) {
      if (!b.address) continue;
      const r: Recipient = { address: b.address, field };
      if (b.name && b.name.trim() !== '') r.name = b.name.trim();
      out.push(r);
    }
  }
  return out;
}

function byteLength(content: ArrayBuffer | Uint8Array | string): number {
  if (typeof content === 'string') return Buffer.byteLength(content);
  return content.byteLength;
}

/** Message-IDs from a References or In-Reply-To header: "<a@b> <c@d>" → ["<a@b>", "<c@d>"]. */
function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(/\s+/).filter((s) => s !== '');
}

/** The charset parameter of the message's top Content-Type, from the header block (Latin-1 view). */
function declaredCharset(headerBlock: string): string | undefined {
  // The header and its folded continuation lines, read line by line: the one-regex form re-scanned
  // from every line start and recheck flagged it.
  const lines = headerBlock.split('\n');
  let k = lines.findIndex((l) => l.slice(0, 13).toLowerCase() === 'content-type:');
  let ct = '';
  if (k !== -1) {
    ct = lines[k]!;
    while (k + 1 < lines.length && (lines[k + 1]!.startsWith(' ') || lines[k + 1]!.startsWith('\t'))) ct += `\n${lines[++k]!}`;
  }
  return /charset\s*=\s*"?([A-Za-z0-9_.:-]{1,40})/i.exec(ct)?.[1];
}

function decoderFor(label: string | undefined, fallback: string): TextDecoder {
  try {
    if (label) return new TextDecoder(label);
  } catch {
    // An unknown label: fall through.
  }
  return new TextDecoder(fallback);
}

/**
 * Headers written raw in a legacy charset instead of RFC 2047 encoded words ("Subject: 見積" in
 * Shift_JIS bytes, "To: Jürgen" in Latin-1, or ISO-2022-JP escape sequences): older Japanese
 * mailers and some gateways send this. The parser reads raw header bytes as UTF-8, which turns
 * them into U+FFFD, so such a header block is decoded here by the message's declared charset
 * (else ISO-2022-JP for escape sequences, windows-1252 for other 8-bit bytes) and handed on as
 * UTF-8. Valid UTF-8 headers, and every message without raw 8-bit headers, pass unchanged.
 */
function normalizeRawHeaders(bytes: Uint8Array): Uint8Array {
  let end = -1;
  for (let i = 0; i + 1 < bytes.length && i < 1024 * 1024; i++) {
    if (bytes[i] === 0x0a && (bytes[i + 1] === 0x0a || (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a))) {
      end = i + 1;
      break;
    }
  }
  if (end === -1) return bytes;
  const head = bytes.subarray(0, end);
  let high = false;
  let esc = false;
  for (const b of head) {
    if (b >= 0x80) high = true;
    else if (b === 0x1b) esc = true;
  }
  if (!high && !esc) return bytes;
  if (high && !esc) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head);
      return bytes;
    } catch {
      // Not UTF-8: decode by the declared charset below.
    }
  }
  // A multipart message declares its charset on the parts: the first one stands for the headers.
  const charset = declaredCharset(latin1(head)) ?? /charset\s*=\s*"?([A-Za-z0-9_.:-]{1,40})/i.exec(latin1(bytes.subarray(0, 64 * 1024)))?.[1];
  const text = decoderFor(charset, esc ? 'iso-2022-jp' : 'windows-1252').decode(head);
  const utf8 = new TextEncoder().encode(text);
  const out = new Uint8Array(utf8.length + bytes.length - end);
  out.set(utf8, 0);
  out.set(bytes.subarray(end), utf8.length);
  return out;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export async function parseEml(input: Uint8Array | string): Promise<Draft> {
  // Headers and MIME structure are ASCII; the parts are decoded by their declared charset by the
  // parser. Latin-1 maps each byte to one character, so this view never fails or shifts offsets.
  const raw = typeof input === 'string' ? input : latin1(input);
  if (raw.trim() === '') throw new InputError('empty file');
  if (typeof input === 'string' ? looksBinary(raw.slice(0, 8192)) : looksBinaryBytes(input.subarray(0, 8192))) {
    throw new InputError('binary data, not a MIME message');
  }
  checkHeaders(raw);
  let email: Email;
  try {
    email = await PostalMime.parse(typeof input === 'string' ? input : normalizeRawHeaders(input), { attachmentEncoding: 'arraybuffer' });
  } catch (err) {
    throw new InputError(`malformed MIME: ${err instanceof Error ? err.message : String(err)}`);
  }
  checkNotTruncated(email, raw);

  let body: string;
  if (typeof email.text === 'string' && email.text.trim() !== '') body = email.text;
  else if (typeof email.html === 'string' && email.html.trim() !== '') body = htmlToText(email.html);
  else body = email.text ?? '';
  body = body.replace(/\r\n?/g, '\n');
  if (looksBinary(body)) throw new InputError('malformed MIME: the text part is binary data');
  if (body.trim() === '' && !email.subject && email.attachments.length === 0) {
    throw new InputError('malformed MIME: the message has no text, no subject and no attachment');
  }

  const recipients = [...flatten(email.to, 'to'), ...flatten(email.cc, 'cc'), ...flatten(email.bcc, 'bcc')];
  const attachments: Attachment[] = email.attachments
    // Inline images referenced by the HTML are part of the body, not files the reader opens.
    .filter((a) => !a.related)
    .map((a) => ({ name: a.filename ?? `(unnamed ${a.mimeType})`, size: byteLength(a.content) }));
  const inReplyTo = messageIds(email.inReplyTo)[0];
  const references = messageIds(email.references);

  const draft: Draft = { body, recipients, attachments, isReply: !!inReplyTo || references.length > 0 };
  if (email.subject !== undefined) draft.subject = email.subject;
  if (inReplyTo) draft.inReplyTo = inReplyTo;
  if (references.length > 0) draft.references = references;
  return draft;
}
