import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../../src/core/ingest/decode.ts';

const XML = '<?xml version="1.0"?><rss version="2.0"><channel><title>Café — ok</title></channel></rss>';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  const view = new DataView(bytes.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i += 1) view.setUint16((bom ? 2 : 0) + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

function utf32(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const points = Array.from(text, (char) => char.codePointAt(0) ?? 0);
  if (bom) points.unshift(0xfeff);
  const bytes = new Uint8Array(points.length * 4);
  const view = new DataView(bytes.buffer);
  points.forEach((point, i) => view.setUint32(i * 4, point, littleEndian));
  return bytes;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text, (char) => char.charCodeAt(0)));
}

function decode(bytes: Uint8Array, contentType?: string): { text: string; charset: string } {
  const result = decodeFeedBytes(bytes, contentType);
  if (!result.ok) throw new Error(result.error.message);
  return result.feed;
}

describe('decodeFeedBytes', () => {
  it.each([
    ['UTF-8 with a BOM, stripped', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(XML)]), undefined, 'utf-8'],
    ['UTF-16LE with a BOM', utf16(XML, true, true), undefined, 'utf-16le'],
    ['UTF-16BE with a BOM', utf16(XML, false, true), undefined, 'utf-16be'],
    ['UTF-16LE without a BOM', utf16(XML, true, false), undefined, 'utf-16le'],
    ['UTF-16BE without a BOM', utf16(XML, false, false), undefined, 'utf-16be'],
    ['UTF-32LE with a BOM', utf32(XML, true, true), undefined, 'utf-32le'],
    ['UTF-32BE without a BOM', utf32(XML, false, false), undefined, 'utf-32be'],
    ['plain UTF-8', new TextEncoder().encode(XML), undefined, 'utf-8'],
  ])('decodes %s', (_title, bytes, contentType, charset) => {
    const feed = decode(bytes, contentType);
    expect(feed.charset).toBe(charset);
    expect(feed.text).toBe(XML);
  });

  it('prefers the HTTP charset over the XML declaration', () => {
    const bytes = latin1('<?xml version="1.0" encoding="utf-8"?><rss><channel><title>caf\u00e9</title></channel></rss>');
    const feed = decode(bytes, 'application/rss+xml; charset="ISO-8859-1"');
    expect(feed.charset).toBe('iso-8859-1');
    expect(feed.text).toContain('café');
  });

  it('uses the XML declaration when HTTP says nothing', () => {
    const bytes = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>caf\u00e9</title></channel></rss>');
    expect(decode(bytes)).toMatchObject({ charset: 'iso-8859-1' });
    expect(decode(bytes).text).toContain('café');
  });

  it('decodes KOI8-R and Shift_JIS through TextDecoder', () => {
    const koi = new Uint8Array([...latin1('<?xml version="1.0" encoding="koi8-r"?><t>'), 0xf0, 0xd2, 0xc9, ...latin1('</t>')]);
    expect(decode(koi).text).toContain('При');
    const sjis = new Uint8Array([...latin1('<?xml version="1.0" encoding="Shift_JIS"?><t>'), 0x93, 0xfa, 0x96, 0x7b, ...latin1('</t>')]);
    expect(decode(sjis).text).toContain('日本');
  });

  it('falls back to windows-1252 when the bytes are not valid UTF-8', () => {
    const feed = decode(latin1('<rss><channel><title>smart \u0093quotes\u0094</title></channel></rss>'));
    expect(feed.charset).toBe('windows-1252');
    expect(feed.text).toContain('“quotes”');
  });

  it('ignores a bogus HTTP charset and keeps going', () => {
    expect(decode(new TextEncoder().encode(XML), 'text/xml; charset=bogus-42')).toMatchObject({ charset: 'utf-8' });
  });

  it('treats JSON as UTF-8 whatever the bytes look like', () => {
    expect(decode(new TextEncoder().encode('{"version":"https://jsonfeed.org/version/1.1","title":"é"}'))).toMatchObject({ charset: 'utf-8' });
  });

  it('reports US-ASCII for text/xml without a charset when the bytes are ASCII (RFC 3023)', () => {
    expect(decode(latin1('<rss version="2.0"></rss>'), 'text/xml')).toMatchObject({ charset: 'us-ascii' });
  });

  it('returns an empty text for empty bytes, without throwing', () => {
    expect(decode(new Uint8Array())).toEqual({ text: '', charset: 'utf-8' });
  });
});
