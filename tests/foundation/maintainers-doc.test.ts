import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

describe('docs/maintainers.md', () => {
  const doc = read('docs/maintainers.md');
  const corrections = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);

  it('has a test in the built site for every correction it documents', () => {
    const built = read('tests/site/corrections-built.test.ts');
    const tested = [...built.matchAll(/\bit\((['"`])(.+?)\1/g)].map((m) => m[2]!.toLowerCase());
    const edits = corrections.filter((title) => !title.startsWith("A reader's correction"));
    expect(edits.length).toBeGreaterThanOrEqual(8);
    expect(edits.filter((title) => !tested.some((name) => name.startsWith(`${title.toLowerCase()}:`)))).toEqual([]);
  });

  it("lets a reader's correction arrive as a pull request or an issue that asks for the evidence link", () => {
    expect(corrections).toContain("A reader's correction arriving as a pull request");
    for (const template of ['.github/PULL_REQUEST_TEMPLATE.md', '.github/ISSUE_TEMPLATE/correction.md']) {
      expect(read(template), template).toMatch(/Evidence link/);
      expect(doc).toContain(template);
    }
  });
});
