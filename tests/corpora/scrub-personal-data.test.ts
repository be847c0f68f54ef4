import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../scripts/harness/corpora.ts';
import { scrubPersonalData } from '../../src/core/ingest/scrub-personal-data.ts';
import { parseCsvRecords } from '../../src/core/site/csv.ts';
import { CORPORA, skipWithout } from '../helpers/requirements.ts';

describe.skipIf(skipWithout(CORPORA))('scrubPersonalData on the CFPB complaint narratives', () => {
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
