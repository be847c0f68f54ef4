/**
 * YouTube serves a channel's newest videos as Atom at
 * `https://www.youtube.com/feeds/videos.xml?channel_id=<UC…>` (title, `media:group` with the
 * description). Fetch reads each video as a published episode, so videos are coverage; a
 * company's own channel is its voice with `voice: company`.
 */
import { buildUrl, definePreset, requiredMatching } from './preset.ts';

export const youtubeChannel = definePreset({
  name: 'youtube-channel',
  summary: "A YouTube channel's newest videos (coverage; voice: company for the company's own channel).",
  fields: { channelId: requiredMatching('youtube-channel', 'channelId', 'the channel id from its address, "UC" and 22 characters, e.g. "UCxxxxxxxxxxxxxxxxxxxxxx"', /^UC[A-Za-z0-9_-]{22}$/) },
  expand: ({ channelId }) => [{ url: buildUrl('https://www.youtube.com', '/feeds/videos.xml', { channel_id: channelId }), name: `YouTube channel ${channelId}`, channel: 'social', voice: 'public' }],
});
