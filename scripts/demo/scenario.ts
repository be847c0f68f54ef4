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
  /** The handle customers address the company by, e.g. "@ZephyrCares". */
  handle: string;
  domain: string;
  responseTargetHours: number;
  timeZone: string;
  intro: string;
  /** Customer posts (problems, questions, ideas, praise) opening a case per month, on average. */
  casesPerMonth: number;
  /** Press and blog articles about the company per month, on average (coverage: never scored). */
  coveragePerMonth: number;
  /** Chance that the company ever answers a case; it changes over the months (index 0 = oldest). */
  answerChance: (monthIndex: number) => number;
  /** Median hours to a first answer; answers are log-normally spread around it. */
  medianAnswerHours: number;
  /** Chance that an answered case is later resolved. */
  resolveChance: number;
  /** A customer post in the last hours before the end, not answered yet: inside the response target at the demo's `asOf`. */
  freshCase?: { kind: 'problem' | 'question'; hoursBeforeEnd: number };
  /** Where the public speaks: customers on social, forum and review sources; the press on news and blog searches. */
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
    handle: '@ZephyrCares',
    domain: 'zephyr.example',
    responseTargetHours: 24,
    timeZone: 'Europe/London',
    intro:
      'Zephyr Telecom is a fictional broadband and mobile provider. We watch it because its customers ' +
      'report the same billing errors month after month, and because it promised, in spring 2025, to ' +
      'answer every public complaint within a day. This page checks that promise.',
    casesPerMonth: 18,
    coveragePerMonth: 2,
    answerChance: (month) => (month < 9 ? 0.55 : 0.7),
    medianAnswerHours: 30,
    resolveChance: 0.45,
    freshCase: { kind: 'question', hoursBeforeEnd: 3 },
    publicSources: [
      { url: 'https://forum.broadband.example/c/zephyr.rss', channel: 'forum', threaded: true, name: 'Broadband Forum — Zephyr board' },
      { url: 'https://social.example/tags/zephyrtel.rss', channel: 'social', name: 'Social posts tagged #ZephyrTel' },
      { url: 'https://reviews.example/zephyr-telecom.atom', channel: 'reviews', name: 'Review site' },
      { url: 'https://news.example/search/zephyr.rss', channel: 'news', name: 'News search' },
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
    handle: '@BrightpathHelp',
    domain: 'brightpath.example',
    responseTargetHours: 8,
    timeZone: 'America/New_York',
    intro:
      'Brightpath Bank is a fictional online bank. Its support team is small and fast; the question ' +
      'readers asked us to follow is whether "fast" also means "fixed".',
    casesPerMonth: 12,
    coveragePerMonth: 4,
    answerChance: () => 0.93,
    medianAnswerHours: 3,
    resolveChance: 0.8,
    freshCase: { kind: 'problem', hoursBeforeEnd: 1 },
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
    handle: '@nimbus-eng',
    domain: 'nimbus.example',
    responseTargetHours: 4,
    timeZone: 'UTC',
    intro:
      'Nimbus Cloud is a fictional hosting platform. Outages are reported on its status page, usually ' +
      'after customers notice them first; support tickets raised in public are a different story.',
    casesPerMonth: 10,
    coveragePerMonth: 4,
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

/**
 * Problems customers raise; `{name}` is replaced by an alias of the company. Every title,
 * body and follow-up says what is wrong in words `inferMentionKind` reads as a problem.
 */
export const PROBLEMS: { title: string; body: string; followUp: string }[] = [
  { title: 'Charged twice for {name} this month', body: 'My statement shows two identical charges from {name} on the same day. I have called twice and been told it will "drop off", but it has not.', followUp: 'Still no refund for the double charge. Has anyone else managed to get this fixed?' },
  { title: '{name} outage since this morning', body: 'Nothing has worked since about 7am. The status page says all systems are operational, which is not what I see.', followUp: 'Six hours in and still down here. No response from {name} yet.' },
  { title: 'Cancelled with {name}, still being billed', body: 'I cancelled in writing and got a confirmation number, yet another invoice arrived. Who do I talk to?', followUp: 'Second invoice after cancelling. Filing a formal complaint now.' },
  { title: 'App keeps logging me out ({name})', body: 'Since the last update the {name} app signs me out every few minutes and asks for a new code each time. I cannot get anything done.', followUp: 'Reinstalled, cleared data, still broken.' },
  { title: '{name} support chat closes before anyone answers', body: 'Waited 40 minutes in the chat queue and the window closed itself. No transcript, no ticket number. Frustrating.', followUp: 'Tried again today: same result, still no response.' },
  { title: 'Price went up without notice — {name}', body: 'My plan went up by a third with no email or letter. The contract says 30 days notice. Unacceptable.', followUp: 'Found the notice buried in a PDF on their site. That is not notice, and I want to complain.' },
  { title: 'Data export from {name} is missing months', body: 'The export I requested covers only part of the year. I need the rest for my accounts.', followUp: 'Requested again and got the same partial file, still missing months.' },
  { title: '{name} engineer did not turn up', body: 'Took a day off for the appointment window. Nobody came and nobody called: I lost a day of pay.', followUp: 'Rebooked, and the second appointment failed too.' },
  { title: 'Password reset emails from {name} never arrive', body: 'Checked spam, tried two addresses. I am locked out of my account.', followUp: 'Still locked out after three days.' },
  { title: 'Wrong address on my {name} account after moving', body: 'Updated my address online, but letters still go to the old flat, and one with a new card got lost.', followUp: 'Updated it a second time; the old address came back. Unacceptable.' },
];

/** Questions customers ask in public ("How do I …?"): no complaint in them, so read as questions. */
export const QUESTIONS: { title: string; body: string }[] = [
  { title: 'How do I change the email address on my {name} account?', body: 'I have a new email address and the settings page only shows the old one. Is there a form for this?' },
  { title: 'How do I download my {name} statements as a spreadsheet?', body: 'My accountant would like the whole year in one file rather than twelve PDFs.' },
  { title: 'Does {name} offer a discount for students?', body: 'Starting university in September and comparing options.' },
  { title: 'Can I add a second person to my {name} account?', body: 'My partner would like access to the same account with their own login.' },
  { title: 'Where do I find my {name} customer number?', body: 'The phone menu asks for it and I have no idea where it is printed.' },
  { title: 'Is two-factor sign-in with a hardware key possible at {name}?', body: 'I would rather use my security key than text messages.' },
];

/** Suggestions customers make ("Feature request: …"): ideas, not complaints. */
export const IDEAS: { title: string; body: string }[] = [
  { title: 'Feature request: dark mode in the {name} app', body: 'It would be great to have a dark theme; the app is very bright at night.' },
  { title: 'Feature request: spending alerts by category from {name}', body: 'Please add alerts when a category goes over a budget I set myself.' },
  { title: 'Suggestion for {name}: a public roadmap', body: 'It would help to know which improvements are planned and roughly in what order.' },
  { title: 'Feature request: let {name} invoices go straight to my accounting tool', body: 'A direct export would save me an hour every month. Would be nice to have.' },
];

/** Customers thanking the company in public; `{handle}` is the company's handle. */
export const PRAISE: { title: string; body: string }[] = [
  { title: 'Thanks {handle}, fixed in minutes', body: 'Reported it this morning and it was sorted before lunch. Great support.' },
  { title: 'Kudos to {name} support', body: 'Friendly, quick, and they checked back the next day to make sure all was well. Impressed.' },
  { title: 'Great service from {name} today', body: 'Switched plans in five minutes, with a real person on the chat.' },
  { title: 'Well done {handle}', body: 'A clear answer the first time. More of this, please.' },
];

/**
 * Press and blog articles about the company: coverage, published on news and blog searches.
 * They talk about the company, not to it, so they are never scored, whatever words they use.
 */
export const COVERAGE: Record<'news' | 'blog', { title: string; body: string }[]> = {
  news: [
    { title: '{name} reports a rise in customer numbers', body: 'The company said it added customers in every region last quarter, helped by cheaper plans and a new app.' },
    { title: 'Regulator publishes complaint figures; {name} mid-table', body: 'The annual figures put {name} in the middle of its sector for complaints per 100,000 customers, slightly worse than last year.' },
    { title: '{name} names a new head of customer service', body: 'The appointment follows a year of criticism of waiting times on the phone and in the chat.' },
    { title: '{name} to change its prices from next quarter', body: 'Most customers will see a small rise; the company says existing discounts will be honoured.' },
    { title: '{name} pledges to answer public complaints within a day', body: 'The company told reporters that every complaint raised in public would get an answer within 24 hours.' },
    { title: 'Analysts expect {name} to expand abroad', body: 'Two brokers said the company is likely to announce a move into a neighbouring market next year.' },
  ],
  blog: [
    { title: 'Six months with {name}: an honest review', body: 'What worked, what did not, and whether we would choose it again.' },
    { title: 'Comparing {name} with its rivals on price', body: 'We priced the same setup at four providers; {name} came second.' },
    { title: 'Moving our side project to {name}: notes', body: 'A weekend migration, the gotchas we hit, and the bill after the first month.' },
    { title: 'What the latest {name} announcement means for small teams', body: 'A close reading of the new plans and their limits.' },
  ],
};

/** A customer answering the company's answer because it did not help (a follow-up problem). */
export const CUSTOMER_REPLIES = [
  '{handle} I sent the message two days ago and still no response.',
  'Thanks, but it is still not working for me.',
  'That did not help: the charge is still there and no refund has arrived.',
];

/** A customer answering the company's fix with thanks (a follow-up that is praise). */
export const THANKS_REPLIES = ['Thanks {handle}, all sorted now.', 'Thank you {handle}, that did the trick.'];

/** The company answering a customer who replied to its answer. */
export const SECOND_ANSWERS = [
  'Sorry to hear that. We have escalated it to our specialist team and will update you here.',
  'Thanks for your patience. We can see your message now and have replied to it.',
];

/** The company answering a question: the answer settles it. */
export const QUESTION_ANSWERS = [
  'You can do this in the app under Settings → Account; our help centre has a step-by-step guide.',
  'Yes: send us a direct message and we will set it up for you today.',
];

/** The company thanking a customer for an idea. */
export const IDEA_ANSWERS = ['Thanks for the suggestion: we have passed it to our product team.'];

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
export const SURNAMES = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Patel', 'Brennan', 'Silva', 'Novak'];
