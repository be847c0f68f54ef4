/** Reads and writes `content/state/sources.json`; writes only when the text changes. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FETCH_STATE_PATH } from '../../src/core/write/file-names.ts';
import { buildEmptyFetchState, parseFetchState, serializeFetchState, type FetchState } from '../../src/core/write/fetch-state.ts';
import { writeFileAtomic } from './apply-plan.ts';

/** The state as read: its value, its exact text (null when there is no file), or a problem. */
export type StoredState = { ok: true; state: FetchState; text: string | null } | { ok: false; file: string; message: string };

/** Reads the state file; a missing file is an empty state. */
export async function readFetchStateFile(contentDir: string): Promise<StoredState> {
  const file = path.join(contentDir, FETCH_STATE_PATH);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { ok: true, state: buildEmptyFetchState(), text: null };
  }
  const parsed = parseFetchState(text);
  if (!parsed.ok) return { ok: false, file, message: parsed.message };
  return { ok: true, state: parsed.state, text };
}

/** Writes the state when its serialized text differs from `previousText`; true when it wrote. */
export async function writeFetchStateFile(contentDir: string, state: FetchState, previousText: string | null): Promise<boolean> {
  const text = serializeFetchState(state);
  if (text === previousText) return false;
  await writeFileAtomic(contentDir, FETCH_STATE_PATH, text);
  return true;
}
