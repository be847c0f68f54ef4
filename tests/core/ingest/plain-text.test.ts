import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../src/core/ingest/plain-text.ts';

describe('toPlainText', () => {
  it.each([
    ['strips tags', 'Outage <b>again</b>', 'Outage again'],
    ['decodes entities', 'AT&amp;T &eacute;t&eacute; &#8212; &#x2019;', 'AT&T été — ’'],
    ['collapses whitespace and NBSP', '  one\n\t two&nbsp;&nbsp;three ', 'one two three'],
    ['drops NUL and control characters', 'a\u0000b\u0007c\u009bd', 'abcd'],
    ['drops bidi overrides that disguise text', 'invoice\u202egnp.exe', 'invoicegnp.exe'],
    ['drops the contents of scripts and styles', 'Hi<script>alert(1)</script><style>p{}</style> there', 'Hi there'],
    ['keeps plain text with a lone ampersand', 'Q&A session', 'Q&A session'],
    ['returns an empty string for markup only', '<img src=x onerror=alert(1)>', ''],
  ])('%s', (_title, input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });

  it('caps at maxChars on a word boundary with an ellipsis', () => {
    const text = toPlainText('The quick brown fox jumps over the lazy dog', 20);
    expect(Array.from(text).length).toBeLessThanOrEqual(20);
    expect(text).toBe('The quick brown fox…');
  });
});
