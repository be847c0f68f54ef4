/**
 * The embeddable badge `/badges/<slug>.svg`: the company's grade and 12-month response rate,
 * in a self-contained SVG with an accessible title. Pure.
 */
import type { CompanyRecord } from '../watchblog.ts';
import { HEADLINE_WINDOW } from './company-page.ts';
import { stripXmlControlChars } from './text.ts';

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return stripXmlControlChars(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char);
}

/** Approximate width of text in the badge's 11 px sans-serif, in px (wide enough for capitals and digits). */
function measureText(text: string): number {
  return Math.ceil([...text].length * 6.8) + 12;
}

/** What a badge shows. */
export type BadgeInput = {
  /** Company name (used in the title). */
  name: string;
  /** Grade letter, or null for "not enough data". */
  grade: string | null;
  /** 12-month response rate 0–1, or null. */
  responseRate: number | null;
  /** False when no channel where the company answers is watched: the badge says "not graded". Default true. */
  graded?: boolean;
};

const GRADE_COLOURS: Record<string, string> = { A: '#1a7f37', B: '#2f6f3e', C: '#8a6100', D: '#b35900', F: '#b42318' };

/** The badge as SVG text: "watchblog | grade B · 82 % answered" (or "not enough data", "not graded"), with a <title> naming the company. */
export function buildBadgeSvg(input: BadgeInput): string {
  const label = 'watchblog';
  const rate = input.responseRate === null ? null : `${Math.round(input.responseRate * 100)} %`;
  const graded = input.graded ?? true;
  const value = !graded ? 'not graded' : input.grade === null ? 'not enough data' : `grade ${input.grade}${rate ? ` · ${rate} answered` : ''}`;
  const title = !graded
    ? `${input.name}: not graded, no channel where it answers is watched (Watchblog)`
    : input.grade === null
    ? `${input.name}: not enough data for a grade yet (Watchblog)`
    : `${input.name}: grade ${input.grade}${rate ? `, ${rate} of public complaints answered in the last 12 months` : ''} (Watchblog)`;
  const left = measureText(label);
  const right = measureText(value);
  const width = left + right;
  const colour = !graded || input.grade === null ? '#57606a' : (GRADE_COLOURS[input.grade] ?? '#57606a');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${left}" height="20" fill="#24292f"/>`,
    `<rect x="${left}" width="${right}" height="20" fill="${colour}"/>`,
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">`,
    `<text x="${left / 2}" y="14">${escapeXml(label)}</text>`,
    `<text x="${left + right / 2}" y="14">${escapeXml(value)}</text>`,
    `</g></svg>`,
    '',
  ].join('\n');
}

/** A company's badge: the grade and the response rate of the headline window (the grade's own), as on its page. */
export function buildCompanyBadgeSvg(record: CompanyRecord): string {
  const { scorecard } = record;
  return buildBadgeSvg({ name: record.company.name, grade: scorecard.grade.letter, responseRate: scorecard.windows[HEADLINE_WINDOW].responseRate, graded: scorecard.graded });
}
