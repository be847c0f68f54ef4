/**
 * The e2e tier's globalSetup: prints, once per run and before any test, why tests will skip
 * on this machine (or, under CI=true, fail: see ./requirements.ts).
 */
import { isCi, REQUIREMENTS } from './requirements.ts';

export default function printSkips(): void {
  for (const { missing, requiredInCi } of REQUIREMENTS) {
    if (missing === null) continue;
    console.warn(requiredInCi && isCi() ? `[fail] ${missing} — under CI=true these tests fail instead` : `[skip] ${missing}`);
  }
}
