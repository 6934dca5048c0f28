import type { Subject } from '../schema';
import type { SemesterKey } from './calendar';
import type { CourseSpec } from './catalog';
import type { Rng } from './prng';

/** Target and soft cap for section size; sections per course = ceil(demand / cap). */
export const SECTION_CAP = 30;
/** Sections fill past the soft cap only when nothing else fits, and past this one only as a last resort. */
export const SECTION_HARD_CAP = 34;
/** Sections a full-time teacher teaches per semester, out of `PERIODS_PER_DAY`. */
export const SECTIONS_PER_TEACHER = 5;
export const PERIODS_PER_DAY = 7;

export interface PlannedSection {
  /** Position in `Schedule.sections`. */
  index: number;
  course: CourseSpec;
  semester: SemesterKey;
  /** 1-based within the course and semester. */
  number: number;
  teacher: number;
  period: number;
  /** For the spring half of a year-long course: the fall section it continues. */
  continues: number | null;
  roster: number[];
}

export interface Schedule {
  sections: PlannedSection[];
  /** One entry per teacher: the department they teach in. */
  teachers: Subject[];
  /** Per student (by index): the sections taken in each semester. */
  byStudent: Record<SemesterKey, number[]>[];
  /** Placements where every section of a course clashed with the student's other periods. */
  periodConflicts: number;
}

interface Requests {
  yearLong: CourseSpec[];
  fall: CourseSpec[];
  spring: CourseSpec[];
}

/**
 * A master schedule good enough to look real: year-long courses keep section, teacher and
 * period across semesters; each teacher has distinct periods; students are placed greedily into
 * the least-full sections whose periods fit together (a small depth-first search per student).
 * It is not an optimiser: when nothing fits, a student gets one clash (`periodConflicts`).
 */
export function buildSchedule(
  rng: Rng,
  courses: readonly CourseSpec[],
  electivesPerSemester: number,
  studentGrades: readonly number[],
): Schedule {
  const requests = studentGrades.map((grade) =>
    requestCourses(rng, courses, grade, electivesPerSemester),
  );

  const sections: PlannedSection[] = [];
  const open = (
    course: CourseSpec,
    semester: SemesterKey,
    number: number,
    continues: number | null,
  ): number => {
    const index = sections.length;
    sections.push({
      index,
      course,
      semester,
      number,
      teacher: -1,
      period: 0,
      continues,
      roster: [],
    });
    return index;
  };
  const openFor = (course: CourseSpec, semester: SemesterKey, demand: number): number[] =>
    Array.from({ length: Math.max(1, Math.ceil(demand / SECTION_CAP)) }, (_, i) =>
      open(course, semester, i + 1, null),
    );

  // Catalog order throughout, so section numbering is a pure function of the requests.
  const fallOf = new Map<CourseSpec, number[]>();
  const springOf = new Map<CourseSpec, number[]>();
  for (const course of courses) {
    if (course.slot !== null) {
      const demand = requests.filter((r) => r.yearLong.includes(course)).length;
      if (demand === 0) continue;
      const fall = openFor(course, 'fall', demand);
      fallOf.set(course, fall);
      springOf.set(
        course,
        fall.map((f, i) => open(course, 'spring', i + 1, f)),
      );
    } else {
      for (const semester of ['fall', 'spring'] as const) {
        const demand = requests.filter((r) => r[semester].includes(course)).length;
        if (demand === 0) continue;
        (semester === 'fall' ? fallOf : springOf).set(course, openFor(course, semester, demand));
      }
    }
  }

  const teachers = staffDepartments(sections);
  assignPeriods(rng, sections, teachers.length);

  const byStudent = studentGrades.map(() => ({ fall: [] as number[], spring: [] as number[] }));
  let periodConflicts = 0;
  const enroll = (student: number, semester: SemesterKey, section: number) => {
    (sections[section] as PlannedSection).roster.push(student);
    byStudent[student]?.[semester].push(section);
  };

  for (const student of rng.shuffle(studentGrades.map((_, i) => i))) {
    const r = requests[student] as Requests;
    const grade = studentGrades[student] as number;

    const fallUsed = new Set<number>();
    const fallCourses = placementOrder(rng, [...r.yearLong, ...r.fall], fallOf);
    let fall = fit(sections, fallCourses, fallOf, fallUsed);
    if (fall === null) {
      fall = forcePlace(sections, fallCourses, fallOf, fallUsed);
      periodConflicts++;
    }
    const springUsed = new Set<number>();
    fall.forEach((section, i) => {
      enroll(student, 'fall', section);
      if (fallCourses[i]?.slot === null) return;
      const spring = (springOf.get(fallCourses[i] as CourseSpec) ?? []).find(
        (s) => sections[s]?.continues === section,
      );
      if (spring === undefined) throw new Error(`no spring section continues section ${section}`);
      enroll(student, 'spring', spring);
      springUsed.add((sections[spring] as PlannedSection).period);
    });

    // Spring electives go in the periods the year-long courses leave free; when a request
    // cannot fit, the counselor swaps it for another elective that does, as schools do.
    let springCourses = placementOrder(rng, r.spring, springOf);
    let spring = fit(sections, springCourses, springOf, new Set(springUsed));
    if (spring === null) {
      const alternatives = rng.shuffle(
        courses.filter(
          (c) =>
            c.slot === null &&
            c.grades.includes(grade) &&
            springOf.has(c) &&
            !r.fall.includes(c) &&
            !r.spring.includes(c),
        ),
      );
      for (let i = 0; i < springCourses.length && spring === null; i++) {
        for (const alternative of alternatives) {
          const swapped = springCourses.map((c, j) => (j === i ? alternative : c));
          spring = fit(sections, swapped, springOf, new Set(springUsed));
          if (spring !== null) {
            springCourses = swapped;
            break;
          }
        }
      }
    }
    if (spring === null) {
      spring = forcePlace(sections, springCourses, springOf, new Set(springUsed));
      periodConflicts++;
    }
    for (const section of spring) enroll(student, 'spring', section);
  }
  for (const s of byStudent) {
    s.fall.sort((a, b) => a - b);
    s.spring.sort((a, b) => a - b);
  }
  return { sections, teachers, byStudent, periodConflicts };
}

/**
 * Courses with the fewest sections are placed first (they constrain most); among equals the
 * order is random per student, so no course is always placed last into whatever periods remain
 * (which starved some sections to zero while others overflowed).
 */
function placementOrder(
  rng: Rng,
  courses: readonly CourseSpec[],
  of: Map<CourseSpec, number[]>,
): CourseSpec[] {
  return rng
    .shuffle([...courses])
    .map((course) => ({ course, n: Math.min(of.get(course)?.length ?? 0, 3) }))
    .sort((a, b) => a.n - b.n)
    .map((x) => x.course);
}

/** Fuller sections last, sections at or over the cap after all others. */
function byFill(sections: readonly PlannedSection[], candidates: readonly number[]): number[] {
  const fill = (s: number) => sections[s]?.roster.length ?? 0;
  return [...candidates].sort(
    (a, b) =>
      Number(fill(a) >= SECTION_CAP) - Number(fill(b) >= SECTION_CAP) || fill(a) - fill(b) || a - b,
  );
}

/**
 * Depth-first search for one clash-free section per course, least-full sections first, never
 * past the hard cap; only if that fails, again without the cap.
 */
function fit(
  sections: readonly PlannedSection[],
  courses: readonly CourseSpec[],
  of: Map<CourseSpec, number[]>,
  used: Set<number>,
): number[] | null {
  return (
    search(sections, courses, of, new Set(used), SECTION_HARD_CAP) ??
    search(sections, courses, of, new Set(used), Infinity)
  );
}

function search(
  sections: readonly PlannedSection[],
  courses: readonly CourseSpec[],
  of: Map<CourseSpec, number[]>,
  used: Set<number>,
  cap: number,
): number[] | null {
  const chosen: number[] = [];
  let budget = 2_000;
  const step = (k: number): boolean => {
    if (k === courses.length) return true;
    if (--budget < 0) return false;
    for (const s of byFill(sections, of.get(courses[k] as CourseSpec) ?? [])) {
      const section = sections[s] as PlannedSection;
      const period = section.period;
      if (used.has(period) || section.roster.length >= cap) continue;
      used.add(period);
      chosen.push(s);
      if (step(k + 1)) return true;
      used.delete(period);
      chosen.pop();
    }
    return false;
  };
  return step(0) ? chosen : null;
}

/** Last resort: least-full free section, or the least-full one even if it clashes. */
function forcePlace(
  sections: readonly PlannedSection[],
  courses: readonly CourseSpec[],
  of: Map<CourseSpec, number[]>,
  used: Set<number>,
): number[] {
  return courses.map((course) => {
    const ranked = byFill(sections, of.get(course) ?? []);
    const s = ranked.find((c) => !used.has(sections[c]?.period ?? 0)) ?? (ranked[0] as number);
    used.add((sections[s] as PlannedSection).period);
    return s;
  });
}

/** Required year-long courses (one per slot, weighted among alternatives) plus electives. */
function requestCourses(
  rng: Rng,
  courses: readonly CourseSpec[],
  grade: number,
  electivesPerSemester: number,
): Requests {
  const slots = new Map<string, CourseSpec[]>();
  for (const course of courses) {
    if (course.slot === null || !course.grades.includes(grade)) continue;
    slots.set(course.slot, [...(slots.get(course.slot) ?? []), course]);
  }
  const yearLong = [...slots.values()].map((options) =>
    rng.weightedPick(
      options,
      options.map((c) => c.weight),
    ),
  );
  const pool = courses.filter((c) => c.slot === null && c.grades.includes(grade));
  const chosen: CourseSpec[] = [];
  while (chosen.length < 2 * electivesPerSemester && chosen.length < pool.length) {
    const left = pool.filter((c) => !chosen.includes(c));
    chosen.push(
      rng.weightedPick(
        left,
        left.map((c) => c.weight),
      ),
    );
  }
  return {
    yearLong,
    fall: chosen.slice(0, electivesPerSemester),
    spring: chosen.slice(electivesPerSemester),
  };
}

/**
 * Hires ceil(busiest semester's sections / 5) teachers per department and deals sections out,
 * always to the least-loaded teacher; the spring half of a year-long course stays with its fall
 * teacher.
 */
function staffDepartments(sections: PlannedSection[]): Subject[] {
  const teachers: Subject[] = [];
  const subjects = [...new Set(sections.map((s) => s.course.subject))];
  for (const subject of subjects) {
    const dept = sections.filter((s) => s.course.subject === subject);
    const busiest = Math.max(
      dept.filter((s) => s.semester === 'fall').length,
      dept.filter((s) => s.semester === 'spring').length,
    );
    const first = teachers.length;
    const count = Math.max(1, Math.ceil(busiest / SECTIONS_PER_TEACHER));
    for (let i = 0; i < count; i++) teachers.push(subject);
    const load = {
      fall: new Array<number>(count).fill(0),
      spring: new Array<number>(count).fill(0),
    };
    const deal = (section: PlannedSection) => {
      const loads = load[section.semester];
      let t = 0;
      for (let i = 1; i < count; i++) if ((loads[i] ?? 0) < (loads[t] ?? 0)) t = i;
      section.teacher = first + t;
      loads[t] = (loads[t] ?? 0) + 1;
    };
    for (const section of dept) {
      if (section.semester === 'fall') deal(section);
    }
    for (const section of dept) {
      if (section.semester !== 'spring') continue;
      if (section.continues === null) {
        deal(section);
      } else {
        section.teacher = (sections[section.continues] as PlannedSection).teacher;
        const t = section.teacher - first;
        load.spring[t] = (load.spring[t] ?? 0) + 1;
      }
    }
  }
  return teachers;
}

/** Each teacher gets a shuffled order of periods; sections take the first free ones. */
function assignPeriods(rng: Rng, sections: PlannedSection[], teacherCount: number): void {
  const preference = Array.from({ length: teacherCount }, () =>
    rng.shuffle(Array.from({ length: PERIODS_PER_DAY }, (_, i) => i + 1)),
  );
  const used = Array.from({ length: teacherCount }, () => ({
    fall: new Set<number>(),
    spring: new Set<number>(),
  }));
  const take = (section: PlannedSection, period: number) => {
    section.period = period;
    used[section.teacher]?.[section.semester].add(period);
  };
  for (const section of sections) {
    if (section.semester !== 'fall') continue;
    const prefs = preference[section.teacher] as number[];
    const taken = used[section.teacher]?.fall;
    take(
      section,
      prefs.find((p) => !taken?.has(p)) ?? (prefs[(taken?.size ?? 0) % prefs.length] as number),
    );
  }
  for (const section of sections) {
    if (section.semester === 'spring' && section.continues !== null) {
      take(section, (sections[section.continues] as PlannedSection).period);
    }
  }
  for (const section of sections) {
    if (section.semester !== 'spring' || section.continues !== null) continue;
    const prefs = preference[section.teacher] as number[];
    const taken = used[section.teacher]?.spring;
    take(section, prefs.find((p) => !taken?.has(p)) ?? (prefs[0] as number));
  }
}
