/**
 * Reads one source's bytes: an http(s) URL through downloadFeed, or a local file whose
 * path is relative to the company file. Same result shape either way; never throws.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Validators } from '../../src/core/write/fetch-state.ts';
import { downloadFeed, MAX_BODY_BYTES, type DownloadOptions, type DownloadResult } from './download.ts';

/** Where a source's url points. */
export type SourceLocation = { kind: 'http'; url: string } | { kind: 'file'; file: string; url: string } | { kind: 'invalid'; message: string };

/** Classifies a source url: http(s), another scheme (invalid), or a file path relative to the company file. */
export function locateSource(sourceUrl: string, companyFile: string): SourceLocation {
  if (/^https?:\/\//i.test(sourceUrl)) {
    try {
      return { kind: 'http', url: new URL(sourceUrl).href };
    } catch {
      return { kind: 'invalid', message: `"${sourceUrl}" is not a valid URL` };
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(sourceUrl) && !/^[a-z]:[\\/]/i.test(sourceUrl)) {
    return { kind: 'invalid', message: `"${sourceUrl}": only http(s) URLs and local file paths are supported` };
  }
  const file = path.resolve(path.dirname(companyFile), sourceUrl);
  return { kind: 'file', file, url: pathToFileURL(file).href };
}

/** Reads a source; `known` validators apply to HTTP only. */
export async function readSource(location: SourceLocation, known: Validators, options: DownloadOptions): Promise<DownloadResult> {
  if (location.kind === 'invalid') return { kind: 'failed', attempts: 0, error: { reason: 'config', message: location.message } };
  if (location.kind === 'http') return downloadFeed(location.url, known, options);
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  try {
    const info = await stat(location.file);
    if (!info.isFile()) return { kind: 'failed', attempts: 1, error: { reason: 'file', message: `${location.file} is not a file` } };
    if (info.size > maxBytes) return { kind: 'failed', attempts: 1, error: { reason: 'too-large', message: `${location.file} is ${info.size} bytes, over the ${maxBytes}-byte cap` } };
    const bytes = new Uint8Array(await readFile(location.file));
    return { kind: 'fetched', status: 200, bytes, validators: {}, finalUrl: location.url, attempts: 1 };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { kind: 'failed', attempts: 1, error: { reason: 'file', message: `cannot read ${location.file}${code ? ` (${code})` : ''}` } };
  }
}
