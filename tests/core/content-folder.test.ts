import { describe, expect, it } from 'vitest';
import { chooseContentFolder } from '../../src/core/content-folder.ts';

describe('the content folder a command reads', () => {
  it.each([
    ['the folder named', '/tmp/big', '/tmp/big'],
    ['a relative folder as named', 'site/content', 'site/content'],
    ['content when nothing is named', undefined, 'content'],
    ['content when the setting is empty, as CI leaves an unset variable', '', 'content'],
    ['content when the setting is only spaces', '  ', 'content'],
  ])('is %s', (_what, named, expected) => {
    expect(chooseContentFolder(named)).toBe(expected);
  });
});
