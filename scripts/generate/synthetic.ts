/**
 * A synthetic watch blog of any size, in the real content format, for benchmarks and scale
 * tests: `companies` companies sharing about `mentions` mentions over two years. The shape is
 * fixed here, before any optimisation, and meant to look like a real watch blog rather than
 * to be easy to build:
 * - very different company sizes: the largest holds 40 % of all mentions, the others follow
 *   a Zipf curve;
 * - every company answers differently: from mostly silent to fast and thorough (answer
 *   chance, log-normal answer delays around its own median, resolutions);
 * - conversations: people chiming in, customers answering answers, second answers, thanks;
 * - an outage week per company, when problems pour in;
 * - the maintainer's hand: merges and resolutions in case files;
 * - text with enough distinct words (places, products, amounts) for search to index.
 * Pure and seeded: the same options always give the same files. It plays each company's
 * history with the demo's own scenario (scripts/demo/generate.ts), so the two never drift.
 */
import { createRandom } from '../demo/random.ts';
import { buildCompanyFile, generateCompany, type DemoFile } from '../demo/generate.ts';
import type { DemoCompany } from '../demo/scenario.ts';

export type SyntheticOptions = { companies: number; mentions: number; seed: number; end: Date };

/** Months of history: two years, as a watch blog that has run for a while. */
export const SYNTHETIC_MONTHS = 24;
/** The largest company's share of all mentions. */
export const LARGEST_COMPANY_SHARE = 0.4;
/** The Zipf exponent of the other companies' sizes. */
const ZIPF_EXPONENT = 1.1;
/** Customer posts opening cases per month in the pilot run that measures mentions per case. */
const PILOT_CASES_PER_MONTH = 40;

const NAME_PARTS = ['Acme', 'Borealis', 'Cobalt', 'Dunmore', 'Everlight', 'Foxglove', 'Granite', 'Harbor', 'Ironwood', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Northwind', 'Orchid', 'Pinnacle', 'Quarry', 'Riverside', 'Summit', 'Tidewater'];
const SECTORS = ['Broadband', 'Bank', 'Energy', 'Airways', 'Insurance', 'Mobile', 'Cloud', 'Rail', 'Water', 'Retail'];
const TIME_ZONES = ['Europe/London', 'America/New_York', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'UTC'];
const TARGET_HOURS = [4, 8, 24, 48];
const PLACES = ['Leeds', 'Lyon', 'Porto', 'Denver', 'Osaka', 'Tampere', 'Cork', 'Bergen', 'Tucson', 'Utrecht', 'Graz', 'Halifax', 'Nagoya', 'Perth', 'Quito', 'Malmo'];
const THINGS = ['router', 'invoice', 'app', 'card', 'meter', 'booking', 'parcel', 'password', 'contract', 'refund', 'modem', 'statement', 'ticket', 'upgrade', 'login', 'delivery'];

/** Relative sizes: the largest company LARGEST_COMPANY_SHARE, the rest on a Zipf curve. */
export function companyShares(count: number): number[] {
  if (count === 1) return [1];
  const weights = Array.from({ length: count - 1 }, (_, index) => 1 / (index + 1) ** ZIPF_EXPONENT);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return [LARGEST_COMPANY_SHARE, ...weights.map((weight) => ((1 - LARGEST_COMPANY_SHARE) * weight) / total)];
}

/** The n-th synthetic company, with its own way of answering; casesPerMonth is set later. */
function syntheticCompany(index: number, random: () => number): DemoCompany {
  const first = NAME_PARTS[index % NAME_PARTS.length]!;
  const sector = SECTORS[Math.floor(index / NAME_PARTS.length) % SECTORS.length]!;
  const round = Math.floor(index / (NAME_PARTS.length * SECTORS.length));
  const name = `${first} ${sector}${round > 0 ? ` ${round + 1}` : ''}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const handle = `${first}${sector}Help${round > 0 ? round + 1 : ''}`;
  const domain = `${slug}.example`;
  const silence = random();
  const early = 0.15 + 0.75 * silence;
  const late = Math.min(0.95, Math.max(0.05, early + (random() - 0.5) * 0.3));
  return {
    slug,
    name,
    aliases: [name, `${first}${sector}`],
    exclude: [],
    officialAuthors: [handle],
    handle: `@${handle}`,
    domain,
    responseTargetHours: TARGET_HOURS[Math.floor(random() * TARGET_HOURS.length)]!,
    timeZone: TIME_ZONES[index % TIME_ZONES.length]!,
    intro: `${name} is a synthetic company made by \`npm run generate\`.`,
    casesPerMonth: 0,
    coveragePerMonth: 0,
    answerChance: (month) => (month < SYNTHETIC_MONTHS / 2 ? early : late),
    medianAnswerHours: 1 + random() * 71,
    resolveChance: 0.15 + random() * 0.5,
    publicSources: [
      { url: `https://forum.example/c/${slug}.rss`, channel: 'forum', threaded: true, name: `Forum — ${name} board` },
      { url: `https://social.example/tags/${slug}.rss`, channel: 'social', name: `Social posts about ${name}` },
      { url: `https://reviews.example/${slug}.atom`, channel: 'reviews', name: 'Review site' },
      { url: `https://news.example/search/${slug}.rss`, channel: 'news', name: 'News search' },
    ],
    companySources: [
      { url: `https://social.example/@${handle}.rss`, channel: 'social', name: `@${handle}` },
      { url: `https://status.${domain}/history.atom`, channel: 'status', threaded: true, name: `${name} status` },
    ],
  };
}

function countMentions(files: readonly DemoFile[]): number {
  return files.filter((file) => file.path.startsWith('mentions/')).length;
}

/**
 * A detail sentence that makes one post's text its own (a place, a thing, an amount, a
 * reference number), as real posts are: otherwise thousands of posts share a dozen sentences
 * and a search index is unrealistically small.
 */
function detailOf(random: () => number): string {
  const place = PLACES[Math.floor(random() * PLACES.length)]!;
  const thing = THINGS[Math.floor(random() * THINGS.length)]!;
  const reference = 10_000 + Math.floor(random() * 90_000);
  return `(${place}, ${thing}, reference ${reference}, ${Math.floor(random() * 400)} EUR)`;
}

/** The whole synthetic watch blog: company files, mentions, responses and case files. */
export function generateSyntheticWatchblog(options: SyntheticOptions): DemoFile[] {
  const random = createRandom(options.seed);
  const shares = companyShares(options.companies);
  const files: DemoFile[] = [];
  shares.forEach((share, index) => {
    const company = syntheticCompany(index, random);
    const seed = options.seed + index * 7919;
    const target = Math.max(1, Math.round(options.mentions * share));
    // How many mentions does one case per month make for this company? Measured, not guessed:
    // answers, chime-ins and replies depend on its answer chance and the scenario.
    const pilot = countMentions(generateCompany({ ...company, casesPerMonth: PILOT_CASES_PER_MONTH, coveragePerMonth: PILOT_CASES_PER_MONTH / 10 }, seed, options.end, { months: SYNTHETIC_MONTHS }));
    const mentionsPerCaseMonth = Math.max(1, pilot / PILOT_CASES_PER_MONTH);
    // About 85 % of the mentions make up the usual traffic, 5 % the outage week, the rest coverage.
    const casesPerMonth = (0.95 * target) / mentionsPerCaseMonth;
    const sized: DemoCompany = { ...company, casesPerMonth, coveragePerMonth: casesPerMonth / 10 };
    const extraCases = Math.round((0.05 * target * SYNTHETIC_MONTHS) / mentionsPerCaseMonth);
    const history = generateCompany(sized, seed, options.end, {
      months: SYNTHETIC_MONTHS,
      outageWeek: { month: Math.floor(random() * (SYNTHETIC_MONTHS - 1)), extraCases },
      maintainerEdits: Math.max(1, Math.round(target / 2_000)),
    });
    files.push(buildCompanyFile(company, company.intro));
    for (const file of history) files.push(file.path.startsWith('mentions/') ? { ...file, body: `${file.body} ${detailOf(random)}` } : file);
  });
  return files;
}
