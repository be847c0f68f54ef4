/**
 * The part of the site this build makes (src/core/shards/build-part.ts): the whole site, or,
 * when WATCHBLOG_BUILD_PART names a part file written by `npm run build:shards`, one shard or
 * the hub. Read once, synchronously: the content config and astro.config.mjs need it up front.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBuildPart, WHOLE_SITE, type BuildPart } from '../core/shards/build-part.ts';

/** The build part named by WATCHBLOG_BUILD_PART (a JSON file), else the whole site. */
export function readBuildPart(fromEnv: string | undefined = process.env.WATCHBLOG_BUILD_PART): BuildPart {
  if (!fromEnv) return WHOLE_SITE;
  const file = path.resolve(fromEnv);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`WATCHBLOG_BUILD_PART: cannot read ${file} (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseBuildPart(text, file);
}

let memo: BuildPart | undefined;

/** This build's part, read once. */
export function buildPart(): BuildPart {
  memo ??= readBuildPart();
  return memo;
}
