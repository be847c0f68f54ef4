/**
 * The open-data contract (docs/open-data.md): `/data/companies.json`. Extend it, never rename a field:
 * outside tools recompute and reuse these figures.
 */
import { WINDOW_KEYS, type Grade, type Scorecard, type WindowFigures, type WindowKey } from './metrics/index.ts';
import type { Watchblog } from './watchblog.ts';

/**
 * One window's figures as published: every figure with its sample, plus the window's grade as
 * three flat fields (`grade` the letter, `gradeScore`, `gradeReason`), as at the top level.
 */
export type OpenWindowFigures = Omit<WindowFigures, 'grade'> & { grade: string | null; gradeScore: number | null; gradeReason: Grade['reason'] };

/** One element of `/data/companies.json`. */
export type OpenCompany = {
  slug: string;
  name: string;
  /** True for made-up companies (the demo). */
  fictional: boolean;
  /** The headline grade letter (365-day window), or null with `gradeReason`: 'not-enough-data' or 'no-answer-channel'. */
  grade: string | null;
  gradeScore: number | null;
  gradeReason: Grade['reason'];
  /** False when no channel where the company answers is watched: response figures are null and nothing is graded. */
  graded: boolean;
  /** The instant the figures were computed at, UTC ISO. */
  asOf: string;
  responseTargetHours: number;
  windows: Record<WindowKey, OpenWindowFigures>;
};

function toOpenWindow(figures: WindowFigures): OpenWindowFigures {
  const { grade, ...rest } = figures;
  return { ...rest, grade: grade.letter, gradeScore: grade.score, gradeReason: grade.reason };
}

/** The figures of one scorecard as `/data/companies.json` publishes them (without the company's name fields). */
export function buildOpenScorecard(scorecard: Scorecard): Omit<OpenCompany, 'slug' | 'name' | 'fictional'> {
  return {
    grade: scorecard.grade.letter,
    gradeScore: scorecard.grade.score,
    gradeReason: scorecard.grade.reason,
    graded: scorecard.graded,
    asOf: scorecard.asOf,
    responseTargetHours: scorecard.responseTargetHours,
    windows: Object.fromEntries(WINDOW_KEYS.map((key) => [key, toOpenWindow(scorecard.windows[key])])) as Record<WindowKey, OpenWindowFigures>,
  };
}

/** The `/data/companies.json` array, one object per company, in the site's order. */
export function buildCompaniesJson(watchblog: Watchblog): OpenCompany[] {
  return watchblog.companies.map(({ company, scorecard }) => ({
    slug: company.slug,
    name: company.name,
    fictional: company.fictional,
    ...buildOpenScorecard(scorecard),
  }));
}
