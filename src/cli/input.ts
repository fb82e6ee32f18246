/**
 * Reading what the user hands the CLI: .eml, .txt, .json (a Draft) or '-' for stdin, each
 * turned into a Draft or an InputError with a one-line reason. Sizes are checked before
 * reading, so a 50 MB file is refused at once instead of being parsed.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Attachment, Draft, Recipient } from '../engine';
import { InputError, looksBinary, parseEml } from './eml';

/** A whole message with attachments: Gmail's limit is 25 MB, base64 included. */
export const MAX_EML_BYTES = 25 * 1024 * 1024;
/** A plain draft: 2 MB is about 350,000 words, far beyond any email. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export type InputKind = 'eml' | 'txt' | 'json';

export interface LoadedInput {
  file: string;
  draft: Draft;
}

const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;

export function kindFromName(file: string): InputKind | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.eml') return 'eml';
  if (ext === '.txt' || ext === '.text') return 'txt';
  if (ext === '.json') return 'json';
  return undefined;
}

/** For stdin and unknown extensions: JSON if it opens with "{", a message if it opens with headers. */
export function sniffKind(bytes: Uint8Array): InputKind {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '');
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{')) return 'json';
  const firstLine = head.slice(0, head.search(/\r?\n|$/));
  if (/^(?:from|to|cc|subject|date|message-id|mime-version|content-type|received|return-path|delivered-to|reply-to|x-[a-z0-9-]{1,60})\s{0,4}:/i.test(firstLine) || /^From \S/.test(firstLine)) {
    return 'eml';
  }
  return 'txt';
}

function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('not UTF-8 text (binary data or another encoding)');
  }
  return text.replace(/^\uFEFF/, '');
}

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]{0,60}:/;
const MESSAGE_HEADERS = new Set(['from', 'to', 'cc', 'subject', 'date', 'message-id', 'mime-version', 'content-type', 'received', 'return-path', 'reply-to']);

/**
 * Whether text opens with an RFC 822 header block: every line before the first blank line is a
 * header ("Name: value") or its folded continuation, and one of them is a message header (From,
 * To, Subject, Date…). "Date: Friday works for us" followed by more prose is not a header block.
 */
export function startsWithHeaders(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/, 200);
  let known = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') return known && i > 0;
    if (i > 0 && (line.startsWith(' ') || line.startsWith('\t'))) continue;
    const m = HEADER_LINE.exec(line);
    if (!m) return false;
    if (MESSAGE_HEADERS.has(m[0].slice(0, -1).toLowerCase())) known = true;
  }
  return false;
}

export async function draftFromBytes(bytes: Uint8Array, kind: InputKind): Promise<Draft> {
  if (bytes.byteLength === 0) throw new InputError('empty file');
  const limit = kind === 'eml' ? MAX_EML_BYTES : MAX_TEXT_BYTES;
  if (bytes.byteLength > limit) throw new InputError(`too large (${mb(bytes.byteLength)}; the limit for ${kind === 'eml' ? '.eml' : 'text and JSON'} input is ${mb(limit)})`);
  if (kind === 'eml') return parseEml(bytes);
  const text = decodeUtf8(bytes);
  if (looksBinary(text)) throw new InputError('binary data, not text');
  if (kind === 'txt') {
    if (text.trim() === '') throw new InputError('empty file');
    // A whole message saved as text (headers, a blank line, the body) is read as a message, so its
    // header lines are not checked as the writer's words and its subject counts.
    if (startsWithHeaders(text)) return parseEml(bytes);
    return { body: text.replace(/\r\n?/g, '\n') };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return validateDraft(data);
}

export async function loadFile(file: string): Promise<Draft> {
  let size: number;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new InputError('is a directory');
    if (!s.isFile()) throw new InputError('not a regular file');
    size = s.size;
  } catch (err) {
    throw toInputError(err);
  }
  const kind = kindFromName(file);
  const limit = kind === 'eml' || kind === undefined ? MAX_EML_BYTES : MAX_TEXT_BYTES;
  if (size > limit) throw new InputError(`too large (${mb(size)}; the limit for ${kind === 'eml' || kind === undefined ? '.eml' : 'text and JSON'} input is ${mb(limit)})`);
  if (size === 0) throw new InputError('empty file');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw toInputError(err);
  }
  return draftFromBytes(bytes, kind ?? sniffKind(bytes));
}

function toInputError(err: unknown): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new InputError('no such file');
  if (code === 'EACCES' || code === 'EPERM') return new InputError('permission denied');
  if (code === 'EISDIR') return new InputError('is a directory');
  return new InputError(`cannot read: ${err instanceof Error ? err.message : String(err)}`);
}

/** Reads all of a stream, refusing more than `limit` bytes. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, limit = MAX_EML_BYTES): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buf.byteLength;
    if (total > limit) throw new InputError(`too large (more than ${mb(limit)})`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

// ---- JSON drafts ---------------------------------------------------------------------------

const DRAFT_KEYS = new Set(['body', 'subject', 'recipients', 'attachments', 'isReply', 'quoted', 'inReplyTo', 'references']);

function fail(where: string, problem: string): never {
  throw new InputError(`invalid draft: ${where} ${problem}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks a parsed JSON value against the Draft type, naming the first property that is wrong. */
export function validateDraft(data: unknown): Draft {
  if (!isObject(data)) fail('the top level', 'must be an object with at least "body"');
  for (const k of Object.keys(data)) if (!DRAFT_KEYS.has(k)) fail(`property "${k}"`, `is not a Draft field (expected ${[...DRAFT_KEYS].join(', ')})`);
  if (typeof data.body !== 'string') fail('"body"', 'must be a string');
  const draft: Draft = { body: data.body.replace(/\r\n?/g, '\n') };
  if (data.subject !== undefined) {
    if (typeof data.subject !== 'string') fail('"subject"', 'must be a string');
    draft.subject = data.subject;
  }
  if (data.recipients !== undefined) {
    if (!Array.isArray(data.recipients)) fail('"recipients"', 'must be an array');
    draft.recipients = data.recipients.map((r: unknown, i): Recipient => {
      const at = `"recipients[${i}]"`;
      if (!isObject(r)) fail(at, 'must be an object {address, name?, field}');
      if (typeof r.address !== 'string' || r.address.trim() === '') fail(`${at}.address`, 'must be a non-empty string');
      if (r.field !== 'to' && r.field !== 'cc' && r.field !== 'bcc') fail(`${at}.field`, 'must be "to", "cc" or "bcc"');
      if (r.name !== undefined && typeof r.name !== 'string') fail(`${at}.name`, 'must be a string');
      for (const k of Object.keys(r)) if (!['address', 'name', 'field'].includes(k)) fail(`${at}.${k}`, 'is not a recipient field');
      return { address: r.address, field: r.field, ...(typeof r.name === 'string' ? { name: r.name } : {}) };
    });
  }
  if (data.attachments !== undefined) {
    if (!Array.isArray(data.attachments)) fail('"attachments"', 'must be an array');
    draft.attachments = data.attachments.map((a: unknown, i): Attachment => {
      const at = `"attachments[${i}]"`;
      if (!isObject(a)) fail(at, 'must be an object {name, size?}');
      if (typeof a.name !== 'string') fail(`${at}.name`, 'must be a string');
      if (a.size !== undefined && (typeof a.size !== 'number' || !Number.isFinite(a.size) || a.size < 0)) fail(`${at}.size`, 'must be a non-negative number');
      for (const k of Object.keys(a)) if (k !== 'name' && k !== 'size') fail(`${at}.${k}`, 'is not an attachment field');
      return { name: a.name, ...(typeof a.size === 'number' ? { size: a.size } : {}) };
    });
  }
  if (data.isReply !== undefined) {
    if (typeof data.isReply !== 'boolean') fail('"isReply"', 'must be true or false');
    draft.isReply = data.isReply;
  }
  if (data.quoted !== undefined) {
    if (typeof data.quoted !== 'string') fail('"quoted"', 'must be a string');
    draft.quoted = data.quoted;
  }
  if (data.inReplyTo !== undefined) {
    if (typeof data.inReplyTo !== 'string') fail('"inReplyTo"', 'must be a string');
    draft.inReplyTo = data.inReplyTo;
  }
  if (data.references !== undefined) {
    if (!Array.isArray(data.references) || !data.references.every((x) => typeof x === 'string')) fail('"references"', 'must be an array of strings');
    draft.references = data.references as string[];
  }
  return draft;
}
