/**
 * Objects without their `undefined` fields, for records that go into files (YAML and JSON
 * have no `undefined`) or are compared whole, where a key that is there but empty would
 * differ from a key that is absent. Pure.
 */

/** A copy of `record` without its `undefined`-valued keys, the other keys in the same order. */
export function dropUndefined<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as T;
}
