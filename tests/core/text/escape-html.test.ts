import { describe, expect, it } from 'vitest';
import { escapeHtmlText } from '../../../src/core/text/escape-html.ts';

describe('escapeHtmlText: plain text that HTML readers show as written', () => {
  it.each([
    ['markup characters become references', '<b>5 > 3 & 2 < 4</b>', '&lt;b&gt;5 &gt; 3 &amp; 2 &lt; 4&lt;/b&gt;'],
    ['an existing reference is shown as written, not decoded', '&amp;', '&amp;amp;'],
    ['quotes, emoji and accents stay as they are', '"café" 😀', '"café" 😀'],
  ])('%s', (_rule, text, expected) => {
    expect(escapeHtmlText(text)).toBe(expected);
  });
});
