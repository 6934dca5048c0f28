import type { Subject } from '../schema';
import type { SchoolKind } from './district-plan';

export interface CourseSpec {
  code: string;
  title: string;
  subject: Subject;
  /** The grade the course is normally taken in; null for multi-grade electives. */
  gradeLevel: number | null;
  grades: readonly number[];
  isCore: boolean;
  /**
   * Year-long courses fill a fixed slot (`slot` = which requirement) and keep the same section,
   * teacher and period in both semesters; the rest are one-semester electives.
   */
  slot: string | null;
  /** Relative popularity among alternatives for the same slot, or among electives. */
  weight: number;
  credits: number;
  /** Shift of the academic latent in this course: positive = harder (lower scores). */
  difficulty: number;
}

interface CatalogSpec {
  courses: CourseSpec[];
  electivesPerSemester: number;
}

const MS = [6, 7, 8] as const;
const HS = [9, 10, 11, 12] as const;

const DIFFICULTY: Record<Subject, number> = {
  math: 0.3,
  science: 0.15,
  ela: 0.05,
  social_studies: 0,
  world_language: 0.05,
  elective: -0.3,
  arts: -0.5,
  pe: -0.6,
};

function year(
  code: string,
  title: string,
  subject: Subject,
  grade: number,
  slot: string,
  weight = 1,
  credits = 1,
): CourseSpec {
  const isCore = ['math', 'ela', 'science', 'social_studies'].includes(subject);
  return {
    code,
    title,
    subject,
    gradeLevel: grade,
    grades: [grade],
    isCore,
    slot: `${slot}-${grade}`,
    weight,
    credits,
    difficulty: DIFFICULTY[subject],
  };
}

function elective(
  code: string,
  title: string,
  subject: Subject,
  grades: readonly number[],
  weight: number,
): CourseSpec {
  return {
    code,
    title,
    subject,
    gradeLevel: null,
    grades,
    isCore: false,
    slot: null,
    weight,
    credits: 0.5,
    difficulty: DIFFICULTY[subject],
  };
}

const MIDDLE: CatalogSpec = {
  electivesPerSemester: 1,
  courses: [
    ...MS.flatMap((g) => [
      year(`MATH-0${g}`, `Math ${g}`, 'math', g, 'math', g === 8 ? 0.8 : 1),
      year(`ELA-0${g}`, `English Language Arts ${g}`, 'ela', g, 'ela'),
      year(`SCI-0${g}`, `Science ${g}`, 'science', g, 'science'),
      year(`PE-0${g}`, `Physical Education ${g}`, 'pe', g, 'pe'),
    ]),
    // Accelerated 8th graders take Algebra I instead of Math 8.
    year('ALG1-08', 'Algebra I (Grade 8)', 'math', 8, 'math', 0.2),
    year('SOC-06', 'World Cultures 6', 'social_studies', 6, 'social'),
    year('SOC-07', 'World History 7', 'social_studies', 7, 'social'),
    year('SOC-08', 'U.S. History 8', 'social_studies', 8, 'social'),
    elective('SPAN-EX', 'Spanish Exploratory', 'world_language', MS, 3),
    elective('FREN-EX', 'French Exploratory', 'world_language', MS, 1),
    elective('ART-MS', 'Art', 'arts', MS, 3),
    elective('BAND-MS', 'Band', 'arts', MS, 2),
    elective('CHOIR-MS', 'Choir', 'arts', MS, 2),
    elective('CSD-MS', 'Computer Science Discoveries', 'elective', MS, 2),
    elective('STEM-MS', 'STEM Design Lab', 'elective', MS, 2),
    elective('HLTH-MS', 'Health', 'elective', MS, 1.5),
    elective('STDY-MS', 'Study Skills', 'elective', MS, 1),
  ],
};

const HIGH: CatalogSpec = {
  electivesPerSemester: 2,
  courses: [
    year('ALG1', 'Algebra I', 'math', 9, 'math', 0.8),
    year('GEOM-9', 'Geometry (Honors)', 'math', 9, 'math', 0.2),
    year('GEOM', 'Geometry', 'math', 10, 'math', 0.75),
    year('ALG2-10', 'Algebra II (Honors)', 'math', 10, 'math', 0.25),
    year('ALG2', 'Algebra II', 'math', 11, 'math', 0.7),
    year('PREC-11', 'Precalculus (Honors)', 'math', 11, 'math', 0.3),
    year('PREC', 'Precalculus', 'math', 12, 'math', 0.45),
    year('STAT', 'Statistics', 'math', 12, 'math', 0.35),
    year('FALG', 'Financial Algebra', 'math', 12, 'math', 0.2),
    ...HS.map((g) => year(`ENG-${g}`, `English ${g}`, 'ela', g, 'ela')),
    year('BIO', 'Biology', 'science', 9, 'science'),
    year('CHEM', 'Chemistry', 'science', 10, 'science'),
    year('PHYS', 'Physics', 'science', 11, 'science', 0.6),
    year('ESS', 'Earth & Space Science', 'science', 11, 'science', 0.4),
    year('ENVS', 'Environmental Science', 'science', 12, 'science', 0.5),
    year('ANAT', 'Anatomy & Physiology', 'science', 12, 'science', 0.5),
    year('WGEO', 'World Geography', 'social_studies', 9, 'social'),
    year('WHIS', 'World History', 'social_studies', 10, 'social'),
    year('USHI', 'U.S. History', 'social_studies', 11, 'social'),
    year('GOVE', 'Government & Economics', 'social_studies', 12, 'social'),
    elective('SPAN1', 'Spanish I', 'world_language', HS, 4),
    elective('SPAN2', 'Spanish II', 'world_language', [10, 11, 12], 3),
    elective('FREN1', 'French I', 'world_language', HS, 1.5),
    elective('MAND1', 'Mandarin I', 'world_language', HS, 0.8),
    elective('ART1', 'Art I', 'arts', HS, 2.5),
    elective('CERA', 'Ceramics', 'arts', [10, 11, 12], 1.2),
    elective('BAND', 'Band', 'arts', HS, 1.5),
    elective('CHOIR', 'Choir', 'arts', HS, 1.5),
    elective('THEA', 'Theater Arts', 'arts', HS, 1),
    elective('PE', 'Physical Education', 'pe', [9, 10], 4),
    elective('WTRN', 'Weight Training', 'pe', [10, 11, 12], 1.5),
    elective('HLTH', 'Health', 'pe', [9, 10], 2.5),
    elective('CSP', 'Computer Science Principles', 'elective', HS, 1.5),
    elective('PSYC', 'Psychology', 'elective', [11, 12], 2),
    elective('PFIN', 'Personal Finance', 'elective', [11, 12], 2),
    elective('JOUR', 'Journalism', 'elective', HS, 0.8),
    elective('ENGR', 'Engineering Design', 'elective', HS, 1),
    elective('CULN', 'Culinary Arts', 'elective', HS, 1.5),
  ],
};

export function catalogFor(kind: SchoolKind): CatalogSpec {
  return kind === 'middle' ? MIDDLE : HIGH;
}

/** Gradebook items per subject: [title stem, points possible]. */
export const ASSIGNMENT_KINDS: Record<Subject, readonly (readonly [string, number])[]> = {
  math: [
    ['Problem Set', 25],
    ['Quiz', 20],
    ['Unit Test', 100],
  ],
  ela: [
    ['Reading Response', 20],
    ['Essay', 50],
    ['Vocabulary Quiz', 20],
  ],
  science: [
    ['Lab Report', 40],
    ['Quiz', 20],
    ['Unit Test', 100],
  ],
  social_studies: [
    ['Document Analysis', 30],
    ['Quiz', 20],
    ['Unit Test', 100],
  ],
  world_language: [
    ['Vocabulary Quiz', 20],
    ['Oral Assessment', 25],
    ['Unit Test', 100],
  ],
  arts: [
    ['Portfolio Piece', 50],
    ['Performance Check', 25],
    ['Critique', 20],
  ],
  pe: [
    ['Fitness Log', 20],
    ['Skills Assessment', 25],
    ['Health Quiz', 20],
  ],
  elective: [
    ['Project', 100],
    ['Quiz', 20],
    ['Assignment', 25],
  ],
};
