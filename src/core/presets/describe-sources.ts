/**
 * What a company file's `sources` entries stand for, as text for `npm run sources`: each
 * entry (a plain source or a preset with its fields) and the feeds it expands to, with the
 * channel, voice and threading fetch will use. Pure.
 */
import { expandSourceEntry, type Source, type SourceEntry } from '../schemas.ts';
import { findPreset, PRESET_SOURCE_OPTIONS } from './index.ts';

/** One feed as a line: URL, then channel · voice · threading · whether every item counts · name. */
export function describeSource(source: Source): string {
  const hints = [
    source.channel,
    source.voice === 'company' ? "company's voice" : 'public',
    source.threaded ? `threaded${source.threadId ? ` (one thread: ${source.threadId})` : ''}` : 'not threaded',
    ...(source.allAboutCompany ? ['every item counts'] : []),
    ...(source.kind ? [`kind ${source.kind}`] : []),
  ];
  return `${source.url}\n      ${hints.join(' · ')}${source.name ? ` · "${source.name}"` : ''}`;
}

/** The entry as written, in one line: `preset reddit-search (query: "Acme")` or `url`. */
function describeEntryHead(entry: SourceEntry): string {
  if (!('preset' in entry) || typeof entry.preset !== 'string') return 'url';
  const fields = Object.entries(entry)
    .filter(([key, value]) => key !== 'preset' && value !== undefined && !(PRESET_SOURCE_OPTIONS as readonly string[]).includes(key))
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `preset ${entry.preset}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`;
}

/**
 * Lines describing one company's entries, numbered as in the file; a preset's note (e.g.
 * Discourse staff) is added when `hasOfficialAuthors` is false and the note is about them.
 */
export function describeSourceEntries(entries: readonly SourceEntry[], options: { hasOfficialAuthors: boolean }): string[] {
  const lines: string[] = [];
  entries.forEach((entry, index) => {
    lines.push(`  ${index + 1}. ${describeEntryHead(entry)}`);
    for (const source of expandSourceEntry(entry)) lines.push(`    → ${describeSource(source)}`);
    const note = 'preset' in entry && typeof entry.preset === 'string' ? findPreset(entry.preset)?.note : undefined;
    if (note && !(options.hasOfficialAuthors && note.includes('official.authors'))) lines.push(`    note: ${note}`);
  });
  if (entries.length === 0) lines.push('  (no sources: add one, e.g. "- preset: google-news" with "query: <name>"; see docs/presets.md)');
  return lines;
}
