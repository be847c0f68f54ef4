import { describe, expect, it } from 'vitest';
import type { ItemDraft } from '../../../src/core/ingest/types.ts';
import { computeExcerptDigest } from '../../../src/core/write/digest.ts';
import { buildItemPath } from '../../../src/core/write/file-names.ts';
import { parseContentFile, serializeContentFile } from '../../../src/core/write/front-matter.ts';
import { MentionSchema } from '../../../src/core/schemas.ts';
import { planWrites, type ExistingContent, type ExistingItem } from '../../../src/core/write/plan-writes.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

function draft(overrides: Partial<ItemDraft> = {}): ItemDraft {
  return {
    kind: 'mention',
    id: 'a1b2c3d4e5f60718',
    company: 'acme',
    source: 'https://forum.example/acme.rss',
    channel: 'forum',
    voice: 'public',
    url: 'https://forum.example/t/1',
    canonicalUrl: 'https://forum.example/t/1',
    title: 'Acme broke my router',
    author: 'dana',
    publishedAt: '2026-03-01T09:30:00.000Z',
    fetchedAt: NOW.toISOString(),
    links: [],
    inReplyTo: [],
    excerpt: 'It stopped working.',
    ...overrides,
  };
}

const EMPTY: ExistingContent = { items: [], occupiedPaths: new Set(), ledgers: {} };

/** The file a first run writes for a draft, as an ExistingItem (optionally edited). */
function onDisk(d: ItemDraft, edit: (data: Record<string, unknown>, body: string) => [Record<string, unknown>, string] = (a, b) => [a, b]): ExistingItem {
  const plan = planWrites([d], EMPTY);
  const write = plan.writes[0]!;
  const parsed = parseContentFile(write.text);
  if (!parsed.ok) throw new Error(parsed.message);
  const [data, body] = edit(parsed.file.data, parsed.file.body);
  return { path: write.path, data, body };
}

/** Content as a previous run left it: the files and the ledger listing them. */
function existing(...items: ExistingItem[]): ExistingContent {
  return { items, occupiedPaths: new Set(items.map((i) => i.path)), ledgers: { acme: items.map((i) => String(i.data.id)) } };
}

describe('planWrites', () => {
  it('creates a mention at mentions/<company>/<date>-<id>.md with the machine fields in a stable order', () => {
    const plan = planWrites([draft()], EMPTY);
    expect(plan.writes).toHaveLength(1);
    const write = plan.writes[0]!;
    expect(write.action).toBe('create');
    expect(write.path).toBe('mentions/acme/2026-03-01-a1b2c3d4e5f60718.md');
    expect(write.text).toMatchInlineSnapshot(`
      "---
      id: "a1b2c3d4e5f60718"
      company: "acme"
      source: "https://forum.example/acme.rss"
      channel: "forum"
      url: "https://forum.example/t/1"
      canonicalUrl: "https://forum.example/t/1"
      title: "Acme broke my router"
      author: "dana"
      publishedAt: "2026-03-01T09:30:00.000Z"
      fetchedAt: "2026-03-10T12:00:00.000Z"
      links: []
      inReplyTo: []
      hidden: false
      excerptDigest: "${computeExcerptDigest('It stopped working.')}"
      ---
      It stopped working.
      "
    `);
    expect(plan.ledgers).toEqual([{ company: 'acme', path: 'state/seen/acme.txt', text: 'a1b2c3d4e5f60718\n', added: 1 }]);
  });

  it('puts a response under responses/ with empty editor fields', () => {
    const write = planWrites([draft({ kind: 'response', voice: 'company' })], EMPTY).writes[0]!;
    expect(write.path).toBe('responses/acme/2026-03-01-a1b2c3d4e5f60718.md');
    expect(write.text).toContain('respondsTo: []\nresolves: false\n');
  });

  it.each([
    ['the same id twice in one feed', [draft(), draft({ title: 'again' })]],
    ['the same canonical URL under another guid', [draft(), draft({ id: 'ffffffffffffffff' })]],
  ])('collapses %s into one file', (_name, drafts) => {
    const plan = planWrites(drafts, EMPTY);
    expect(plan.writes.map((w) => w.id)).toEqual(['a1b2c3d4e5f60718']);
    expect(plan.keeps.map((k) => k.reason)).toEqual(['duplicate']);
  });

  it('writes nothing when the feed repeats an item already on disk', () => {
    const plan = planWrites([draft()], existing(onDisk(draft())));
    expect(plan.writes).toEqual([]);
    expect(plan.ledgers).toEqual([]);
    expect(plan.keeps).toEqual([{ company: 'acme', id: 'a1b2c3d4e5f60718', reason: 'unchanged', path: 'mentions/acme/2026-03-01-a1b2c3d4e5f60718.md' }]);
  });

  it('backfills the ledger with the ids of files already on disk', () => {
    const plan = planWrites([draft()], { ...existing(onDisk(draft())), ledgers: {} });
    expect(plan.writes).toEqual([]);
    expect(plan.ledgers.map((l) => l.text)).toEqual(['a1b2c3d4e5f60718\n']);
  });

  it('matches a file on disk by canonical URL when the guid changed', () => {
    const plan = planWrites([draft({ id: 'ffffffffffffffff' })], existing(onDisk(draft())));
    expect(plan.writes).toEqual([]);
    expect(plan.keeps[0]?.reason).toBe('unchanged');
  });

  it('keeps every comment of one page: links with a fragment are told apart by id, not by their shared canonical URL', () => {
    const comment = (n: number) => draft({ id: `c${n}`, url: `https://blog.example/post#comment-${n}`, canonicalUrl: 'https://blog.example/post' });
    const first = planWrites([comment(1), comment(2)], EMPTY);
    expect(first.writes.map((w) => w.id)).toEqual(['c1', 'c2']);
    const again = planWrites([comment(3)], existing(onDisk(comment(1)), onDisk(comment(2))));
    expect(again.writes.map((w) => w.id)).toEqual(['c3']);
  });

  it('still collapses the same page under another guid within one run', () => {
    const plan = planWrites([draft(), draft({ id: 'ffffffffffffffff' })], EMPTY);
    expect(plan.writes).toHaveLength(1);
    expect(plan.keeps.map((k) => k.reason)).toEqual(['duplicate']);
  });

  it('rewrites only the machine fields that changed and keeps fetchedAt', () => {
    const later = new Date('2026-03-11T00:00:00Z').toISOString();
    const plan = planWrites([draft({ title: 'Acme fixed it', fetchedAt: later })], existing(onDisk(draft())));
    const write = plan.writes[0]!;
    expect(write.action).toBe('update');
    expect(write.changedFields).toEqual(['title']);
    expect(write.text).toContain('title: "Acme fixed it"');
    expect(write.text).toContain(`fetchedAt: "${NOW.toISOString()}"`);
  });

  it.each([
    ['hidden: true', (d: Record<string, unknown>, b: string): [Record<string, unknown>, string] => [{ ...d, hidden: true }, b], 'hidden: true'],
    ['a caseId', (d: Record<string, unknown>, b: string): [Record<string, unknown>, string] => [{ ...d, caseId: 'case1' }, b], 'caseId: "case1"'],
    ['a key fetch does not know', (d: Record<string, unknown>, b: string): [Record<string, unknown>, string] => [{ ...d, note: 'checked' }, b], 'note: "checked"'],
    ['a maintainer’s kind', (d: Record<string, unknown>, b: string): [Record<string, unknown>, string] => [{ ...d, kind: 'coverage' }, b], 'kind: "coverage"'],
    ['an edited body', (d: Record<string, unknown>): [Record<string, unknown>, string] => [d, 'My own summary.'], 'My own summary.'],
  ])('keeps %s when the feed changes the item', (_name, edit, kept) => {
    const plan = planWrites([draft({ title: 'New title', excerpt: 'New excerpt.' })], existing(onDisk(draft(), edit)));
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]!.text).toContain(kept);
    expect(plan.writes[0]!.text).toContain('title: "New title"');
  });

  it('writes matchedTerm and matchedPassage after inReplyTo, and a file without them stays valid', () => {
    const withMatch = planWrites([draft({ matchedTerm: 'Acme', matchedPassage: '…says Acme broke my router…' })], EMPTY).writes[0]!;
    expect(withMatch.text).toContain('inReplyTo: []\nmatchedTerm: "Acme"\nmatchedPassage: "…says Acme broke my router…"\nhidden: false\n');
    const parsed = parseContentFile(withMatch.text);
    expect(parsed.ok && MentionSchema.parse(parsed.file.data)).toMatchObject({ matchedTerm: 'Acme', matchedPassage: '…says Acme broke my router…' });
    const without = parseContentFile(planWrites([draft()], EMPTY).writes[0]!.text);
    expect(without.ok && MentionSchema.safeParse(without.file.data).success).toBe(true);
  });

  it.each([
    ['adds them to a file written before they existed', draft(), draft({ matchedTerm: 'Acme', matchedPassage: 'Acme broke my router' }), ['matchedTerm', 'matchedPassage']],
    ['updates the passage when the text around the term changes', draft({ matchedTerm: 'Acme', matchedPassage: 'Acme broke it' }), draft({ matchedTerm: 'Acme', matchedPassage: 'Acme fixed it' }), ['matchedPassage']],
    ['removes them when the item no longer needs a match', draft({ matchedTerm: 'Acme', matchedPassage: 'Acme broke it' }), draft(), ['matchedTerm', 'matchedPassage']],
  ])('%s (machine-owned)', (_title, before, after, changed) => {
    const write = planWrites([after], existing(onDisk(before))).writes[0]!;
    expect(write.action).toBe('update');
    expect(write.changedFields).toEqual(changed);
    const parsed = parseContentFile(write.text);
    expect(parsed.ok ? parsed.file.data.matchedPassage : 'unreadable').toBe(after.matchedPassage);
  });

  it('replaces an unedited body when the excerpt changes, and records the new digest', () => {
    const write = planWrites([draft({ excerpt: 'Now it works.' })], existing(onDisk(draft()))).writes[0]!;
    expect(write.bodyChanged).toBe(true);
    expect(write.changedFields).toEqual(['excerptDigest']);
    expect(parseContentFile(write.text)).toMatchObject({ ok: true, file: { body: 'Now it works.', data: { excerptDigest: computeExcerptDigest('Now it works.') } } });
  });

  it('keeps respondsTo a maintainer set on a response', () => {
    const response = draft({ kind: 'response', voice: 'company' });
    const edited = onDisk(response, (d, b) => [{ ...d, respondsTo: ['a1'] }, b]);
    const write = planWrites([{ ...response, title: 'Changed' }], existing(edited)).writes[0]!;
    expect(write.text).toContain('respondsTo:\n  - "a1"');
  });

  it('does not bring back an item the maintainer deleted', () => {
    const plan = planWrites([draft()], { ...EMPTY, ledgers: { acme: ['a1b2c3d4e5f60718'] } });
    expect(plan.writes).toEqual([]);
    expect(plan.keeps).toEqual([{ company: 'acme', id: 'a1b2c3d4e5f60718', reason: 'deleted-by-maintainer' }]);
  });

  it('keeps the date on disk when the feed date fell back to the fetch time', () => {
    const fallback = draft({ publishedAt: '2026-03-12T00:00:00.000Z', dateFallback: 'missing' });
    const plan = planWrites([fallback], existing(onDisk(draft())));
    expect(plan.writes).toEqual([]);
  });

  it('replaces a 1970-style date written before implausible dates were caught by the first fetch time, once', () => {
    const firstFetch = '2026-03-02T08:00:00.000Z';
    const old = onDisk(draft({ publishedAt: '1970-01-01T00:00:00.000Z', fetchedAt: firstFetch }));
    const implausible = draft({ publishedAt: NOW.toISOString(), dateFallback: 'implausible' });
    const plan = planWrites([implausible], existing(old));
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]).toMatchObject({ action: 'update', changedFields: expect.arrayContaining(['publishedAt', 'dateFallback']) });
    const written = parseContentFile(plan.writes[0]!.text);
    expect(written.ok && written.file.data).toMatchObject({ publishedAt: firstFetch, dateFallback: 'implausible' });
    const again = { ...old, data: written.ok ? written.file.data : {} };
    expect(planWrites([implausible], existing(again)).writes).toEqual([]);
  });

  it('keeps a good date on disk when the feed later sends an implausible one', () => {
    const good = onDisk(draft({ publishedAt: '2025-06-01T08:00:00.000Z', fetchedAt: '2025-06-03T08:00:00.000Z' }));
    const implausible = draft({ publishedAt: NOW.toISOString(), dateFallback: 'implausible' });
    const write = planWrites([implausible], existing(good)).writes[0];
    const data = write ? (parseContentFile(write.text) as { ok: true; file: { data: Record<string, unknown> } }).file.data : good.data;
    expect(data.publishedAt).toBe('2025-06-01T08:00:00.000Z');
  });

  it('never overwrites a file it could not read', () => {
    const path = buildItemPath('mention', 'acme', '2026-03-01T09:30:00Z', 'a1b2c3d4e5f60718');
    const plan = planWrites([draft()], { items: [], occupiedPaths: new Set([path.ok ? path.path : '']), ledgers: {} });
    expect(plan.keeps.map((k) => k.reason)).toEqual(['path-occupied']);
  });

  it.each([
    ['a path-like id', { id: '../../etc/passwd' }],
    ['a company that is not a slug', { company: '../x' }],
    ['an unreadable date', { publishedAt: 'yesterday' }],
  ])('refuses to build a file name from %s', (_name, overrides) => {
    const plan = planWrites([draft(overrides)], EMPTY);
    expect(plan.writes).toEqual([]);
    expect(plan.keeps.map((k) => k.reason)).toEqual(['unsafe-path']);
  });

  it('is deterministic: the same input gives byte-identical plans', () => {
    const drafts = [draft(), draft({ id: 'b', canonicalUrl: 'https://x.example/b', url: 'https://x.example/b' })];
    expect(planWrites(drafts, EMPTY)).toEqual(planWrites(drafts, EMPTY));
    expect(serializeContentFile({ a: 1 }, '')).toBe(serializeContentFile({ a: 1 }, ''));
  });
});
