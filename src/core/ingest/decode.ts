/**
 * Bytes → text for feeds. Pure: the charset is decided from the bytes and the HTTP
 * Content-Type only, in this order: byte-order mark, HTTP charset, XML declaration
 * (JSON is always UTF-8), then UTF-8 with a windows-1252 fallback.
 */
import type { DecodedFeed, FeedError } from './types.ts';

/** Result of decoding: the text and the charset that was used, or a typed error. */
export type DecodeResult = { ok: true; feed: DecodedFeed } | { ok: false; error: FeedError };

type Detected = { charset: string; skip: number };

/** Byte-order marks, longest first so UTF-32LE is not mistaken for UTF-16LE. */
const BOMS: ReadonlyArray<{ bytes: number[]; charset: string }> = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], charset: 'utf-32be' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], charset: 'utf-32le' },
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];

/** XML spec appendix F: how `<?` (or `<`) looks in each wide encoding without a BOM. */
const WIDE_SIGNATURES: ReadonlyArray<{ bytes: number[]; charset: string }> = [
  { bytes: [0x00, 0x00, 0x00, 0x3c], charset: 'utf-32be' },
  { bytes: [0x3c, 0x00, 0x00, 0x00], charset: 'utf-32le' },
  { bytes: [0x00, 0x3c, 0x00, 0x3f], charset: 'utf-16be' },
  { bytes: [0x3c, 0x00, 0x3f, 0x00], charset: 'utf-16le' },
];

/** Media types for which RFC 3023 makes a missing charset mean US-ASCII. */
const TEXT_XML_TYPE = /^text\/(?:[a-z0-9.+-]*\+)?xml(?:-external-parsed-entity)?$/;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function detectBom(bytes: Uint8Array): Detected | undefined {
  const bom = BOMS.find((candidate) => startsWith(bytes, candidate.bytes));
  return bom ? { charset: bom.charset, skip: bom.bytes.length } : undefined;
}

/** The charset parameter of a Content-Type header, lower-cased and unquoted, if any. */
function readHttpCharset(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*(["']?)([^"';\s]+)\1/i.exec(contentType);
  return upgradeCharset(match?.[2]?.toLowerCase());
}

function readMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The encoding named in an ASCII-compatible XML declaration, lower-cased, if any. */
function readXmlDeclarationEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return upgradeCharset(match?.[1]?.toLowerCase());
}

/** GB2312 and GBK documents routinely hold GB18030 characters: read them as the superset, like feedparser. */
function upgradeCharset(charset: string | undefined): string | undefined {
  return charset === 'gb2312' || charset === 'gbk' || charset === 'x-gbk' ? 'gb18030' : charset;
}

function looksLikeJson(bytes: Uint8Array): boolean {
  for (const byte of bytes.subarray(0, 256)) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x7b || byte === 0x5b;
  }
  return false;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

function isWide(charset: string): boolean {
  return /^(?:utf-?16|utf-?32|ucs-?2|ucs-?4|iso-10646-ucs)/.test(charset);
}

/** Decodes UTF-32 by hand: TextDecoder does not support it. Invalid code points become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let offset = 0; offset + 4 <= bytes.byteLength; offset += 4) {
    const code = view.getUint32(offset, littleEndian);
    chunk.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
    if (chunk.length >= 4096) parts.push(String.fromCodePoint(...chunk.splice(0)));
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** Decodes with one charset, strictly; undefined when the label is unknown or the bytes are invalid. */
function tryDecode(bytes: Uint8Array, charset: string, fatal: boolean): string | undefined {
  const label = charset === 'utf-16' ? 'utf-16le' : charset;
  if (/^(?:utf-?32|ucs-?4)/.test(label)) {
    const littleEndian = !/be$/.test(label) && !(label === 'utf-32' && bytes[0] === 0x00);
    return decodeUtf32(bytes, littleEndian);
  }
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Picks the wide charset from the XML spec's byte signatures, or from a declared UTF-16/32 without a BOM. */
function detectWide(bytes: Uint8Array, declared: string | undefined): string | undefined {
  const signature = WIDE_SIGNATURES.find((candidate) => startsWith(bytes, candidate.bytes));
  if (signature) return signature.charset;
  // ASCII text in UTF-16 without a BOM: every other byte is zero.
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (bytes.length >= 4 && b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return 'utf-16le';
  if (bytes.length >= 4 && b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return 'utf-16be';
  if (declared && isWide(declared) && bytes[0] !== 0x3c) return declared;
  return undefined;
}

/**
 * Feed bytes → text, choosing the charset by BOM, then the HTTP Content-Type charset,
 * then the XML declaration's encoding (JSON: UTF-8), then UTF-8, falling back to
 * windows-1252 when the bytes are not valid UTF-8. The BOM is stripped. UTF-32 is
 * decoded by hand. `charset` is the label used, lower-cased (e.g. "iso-8859-1").
 * Pure; never throws.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodeResult {
  try {
    const bom = detectBom(bytes);
    if (bom) {
      const text = tryDecode(bytes.subarray(bom.skip), bom.charset, false) ?? '';
      return { ok: true, feed: { text, charset: bom.charset } };
    }
    const httpCharset = readHttpCharset(contentType);
    const wide = detectWide(bytes, httpCharset);
    if (wide) {
      const text = tryDecode(bytes, wide, false);
      if (text !== undefined) return { ok: true, feed: { text, charset: wide } };
    }
    const candidates: string[] = [];
    if (httpCharset && !isWide(httpCharset)) candidates.push(httpCharset);
    else if (!httpCharset && TEXT_XML_TYPE.test(readMediaType(contentType)) && isAscii(bytes)) {
      // RFC 3023: text/xml without a charset is US-ASCII. Only honoured when it is true.
      return { ok: true, feed: { text: tryDecode(bytes, 'windows-1252', false) ?? '', charset: 'us-ascii' } };
    }
    const declared = looksLikeJson(bytes) ? 'utf-8' : readXmlDeclarationEncoding(bytes);
    if (declared && !isWide(declared)) candidates.push(declared);
    candidates.push('utf-8');
    for (const charset of candidates) {
      const text = tryDecode(bytes, charset, true);
      if (text !== undefined) return { ok: true, feed: { text, charset } };
    }
    const text = tryDecode(bytes, 'windows-1252', false);
    if (text !== undefined) return { ok: true, feed: { text, charset: 'windows-1252' } };
    return { ok: false, error: { reason: 'encoding', message: 'the bytes could not be decoded in any known charset' } };
  } catch (error) {
    return { ok: false, error: { reason: 'encoding', message: `decoding failed: ${String(error)}` } };
  }
}
