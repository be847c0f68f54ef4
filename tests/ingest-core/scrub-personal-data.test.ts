import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeItem } from '../../src/core/ingest/normalize.ts';
import { scrubPersonalData } from '../../src/core/ingest/scrub-personal-data.ts';
import { parseCsvRecords } from '../../src/core/site/csv.ts';
import { toPlainParagraphs } from '../../src/core/site/text.ts';
import { CORPORA_SKIP_MESSAGE, HAS_CORPORA, corpusPath } from '../helpers/corpora.ts';

describe('scrubPersonalData removes', () => {
  it.each([
    ['an e-mail address', 'Write to jo.smith@mail.example.com for help', 'Write to [email removed] for help'],
    ['a plus-addressed e-mail', 'I used jo+acme-billing@example.co.uk to sign up', 'I used [email removed] to sign up'],
    ['an address with digits and underscores', 'from j_doe1984@example.org.', 'from [email removed].'],
    ['a mailto: address', 'contact mailto:help@acme.example now', 'contact [email removed] now'],
    ['an international phone (UK)', 'Call +44 20 7946 0958 today', 'Call [phone removed] today'],
    ['an international phone (US, brackets)', 'ring +1 (555) 123-4567.', 'ring [phone removed].'],
    ['an international phone (France)', 'au +33 1 23 45 67 89 svp', 'au [phone removed] svp'],
    ['an international phone (Germany, no spaces)', 'Tel +493012345678 bitte', 'Tel [phone removed] bitte'],
    ['a North American phone with dashes', 'my number is 555-123-4567', 'my number is [phone removed]'],
    ['a North American phone with brackets', 'their line (555) 123-4567 is dead', 'their line [phone removed] is dead'],
    ['a North American phone with dots', 'text 555.123.4567', 'text [phone removed]'],
    ['a toll-free number with a country code', 'dial 1-800-555-0199 and wait', 'dial [phone removed] and wait'],
    ['a national number with a trunk 0 (UK)', 'ring 020 7946 0958 or', 'ring [phone removed] or'],
    ['a national mobile number (UK)', 'my mobile 07911 123456', 'my mobile [phone removed]'],
    ['a national number in pairs (France)', 'appelez le 01 23 45 67 89', 'appelez le [phone removed]'],
    ['a bare number after a phone word', 'call me on 5551234567 please', 'call me on [phone removed] please'],
    ['a card number in groups of four', 'card 4111 1111 1111 1111 was charged', 'card [card number removed] was charged'],
    ['a card number with dashes', 'card 5555-5555-5555-4444.', 'card [card number removed].'],
    ['an Amex number (4-6-5)', 'Amex 3782 822463 10005 declined', 'Amex [card number removed] declined'],
    ['a card number in one run', 'used 6011111111111117 twice', 'used [card number removed] twice'],
    ['a card number followed by a list number', '1) 4111 1111 1111 1111 2) XXXX', '1) [card number removed] 2) XXXX'],
    ['a 19-digit card number', 'card 4000 0000 0000 0000 006 failed', 'card [card number removed] failed'],
    ['an IBAN in groups', 'refund to GB82 WEST 1234 5698 7654 32 please', 'refund to [account number removed] please'],
    ['an IBAN in one run', 'IBAN DE89370400440532013000.', 'IBAN [account number removed].'],
    ['an account number after the word', 'account number 12345678 was closed', 'account number [account number removed] was closed'],
    ['an account number with #', 'acct #9876-5432-10 frozen', 'acct #[account number removed] frozen'],
    ['a social security number', 'they asked for 123-45-6789 by chat', 'they asked for [ID number removed] by chat'],
  ])('%s', (_name, input, expected) => {
    expect(scrubPersonalData(input).text).toBe(expected);
  });
});

describe('scrubPersonalData keeps', () => {
  it.each([
    ['dates', 'On 2026-03-01, 01/03/2026, 01-03-2026 and 1.3.2026 nothing happened'],
    ['prices', 'charged $1,234.56 then €1.234,56 then 1234.00 and 18000.00 USD'],
    ['short order and ticket numbers', 'order #123-4567890, ticket 4827361, case 00123456, ref 778899'],
    ['an Amazon-style order number', 'order 112-1234567-1234567 never arrived'],
    ['years and spans of years', 'my account since 2019, account 2019-2020, in 2026'],
    ['times and version numbers', 'at 10:30, then 23:59:59; version 4.2.1 and 10.0.19045.3693'],
    ['web addresses with digits', 'see https://acme.example/orders/4111111111111111?phone=5551234567 and www.acme.example/555-123-4567'],
    ['a Markdown link target with digits', 'see [the thread](https://forum.example/t/5551234567/12)'],
    ['a fediverse handle', 'thanks @support@acme.social for the fix'],
    ['a bare @-handle', 'cc @AcmeCares and @jo'],
    ['a 16-digit number that fails the Luhn check', 'tracking 4111 1111 1111 1112 shows nothing'],
    ['a digit run that does not start like a card', 'shipment 9400111899223456789012 is stuck'],
    ['statute citations', 'under 15 U.S.C. 1681i and section 611 (15 U.S.C. § 1681i(a)(1)(A))'],
    ['the CFPB marks', 'On XX/XX/2019 I called XXXX at XXXX XXXX, account XXXX'],
    ['counts and percentages', '3 000 000 customers, 99.95 % uptime, 1 200 people'],
    ['a phone word before a date', 'called on 2026-03-01 12 times'],
    ['a model number', 'router model AX-5400 and BE 19000'],
    ['an IBAN-like word that fails the check', 'code GB00 WEST 1234 5698 7654 32 here'],
  ])('%s', (_name, input) => {
    expect(scrubPersonalData(input)).toEqual({ text: input, removed: [] });
  });
});

describe('scrubPersonalData in Markdown', () => {
  it('escapes the markers, so they stay text and read back as written', () => {
    const { text } = scrubPersonalData('Mail <jo@acme.example>(home) or 555-123-4567', 'markdown');
    expect(text).toBe('Mail \\[email removed\\] (home) or \\[phone removed\\]');
    expect(toPlainParagraphs(text)).toEqual(['Mail [email removed] (home) or [phone removed]']);
  });

  it('keeps the words of a mailto link and drops its address', () => {
    expect(scrubPersonalData('[write to Jo](mailto:jo@acme.example) or [jo@acme.example](mailto:jo@acme.example)', 'markdown').text).toBe('write to Jo or \\[email removed\\]');
  });

  it('says what it removed, one entry per replacement', () => {
    expect(scrubPersonalData('jo@a.example, +44 20 7946 0958, 4111 1111 1111 1111').removed).toEqual(['email', 'card', 'phone']);
  });
});

describe('normalizeItem scrubs at ingest', () => {
  it('stores the title, excerpt and matched passage without the e-mail address and phone number, and still matches the company', () => {
    const result = normalizeItem(
      {
        guid: 'topic-9',
        link: 'https://forum.example/t/9',
        title: 'Zephyr Telecom: call me back on +44 20 7946 0958',
        date: '2026-02-28T09:00:00Z',
        summary: '<p>Zephyr Telecom charged me twice. Write to <a href="mailto:jo@mail.example">jo@mail.example</a> or call 555-123-4567.</p>',
      },
      {
        company: { slug: 'zephyr-telecom', name: 'Zephyr Telecom', aliases: ['Zephyr Telecom'], exclude: [], official: { authors: [], domains: [] } },
        source: { url: 'https://forum.example/c.rss', channel: 'forum', voice: 'public', threaded: false, allAboutCompany: false, excerptChars: 600 },
        feedUrl: 'https://forum.example/c.rss',
        now: new Date('2026-03-01T12:00:00Z'),
      },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft.title).toBe('Zephyr Telecom: call me back on [phone removed]');
    expect(result.draft.excerpt).toBe('Zephyr Telecom charged me twice. Write to \\[email removed\\] or call \\[phone removed\\].');
    expect(result.draft.matchedPassage).not.toMatch(/7946|jo@/);
  });
});

describe.skipIf(!HAS_CORPORA)(HAS_CORPORA ? 'scrubPersonalData on the CFPB complaint narratives' : CORPORA_SKIP_MESSAGE, () => {
  it('finds nothing left to remove in 654 narratives the CFPB already scrubbed (amounts, dates, statutes and XXXX kept)', () => {
    const records = parseCsvRecords(readFileSync(corpusPath('cfpb-complaints-sample', 'complaints_sample.csv'), 'utf8'));
    const narratives = records.map((r) => r['Consumer complaint narrative'] ?? '').filter((text) => text !== '');
    expect(narratives).toHaveLength(654);
    const changed = narratives.map((text) => ({ text, result: scrubPersonalData(text) })).filter(({ result }) => result.removed.length > 0);
    expect(changed.map(({ result }) => result.removed)).toEqual([]);
  });

  it("removes what the CFPB's XXXX stands for when a narrative still holds it", () => {
    const records = parseCsvRecords(readFileSync(corpusPath('cfpb-complaints-sample', 'complaints_sample.csv'), 'utf8'));
    const narratives = records.map((r) => r['Consumer complaint narrative'] ?? '').filter((text) => text.includes('XXXX'));
    // Put back the kind of data the CFPB took out (every 4th mark an e-mail, phone, card or account number).
    const fillers = ['jo.doe+cfpb@mail.example.com', '(555) 123-4567', '4111 1111 1111 1111', 'account number 987654321'];
    let filled = 0;
    for (const narrative of narratives.slice(0, 200)) {
      let index = 0;
      const restored = narrative.replace(/(?<=\s)XXXX(?=\s)/g, (mark) => (index++ % 4 === 0 ? fillers[filled++ % fillers.length]! : mark));
      const { text } = scrubPersonalData(restored);
      for (const filler of fillers) expect(text).not.toContain(filler.replace('account number ', ''));
    }
    expect(filled).toBeGreaterThan(400);
  });
});
