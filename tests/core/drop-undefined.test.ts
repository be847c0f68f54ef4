import { describe, expect, it } from 'vitest';
import { dropUndefined } from '../../src/core/drop-undefined.ts';

describe('dropUndefined: no key without a value goes into a file', () => {
  it('drops undefined values and keeps every other value, falsy ones included, in key order', () => {
    const out = dropUndefined({ b: 1, a: undefined, c: '', d: null, e: 0, f: false });
    expect(out).toStrictEqual({ b: 1, c: '', d: null, e: 0, f: false });
    expect(Object.keys(out)).toEqual(['b', 'c', 'd', 'e', 'f']);
  });

  it('returns a copy and leaves the input as it was', () => {
    const input = { a: undefined, b: 1 };
    expect(dropUndefined(input)).not.toBe(input);
    expect(input).toHaveProperty('a');
  });
});
