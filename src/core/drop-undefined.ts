/**
 * Objects without their `undefined` fields, for data that goes into files (YAML and JSON
 * have no `undefined`; a key with no value would be written as null or dropped unevenly)
 * and for records compared with toEqual. Pure.
 */

/** A copy of `record` without its `undefined`-valued keys, the other keys in the same order. */
export function dropUndefined<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as T;
}
