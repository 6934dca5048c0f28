/**
 * A course's subject from OneRoster `subjectCodes` (SCED codes, whose first two digits are the
 * subject area) and `subjects` (free text). Codes win because they are standard; text is
 * matched on words; anything else is an elective.
 */
import type { Subject } from '../../../db/schema';
import { splitList } from './values';

/**
 * SCED subject areas. Secondary courses use 01–23; the prior-to-secondary codes (51–58)
 * repeat the same areas 50 higher.
 */
const SCED_AREAS: Readonly<Record<number, Subject>> = {
  1: 'ela',
  2: 'math',
  3: 'science',
  4: 'social_studies',
  5: 'arts',
  6: 'world_language',
  8: 'pe',
};

function fromCode(code: string): Subject | null {
  const m = /^(\d{2})\d{3}$/.exec(code.trim());
  if (!m) return null;
  const area = Number(m[1]);
  return SCED_AREAS[area > 50 ? area - 50 : area] ?? 'elective';
}

/** Word patterns in subject names, most specific first. */
const WORDS: readonly [RegExp, Subject][] = [
  [/\b(math|mathematics|algebra|geometry|calculus|statistics|trigonometry|arithmetic)\b/i, 'math'],
  [/\b(english|ela|language arts|reading|literature|writing|literacy|composition)\b/i, 'ela'],
  [/\b(science|biology|chemistry|physics|earth|environmental|anatomy|stem)\b/i, 'science'],
  [
    /\b(social studies|social science|history|civics|government|economics|geography|psychology)\b/i,
    'social_studies',
  ],
  [
    /\b(world languages?|foreign languages?|spanish|french|german|chinese|mandarin|latin|japanese|arabic|asl|sign language)\b/i,
    'world_language',
  ],
  [/\b(art|arts|music|band|choir|chorus|orchestra|theat(er|re)|drama|dance|visual)\b/i, 'arts'],
  [/\b(physical education|pe|health|fitness|wellness)\b/i, 'pe'],
];

export function courseSubject(subjectsText: string, subjectCodesText: string): Subject {
  for (const code of splitList(subjectCodesText)) {
    const subject = fromCode(code);
    if (subject) return subject;
  }
  for (const name of splitList(subjectsText)) {
    for (const [pattern, subject] of WORDS) if (pattern.test(name)) return subject;
  }
  return 'elective';
}

/** The four core academic areas EWIMS and on-track indicators count. */
export function isCore(subject: Subject): boolean {
  return (
    subject === 'math' || subject === 'ela' || subject === 'science' || subject === 'social_studies'
  );
}
