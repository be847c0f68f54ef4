/** The build part file: which part of the site one astro build makes, refused with a reason when malformed. */
import { describe, expect, it } from 'vitest';
import { buildsCompanyPages, buildsSitePages, companiesToRead, parseBuildPart, WHOLE_SITE } from '../../../src/core/shards/build-part.ts';

const shard = { kind: 'shard', name: 'shard-1', companies: ['acme', 'globex'], siteCompanyCount: 5, recordsDir: '/tmp/records' };
const hub = { kind: 'hub', recordsDirs: ['/tmp/a', '/tmp/b'], sitemapPages: ['https://example.org/cases/acme/x/'] };

describe('build parts', () => {
  it('reads a shard and a hub', () => {
    expect(parseBuildPart(JSON.stringify(shard), 'part.json')).toEqual(shard);
    expect(parseBuildPart(JSON.stringify(hub), 'part.json')).toEqual(hub);
  });

  it('says what each part reads and writes', () => {
    const [s, h] = [parseBuildPart(JSON.stringify(shard), 'p'), parseBuildPart(JSON.stringify(hub), 'p')];
    expect([buildsCompanyPages(WHOLE_SITE), buildsSitePages(WHOLE_SITE), companiesToRead(WHOLE_SITE)]).toEqual([true, true, null]);
    expect([buildsCompanyPages(s), buildsSitePages(s), [...companiesToRead(s)!]]).toEqual([true, false, ['acme', 'globex']]);
    expect([buildsCompanyPages(h), buildsSitePages(h), [...companiesToRead(h)!]]).toEqual([false, true, []]);
  });

  it('refuses a file that is not JSON or not a part, naming the file and the field', () => {
    expect(() => parseBuildPart('{', 'part.json')).toThrow(/^part\.json: not JSON/);
    expect(() => parseBuildPart(JSON.stringify({ ...shard, companies: ['Not A Slug'] }), 'part.json')).toThrow(/part\.json: not a build part: companies\.0/);
    expect(() => parseBuildPart(JSON.stringify({ kind: 'everything' }), 'part.json')).toThrow(/not a build part/);
  });
});
