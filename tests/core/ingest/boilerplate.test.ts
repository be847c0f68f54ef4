import { describe, expect, it } from 'vitest';
import { extractSafeLinks, htmlToSafeMarkdown } from '../../../src/core/ingest/sanitize-excerpt.ts';

const BASE = 'https://blog.example/';

describe('excerpts leave out the boilerplate around a post', () => {
  it.each([
    ['a "View Entire Post ›" link after a rule', '<h1>A legend.</h1><p>Text.</p><hr /><p><a href="https://x.example/p">View Entire Post &rsaquo;</a></p>', '# A legend.\n\nText.'],
    ['a "Continue reading..." link', '<p>Body text. <a href="https://x.example/p">Continue reading...</a></p>', 'Body text.'],
    ['a "Continue reading <title>" link', '<p>Body <a class="more-link" href="https://x.example/p">Continue reading<span class="screen-reader-text"> "A title"</span></a></p>', 'Body'],
    ['a "Read more »" link', '<p>Body.</p><p><a href="https://x.example/p">Read more »</a></p>', 'Body.'],
    ['a plain "Read more…" line', '<p>Body.</p><p>Read more…</p>', 'Body.'],
    ['WordPress\'s "The post … appeared first on …"', '<p>Body [&#8230;]</p>\n<p>The post <a href="https://x.example/p">A &#038; B</a> appeared first on <a href="https://x.example">Site</a>.</p>', 'Body \\[…]'],
    ['a figcaption', '<figure><img src="https://img.example/a.jpg"><figcaption><a href="https://unsplash.com/@d">Daniel</a></figcaption></figure><p>Body.</p>', '![](https://img.example/a.jpg)\n\nBody.'],
    ['a credit by class', '<figure><img src="https://img.example/a.jpg"><div class="photo-credit">Snap</div></figure><p>Body.</p>', '![](https://img.example/a.jpg)\n\nBody.'],
    ['a caption by class', '<p>Body.</p><p class="wp-caption-text">The view from the top</p>', 'Body.'],
    ['a "Photo: …" credit line', '<p>Body.</p><p>Photo: Getty Images</p>', 'Body.'],
    ['a "Photo by … on Unsplash" credit line', '<p><em>Photo by Jane Doe on Unsplash</em></p><p>Body.</p>', 'Body.'],
    ['share links in a list', '<p>Body.</p><ul><li><a href="https://twitter.com/intent">Share on Twitter</a></li><li><a href="https://facebook.com/sharer">Share on Facebook</a></li></ul>', 'Body.'],
    ['"Tweet | Share" links', '<p>Body.</p><p><a href="https://twitter.com/intent">Tweet</a> | <a href="https://x.example/s">Share</a></p>', 'Body.'],
    ['a share block by class', '<p>Body.</p><div class="sharedaddy"><h3>Share this:</h3><a href="https://x.example/s">Email</a></div>', 'Body.'],
    ["Reddit's \"submitted by /u/… [link] [comments]\" after a self post", '<!-- SC_OFF --><div class="md"><p>Third no-show.</p></div><!-- SC_ON --> &#32; submitted by &#32; <a href="https://www.reddit.com/user/someone"> /u/someone </a> <br/> <span><a href="https://www.reddit.com/r/x/comments/1/t/">[link]</a></span> &#32; <span><a href="https://www.reddit.com/r/x/comments/1/t/">[comments]</a></span>', 'Third no-show.'],
    ["Reddit's footer in a link post's table", '<table><tr><td><a href="https://www.reddit.com/r/x/comments/2/t/"><img src="https://img.example/t.jpg" alt="Outage map"></a></td><td> &#32; submitted by &#32; <a href="https://www.reddit.com/user/someone"> /u/someone </a> <br/> <span><a href="https://outage.example/map">[link]</a></span></td></tr></table>', '[![Outage map](https://img.example/t.jpg)](https://www.reddit.com/r/x/comments/2/t/)'],
  ])('drops %s', (_what, html, markdown) => {
    expect(htmlToSafeMarkdown(html, 600, BASE).markdown).toBe(markdown);
  });

  it.each([
    ['a sentence that starts with "Read more"', '<p>Read more about the outage in <a href="https://x.example/r">our report</a>.</p>', 'Read more about the outage in [our report](https://x.example/r).'],
    ['a paragraph that mentions a photo', '<p>The photo shows the broken router.</p>', 'The photo shows the broken router.'],
    ['an image without a caption', '<p><img src="https://img.example/a.jpg" alt="router"></p><hr><p>After the rule.</p>', '![router](https://img.example/a.jpg)\n\n---\n\nAfter the rule.'],
    ['a table, as one paragraph per row with its caption', '<table><caption>Outages</caption><thead><tr><th>Town</th><th>Hours</th></tr></thead><tbody><tr><td>Leeds</td><td><a href="https://x.example/l">14</a></td></tr></tbody></table>', 'Outages\n\nTown Hours\n\nLeeds [14](https://x.example/l)'],
    ['"submitted by" in a sentence', '<p>The form I submitted by post never arrived, says <a href="https://www.reddit.com/user/someone">/u/someone</a>.</p>', 'The form I submitted by post never arrived, says [/u/someone](https://www.reddit.com/user/someone).'],
  ])('keeps %s', (_what, html, markdown) => {
    expect(htmlToSafeMarkdown(html, 600, BASE).markdown).toBe(markdown);
  });

  it('reports no links from the boilerplate it dropped, in the excerpt and in extractSafeLinks alike', () => {
    const html = '<p>See <a href="https://x.example/a">this</a>.</p><p><a href="https://twitter.com/intent">Share on Twitter</a></p><p>The post <a href="https://x.example/p">P</a> appeared first on <a href="https://x.example">S</a>.</p>';
    expect(htmlToSafeMarkdown(html, 600, BASE).links).toEqual(['https://x.example/a']);
    expect(extractSafeLinks(html, BASE)).toEqual(['https://x.example/a']);
  });
});
