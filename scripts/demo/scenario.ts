/**
 * The demo watch blog's cast: three fictional companies with different habits, and the
 * phrases their customers and support teams use. Data only; `generate.ts` plays it out.
 */
import type { Channel } from '../../src/core/schemas.ts';

export type DemoCompany = {
  slug: string;
  name: string;
  aliases: string[];
  exclude: string[];
  officialAuthors: string[];
  domain: string;
  responseTargetHours: number;
  timeZone: string;
  intro: string;
  /** Cases opened per month, on average. */
  casesPerMonth: number;
  /** Chance that the company ever answers a case; it changes over the months (index 0 = oldest). */
  answerChance: (monthIndex: number) => number;
  /** Median hours to a first answer; answers are log-normally spread around it. */
  medianAnswerHours: number;
  /** Chance that an answered case is later resolved. */
  resolveChance: number;
  publicSources: { url: string; channel: Channel; threaded?: boolean; name: string }[];
  companySources: { url: string; channel: Channel; threaded?: boolean; name: string }[];
};

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    slug: 'zephyr-telecom',
    name: 'Zephyr Telecom',
    aliases: ['Zephyr Telecom', 'ZephyrTel', 'Zephyr'],
    exclude: ['stock', 'shares', 'zephyr wind'],
    officialAuthors: ['ZephyrCares', 'Zephyr Support'],
    domain: 'zephyr.example',
    responseTargetHours: 24,
    timeZone: 'Europe/London',
    intro:
      'Zephyr Telecom is a fictional broadband and mobile provider. We watch it because its customers ' +
      'report the same billing errors month after month, and because it promised, in spring 2025, to ' +
      'answer every public complaint within a day. This page checks that promise.',
    casesPerMonth: 18,
    answerChance: (month) => (month < 9 ? 0.55 : 0.7),
    medianAnswerHours: 30,
    resolveChance: 0.45,
    publicSources: [
      { url: 'https://forum.broadband.example/c/zephyr.rss', channel: 'forum', threaded: true, name: 'Broadband Forum — Zephyr board' },
      { url: 'https://social.example/tags/zephyrtel.rss', channel: 'social', name: 'Social posts tagged #ZephyrTel' },
      { url: 'https://reviews.example/zephyr-telecom.atom', channel: 'reviews', name: 'Review site' },
    ],
    companySources: [
      { url: 'https://social.example/@ZephyrCares.rss', channel: 'social', name: '@ZephyrCares' },
      { url: 'https://zephyr.example/newsroom.atom', channel: 'blog', name: 'Zephyr newsroom' },
    ],
  },
  {
    slug: 'brightpath-bank',
    name: 'Brightpath Bank',
    aliases: ['Brightpath Bank', 'Brightpath'],
    exclude: ['brightpath trail'],
    officialAuthors: ['BrightpathHelp'],
    domain: 'brightpath.example',
    responseTargetHours: 8,
    timeZone: 'America/New_York',
    intro:
      'Brightpath Bank is a fictional online bank. Its support team is small and fast; the question ' +
      'readers asked us to follow is whether "fast" also means "fixed".',
    casesPerMonth: 12,
    answerChance: () => 0.93,
    medianAnswerHours: 3,
    resolveChance: 0.8,
    publicSources: [
      { url: 'https://social.example/tags/brightpath.rss', channel: 'social', name: 'Social posts mentioning Brightpath' },
      { url: 'https://moneyforum.example/brightpath/topics.atom', channel: 'forum', threaded: true, name: 'Money Forum — Brightpath' },
      { url: 'https://news.example/search/brightpath.rss', channel: 'news', name: 'News search' },
    ],
    companySources: [
      { url: 'https://social.example/@BrightpathHelp.rss', channel: 'social', name: '@BrightpathHelp' },
      { url: 'https://help.brightpath.example/answers.atom', channel: 'support', name: 'Brightpath help centre answers' },
    ],
  },
  {
    slug: 'nimbus-cloud',
    name: 'Nimbus Cloud',
    aliases: ['Nimbus Cloud', 'NimbusCloud'],
    exclude: ['nimbus 2000', 'cumulonimbus'],
    officialAuthors: ['Nimbus Status', 'nimbus-eng'],
    domain: 'nimbus.example',
    responseTargetHours: 4,
    timeZone: 'UTC',
    intro:
      'Nimbus Cloud is a fictional hosting platform. Outages are reported on its status page, usually ' +
      'after customers notice them first; support tickets raised in public are a different story.',
    casesPerMonth: 10,
    answerChance: (month) => (month < 12 ? 0.8 : 0.5),
    medianAnswerHours: 5,
    resolveChance: 0.75,
    publicSources: [
      { url: 'https://devforum.example/tags/nimbus.rss', channel: 'forum', threaded: true, name: 'Dev Forum — nimbus tag' },
      { url: 'https://blogs.example/search/nimbus-cloud.atom', channel: 'blog', name: 'Blog search' },
    ],
    companySources: [
      { url: 'https://status.nimbus.example/history.atom', channel: 'status', threaded: true, name: 'Nimbus status page' },
      { url: 'https://nimbus.example/blog/feed.xml', channel: 'blog', name: 'Nimbus engineering blog' },
    ],
  },
];

/** Problems customers raise; `{name}` is replaced by an alias of the company. */
export const PROBLEMS: { title: string; body: string; followUp: string }[] = [
  { title: 'Charged twice for {name} this month', body: 'My statement shows two identical charges from {name} on the same day. I have called twice and been told it will "drop off", but it has not.', followUp: 'Still no refund for the double charge. Has anyone else managed to get this fixed?' },
  { title: '{name} outage since this morning', body: 'Nothing has worked since about 7am. The status page says all systems are operational, which is not what I see.', followUp: 'Six hours in and still down here. A word from {name} would help.' },
  { title: 'Cancelled with {name}, still being billed', body: 'I cancelled in writing and got a confirmation number, yet another invoice arrived. Who do I talk to?', followUp: 'Second invoice after cancelling. Filing a formal complaint now.' },
  { title: 'App keeps logging me out ({name})', body: 'Since the last update the {name} app signs me out every few minutes and asks for a new code each time.', followUp: 'Reinstalled, cleared data, same thing. Anyone found a workaround?' },
  { title: '{name} support chat closes before anyone answers', body: 'Waited 40 minutes in the chat queue and the window closed itself. No transcript, no ticket number.', followUp: 'Tried again today: same result.' },
  { title: 'Price went up without notice — {name}', body: 'My plan went up by a third with no email or letter. The contract says 30 days notice.', followUp: 'Found the notice buried in a PDF on their site. That is not notice.' },
  { title: 'Data export from {name} is missing months', body: 'The export I requested covers only part of the year. I need the rest for my accounts.', followUp: 'Requested again and got the same partial file.' },
  { title: '{name} engineer did not turn up', body: 'Took a day off for the appointment window. Nobody came and nobody called.', followUp: 'Rebooked for next week. Fingers crossed.' },
  { title: 'Password reset emails from {name} never arrive', body: 'Checked spam, tried two addresses. I am locked out of my account.', followUp: 'Still locked out after three days.' },
  { title: 'Wrong address on my {name} account after moving', body: 'Updated my address online, but letters still go to the old flat.', followUp: 'Updated it a second time; the old address came back.' },
];

export const ANSWERS = [
  'Sorry about this. We have found the problem on your account and passed it to the right team; expect an update within two working days.',
  'Thanks for flagging it. Could you send us a direct message with your account number so we can look into this?',
  'We are aware of the issue and our engineers are working on it. We will post here as soon as we know more.',
  'Apologies for the trouble. This is a known issue with the latest release and a fix is being rolled out.',
];

export const RESOLUTIONS = [
  'This is now fixed. The duplicate charge has been refunded and should show within three working days.',
  'Resolved: the fix is live for all customers. Thanks for your patience.',
  'We have corrected your account and applied a credit for the inconvenience.',
];

export const FIRST_NAMES = ['Dana', 'Priya', 'Marco', 'Leila', 'Tom', 'Aiko', 'Sam', 'Grace', 'Olu', 'Ines', 'Kofi', 'Hana', 'Ravi', 'Zoe', 'Felix', 'Mina'];
