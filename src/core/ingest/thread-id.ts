/**
 * The thread an item of a threaded source belongs to, read from its URL when the feed does not
 * say. Pure.
 *
 * Forums and comment feeds rarely expose a thread id, but their URLs do: every comment of a
 * Reddit post lives under `/comments/<post id>/`, every post of a Discourse topic under
 * `/t/<slug>/<topic id>`, every comment of a GitHub issue under `/issues/<n>`, every update
 * of a Statuspage incident under `/incidents/<id>`. Elsewhere a comment is a fragment or a
 * sub-page of the page it discusses (`/post#comment-12`).
 */

/** URL shapes whose first capture names the thread, most specific first. */
const THREAD_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'reddit', pattern: /^\/r\/[^/]+\/comments\/([a-z0-9]+)(?:\/|$)/i },
  // A slug is never all digits, so "/t/123/4" is topic 123, post 4 (not topic 4).
  { name: 'discourse', pattern: /^\/t\/(?:[^/]*[^/\d][^/]*\/)?(\d+)(?:\/\d+)?\/?$/ },
  { name: 'github', pattern: /^(\/[^/]+\/[^/]+\/(?:issues|pull|discussions)\/\d+)(?:\/|$)/ },
  { name: 'incident', pattern: /\/incidents\/([a-z0-9-]+)(?:\/|$)/i },
];

/**
 * The thread id of an item from its canonical URL: `reddit:<post id>`, `discourse:<host>/<topic id>`,
 * `github:<owner>/<repo>/issues/<n>`, `incident:<host>/<id>`, else the URL without its fragment
 * (a comment anchored on the page it discusses). Undefined for a URL that does not parse.
 */
export function deriveThreadId(canonicalUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(canonicalUrl);
  } catch {
    return undefined;
  }
  for (const { name, pattern } of THREAD_PATTERNS) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    if (name === 'reddit') return `reddit:${match[1]!.toLowerCase()}`;
    if (name === 'github') return `github:${match[1]!.slice(1)}`;
    return `${name}:${url.host}/${match[1]}`;
  }
  url.hash = '';
  return url.href;
}
