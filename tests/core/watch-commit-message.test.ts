import { describe, expect, it } from 'vitest';
import { buildWatchCommitMessage, parseNameStatus } from '../../src/core/watch-commit-message.ts';

const changes = (text: string) => parseNameStatus(text);

describe('buildWatchCommitMessage', () => {
  it('counts new mentions and responses and names the companies, sorted', () => {
    const text = [
      'A\tcontent/mentions/globex/2026-03-01-a.md',
      'A\tcontent/mentions/acme/2026-03-01-b.md',
      'A\tcontent/mentions/acme/2026-03-01-c.md',
      'A\tcontent/responses/acme/2026-03-02-r.md',
      'M\tcontent/state/sources.json',
      'A\tcontent/state/seen/acme.txt',
    ].join('\n');
    expect(buildWatchCommitMessage(changes(text))).toBe('watch: +3 mentions, +1 response (acme, globex)');
  });

  it('says "updated" for files fetch rewrote and "removed" for deleted ones', () => {
    expect(buildWatchCommitMessage(changes('M\tcontent/mentions/acme/x.md\nD\tcontent/responses/initech/y.md\n'))).toBe('watch: 1 item updated, 1 item removed (acme, initech)');
  });

  it('says so when only the sources\' state changed', () => {
    expect(buildWatchCommitMessage(changes('M\tcontent/state/sources.json'))).toBe('watch: source state only');
  });

  it('is null when nothing changed, so nothing is committed', () => {
    expect(buildWatchCommitMessage(changes(''))).toBeNull();
  });

  it('reads a rename as a change to its new path', () => {
    expect(changes('R100\tcontent/mentions/acme/old.md\tcontent/mentions/acme/new.md')).toEqual([{ status: 'R', path: 'content/mentions/acme/new.md' }]);
  });
});
