/**
 * A student's standing in each section, week by week, without looking past the week's cutoff:
 * the gradebook (assignments due by then, points-weighted, missing = 0, excused left out),
 * the posted final mark once the term is over, and the latest posted mark when there is no
 * gradebook. Also the finals that earn credits, for the freshman on-track rule.
 */
import type { SectionGradeFeature } from '../../db/schema';
import { gpa, gradePoints, isFailing } from '../indicators/rules';
import type { Thresholds } from '../indicators/thresholds';
import type { PipelineContext, SectionInfo } from './context';
import type { MarkRecord, StudentRaw } from './raw-inputs';

interface Mark {
  letter: string | null;
  numeric: number | null;
}

interface SectionTrack {
  sectionId: string;
  info: SectionInfo;
  beginDay: number;
  endDay: number | null;
  /** Points earned / possible on assignments due in each week. */
  earned: Float64Array;
  possible: Float64Array;
  cumEarned: number;
  cumPossible: number;
  /** Sorted by period end, a final after a progress mark of the same period. */
  marks: MarkRecord[];
  next: number;
  latest: MarkRecord | null;
  latestFinal: MarkRecord | null;
}

export interface WeekStanding {
  /** Sections in progress this week, by section id. */
  sections: SectionGradeFeature[];
  lowestGrade: number | null;
  failingSections: number;
  gpa: number | null;
  anyFinalF: boolean;
  creditsEarned: number;
  coreSemesterFailures: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export class SectionStandings {
  readonly #tracks: SectionTrack[] = [];
  readonly #sectionsOfCourse = new Map<string, number>();
  readonly #t: Thresholds;
  #anyFinalF = false;
  #creditsEarned = 0;
  #coreSemesterFailures = 0;

  constructor(raw: StudentRaw, ctx: PipelineContext) {
    const n = ctx.weeks.count;
    this.#t = ctx.thresholds;
    const tracks = new Map<string, SectionTrack>();
    const track = (sectionId: string, beginDay: number | null, endDay: number | null) => {
      let tr = tracks.get(sectionId);
      if (tr) return tr;
      const info = ctx.sections.get(sectionId);
      if (!info) return undefined;
      tr = {
        sectionId,
        info,
        beginDay: beginDay ?? info.termStartDay,
        endDay,
        earned: new Float64Array(n),
        possible: new Float64Array(n),
        cumEarned: 0,
        cumPossible: 0,
        marks: [],
        next: 0,
        latest: null,
        latestFinal: null,
      };
      tracks.set(sectionId, tr);
      return tr;
    };
    for (const e of raw.enrollments) {
      track(e.sectionId, e.beginDay, e.endDay);
      const courseId = ctx.sections.get(e.sectionId)?.courseId;
      if (courseId)
        this.#sectionsOfCourse.set(courseId, (this.#sectionsOfCourse.get(courseId) ?? 0) + 1);
    }
    // A mark for a section without an enrollment row still counts, as it does in the indicators.
    for (const m of raw.marks) track(m.sectionId, null, null)?.marks.push(m);
    for (const s of raw.submissions) {
      const tr = tracks.get(s.sectionId);
      if (!tr || s.status === 'excused') continue;
      if (s.status !== 'missing' && s.score === null) continue; // handed in, not graded yet
      const week = ctx.weeks.indexOfDay(s.dueDay);
      tr.earned[week]! += s.status === 'missing' ? (s.score ?? 0) : s.score!;
      tr.possible[week]! += s.points;
    }
    for (const tr of tracks.values()) {
      tr.marks.sort(
        (a, b) => a.periodEndDay - b.periodEndDay || Number(a.isFinal) - Number(b.isFinal),
      );
      this.#tracks.push(tr);
    }
    this.#tracks.sort((a, b) =>
      a.sectionId < b.sectionId ? -1 : a.sectionId > b.sectionId ? 1 : 0,
    );
  }

  /** Advances to `week` (call for every week in order from 0) and returns its standing. */
  advance(week: number, weekStartDay: number, cutoffDay: number): WeekStanding {
    const t = this.#t;
    const sections: SectionGradeFeature[] = [];
    const weighted: { points: number | null; credits: number }[] = [];
    let lowestGrade: number | null = null;
    let failingSections = 0;
    for (const tr of this.#tracks) {
      tr.cumEarned += tr.earned[week]!;
      tr.cumPossible += tr.possible[week]!;
      while (tr.next < tr.marks.length && tr.marks[tr.next]!.periodEndDay <= cutoffDay) {
        const m = tr.marks[tr.next++]!;
        tr.latest = m;
        if (m.isFinal) {
          tr.latestFinal = m;
          this.#countFinal(m, tr.info);
        }
      }
      const { info } = tr;
      if (tr.beginDay > cutoffDay || info.termStartDay > cutoffDay) continue; // not started
      const dropped = tr.endDay !== null && tr.endDay < info.termEndDay && tr.endDay < weekStartDay;
      if (dropped) continue;
      const mark = this.#standing(tr, cutoffDay);
      const inProgress = info.termEndDay >= weekStartDay;
      if (inProgress) {
        sections.push({ sectionId: tr.sectionId, grade: mark?.numeric ?? null });
        if (mark) {
          if (mark.numeric !== null) {
            lowestGrade = lowestGrade === null ? mark.numeric : Math.min(lowestGrade, mark.numeric);
          }
          if (isFailing(mark, t)) failingSections++;
        }
      }
      if (mark) weighted.push({ points: gradePoints(mark, t), credits: info.credits });
    }
    return {
      sections,
      lowestGrade,
      failingSections,
      gpa: gpa(weighted),
      anyFinalF: this.#anyFinalF,
      creditsEarned: this.#creditsEarned,
      coreSemesterFailures: this.#coreSemesterFailures,
    };
  }

  /** Grade of record once the term is over; the gradebook while it runs; else the last mark. */
  #standing(tr: SectionTrack, cutoffDay: number): Mark | null {
    const final = tr.latestFinal;
    if (final && tr.info.termEndDay <= cutoffDay)
      return { letter: final.letter, numeric: final.numeric };
    if (tr.cumPossible > 0) {
      return { letter: null, numeric: round2((100 * tr.cumEarned) / tr.cumPossible) };
    }
    return tr.latest ? { letter: tr.latest.letter, numeric: tr.latest.numeric } : null;
  }

  /**
   * Credits are earned by passing finals; a course's credits are shared among the sections
   * the student takes of it (fall + spring halves), exactly as the indicator refresh does.
   */
  #countFinal(m: MarkRecord, info: SectionInfo): void {
    const mark = { letter: m.letter, numeric: m.numeric };
    if (isFailing(mark, this.#t)) {
      this.#anyFinalF = true;
      if (info.isCore) this.#coreSemesterFailures++;
    } else if (gradePoints(mark, this.#t) !== null) {
      this.#creditsEarned +=
        info.credits / Math.max(1, this.#sectionsOfCourse.get(info.courseId) ?? 1);
    }
  }
}
