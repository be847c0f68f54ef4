/**
 * A grade as the site shows it beside a company: the letter with its score on hover, or why
 * there is none ("not graded", "not enough data"). Pure; GradeBadge.astro renders it.
 */
import type { Grade } from '../metrics/index.ts';

export type { Grade };

/** What a grade badge shows. */
export type GradeView =
  | { letter: NonNullable<Grade['letter']>; text: null; /** "Score 82 of 100". */ title: string }
  | { letter: null; /** "not graded" or "not enough data". */ text: string; /** Why not graded; null when the text says it all. */ title: string | null };

/** The badge of a grade: its letter and score, or the words for why there is none. */
export function describeGrade(grade: Grade): GradeView {
  if (grade.letter) return { letter: grade.letter, text: null, title: `Score ${grade.score} of 100` };
  return grade.reason === 'no-answer-channel'
    ? { letter: null, text: 'not graded', title: 'No channel where the company answers is watched' }
    : { letter: null, text: 'not enough data', title: null };
}
