/**
 * The project's folder (where package.json is), for maintainer commands and test helpers
 * that run builds, read docs or find the corpora next to the project. Edge code only: the
 * core never knows where it lives.
 */
import path from 'node:path';

/** Absolute path of the project root: the folder above `scripts/`. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
