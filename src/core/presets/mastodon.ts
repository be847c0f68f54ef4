/**
 * Mastodon serves an account's public posts at `https://<instance>/@<user>.rss` and a hashtag's
 * at `https://<instance>/tags/<tag>.rss` (RSS 2.0; a post has no title, its text is the
 * description). An account is usually the company's own, so it speaks in the company's voice
 * unless the entry says `voice: public`.
 */
import { buildUrl, definePreset, requiredMatching, siteField } from './preset.ts';

const ACCOUNT = /^@?[A-Za-z0-9_]{1,30}@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
const TAG = /^#?[\p{L}\p{N}_]{1,100}$/u;

/** "@AcmeHelp@mastodon.social" → { user: "AcmeHelp", host: "mastodon.social" }. */
function splitAccount(account: string): { user: string; host: string } {
  const [user = '', host = ''] = account.replace(/^@/, '').split('@');
  return { user, host };
}

export const mastodonAccount = definePreset({
  name: 'mastodon-account',
  summary: "A Mastodon account's public posts (the company's own account: its voice).",
  fields: { account: requiredMatching('mastodon-account', 'account', 'the full handle, e.g. "@AcmeHelp@mastodon.social"', ACCOUNT) },
  expand: ({ account }) => {
    const { user, host } = splitAccount(account);
    return [{ url: `https://${host}/@${user}.rss`, name: `@${user}@${host}`, channel: 'social', voice: 'company' }];
  },
});

export const mastodonTag = definePreset({
  name: 'mastodon-tag',
  summary: "Public Mastodon posts with the company's hashtag, as one instance sees them (every post counts).",
  fields: {
    instance: siteField('mastodon-tag', 'instance', 'mastodon.social'),
    tag: requiredMatching('mastodon-tag', 'tag', 'a hashtag without spaces, e.g. "AcmeBroadband"', TAG),
  },
  expand: ({ instance, tag }) => {
    const name = tag.replace(/^#/, '');
    return [{ url: buildUrl(instance, `/tags/${encodeURIComponent(name)}.rss`), name: `#${name} on ${new URL(instance).host}`, channel: 'social', voice: 'public', allAboutCompany: true }];
  },
});
