/**
 * Plain text handed to code that reads HTML (a JSON Feed's content_text, an RSS text
 * construct, a video's description, a complaint narrative), so markup characters in it
 * show as themselves instead of becoming tags. Pure.
 */

/** `text` as HTML element content: `&`, `<` and `>` escaped (not for attribute values). */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
