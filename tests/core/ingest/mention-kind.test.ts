import { describe, expect, it } from 'vitest';
import { inferMentionKind, type MentionKindInput } from '../../../src/core/ingest/mention-kind.ts';

function input(title: string, text = '', overrides: Partial<MentionKindInput> = {}): MentionKindInput {
  return { title, text, channel: 'forum', ...overrides };
}

describe('inferMentionKind', () => {
  it.each([
    ['a maintainer-set source kind wins over the text', input('My router is broken', '', { sourceKind: 'praise' }), 'praise'],
    ['a news item is coverage even when it reports trouble', input('Zephyr outage leaves thousands offline', '', { channel: 'news' }), 'coverage'],
    ['a blog post is coverage even in the first person', input('I was charged twice by Zephyr', '', { channel: 'blog' }), 'coverage'],
    ['a news item that replies to the company is read from its text', input('My refund never arrived', '', { channel: 'news', repliesToCompany: true }), 'problem'],
    ['a first-person complaint in a forum is a problem', input('Zephyr charged me twice this month'), 'problem'],
    ['a first-person question in a forum is a question', input('How do I move my number to Zephyr?'), 'question'],
    ['a question opener without a question mark still asks', input('Can I pause my plan while abroad', ''), 'question'],
    ['a question in the first sentence of the text counts', input('Roaming', 'Is there a way to turn off my roaming? I travel a lot.'), 'question'],
    ['a first-person suggestion is an idea', input('Zephyr app', 'It would be nice if my bills came as PDF.'), 'idea'],
    ['first-person thanks are praise', input('Thank you Zephyr', 'The engineer fixed my line in an hour, amazing.'), 'praise'],
    ['a third-person report of trouble in a forum is coverage', input('Scammers stole a million from Zephyr stores'), 'coverage'],
    ['a third-person complaint on social media is a problem', input('Zephyr engineer did not turn up', 'Took a day off. Nobody came and nobody called.', { channel: 'social' }), 'problem'],
    ['a complaint in a forum needs no first person', input('Zephyr support chat closes before anyone answers', 'Waited 40 minutes and the window closed itself.'), 'problem'],
    ['a question to the crowd, not about the writer, is coverage', input('Which myth annoys you the most?'), 'coverage'],
    ['a title that opens with "How" but does not ask is not a question', input('How I painted my kitchen'), 'coverage'],
    ['forum chatter with no complaint, question or praise is coverage', input('Nailed it!', 'submitted to gifs'), 'coverage'],
    ['a support item with no telling words is a problem', input('Account 4411', 'Please look at the attached letter.', { channel: 'support' }), 'problem'],
    ['a support complaint in the third person is still a problem', input('Incorrect information on the report', 'The bureau is reporting inaccurate information.', { channel: 'support' }), 'problem'],
    ['a review with complaint words is a problem', input('Two stars', 'Delivery was delayed twice.', { channel: 'reviews' }), 'problem'],
    ['a reply to the company with no telling words is a problem', input('Re: your update', 'see above', { channel: 'social', repliesToCompany: true }), 'problem'],
    ['a social post by someone else about their own news is coverage', input('', 'Got a wedding date!', { channel: 'social' }), 'coverage'],
    ['a post that @-mentions the company’s account speaks to it', input('', '@AcmeCares no signal at home since Monday', { channel: 'social', companyHandles: ['AcmeCares'] }), 'problem'],
    ['an @-mention of someone else does not', input('', '@SomeoneElse no signal at home since Monday', { channel: 'social', companyHandles: ['AcmeCares'] }), 'coverage'],
    ['a third-person question on social media that names the company is a question', input('Does Zephyr offer a discount for students?', '', { channel: 'social', companyNames: ['Zephyr Telecom', 'Zephyr'] }), 'question'],
    ['praise that names the company is praise', input('Kudos to Zephyr support', 'Sorted in ten minutes.', { channel: 'forum', companyNames: ['Zephyr'] }), 'praise'],
    ['a crowd question that does not name the company stays coverage', input('Which phone plan is best?', '', { channel: 'social', companyNames: ['Zephyr'] }), 'coverage'],
    ['a published episode is coverage whatever its channel', input('Episode 12: my phone is broken', '', { channel: 'social', isEpisode: true }), 'coverage'],
    ['praise that borrows a complaint word is praise', input("Can't recommend Acme enough, thank you!", '', { channel: 'social', companyNames: ['Acme'] }), 'praise'],
    ['praise with "never" is praise', input('Never had a better support experience than with Acme, thanks!', '', { channel: 'forum', companyNames: ['Acme'] }), 'praise'],
    ['praise with "no problem" is praise', input('Acme support is the best, no problem at all since switching, thank you', '', { channel: 'social', companyNames: ['Acme'] }), 'praise'],
    ['thanks before a complaint is a problem', input("Thanks, but I still can't log in to Acme", '', { channel: 'social', companyNames: ['Acme'] }), 'problem'],
    ['thanks for nothing with a real complaint is a problem', input('Thanks for nothing Acme, my router is still broken', '', { channel: 'social', companyNames: ['Acme'] }), 'problem'],
    ['a lower-case "i" in "i.e." is not the writer speaking', input('Plans compared', 'Prices, i.e. monthly amounts, are listed in the table. Which is best?'), 'coverage'],
  ] as const)('%s', (_title, given, expected) => {
    expect(inferMentionKind(given)).toBe(expected);
  });

  it('gives the same answer for the same input (no hidden state)', () => {
    const given = input('Why was my bill higher?', 'I was charged a fee.');
    expect(inferMentionKind(given)).toBe(inferMentionKind({ ...given }));
  });
});
