/**
 * Risk reasons are messages: the same reason reads in English as scores always stored it, and in
 * Spanish for a Spanish reader, with the student's own numbers and course names.
 */
import { describe, expect, it } from 'vitest';
import { wordMessage } from '../../main/i18n/messages';
import { reasonFor, sentenceFor, type StudentWeek } from '../../main/risk/explain';

function week(values: Record<string, number>, grades: [string, number][] = []): StudentWeek {
  return {
    value: (key) => values[key] ?? null,
    sectionGrades: () => grades.map(([sectionId, grade]) => ({ sectionId, grade })),
  };
}

const courses = new Map([
  ['s1', 'Algebra I'],
  ['s2', 'Biology'],
]);
const courseOf = (id: string) => courses.get(id);

function both(key: string, now: StudentWeek, before: StudentWeek | null) {
  const reason = reasonFor(key, now, before, courseOf);
  if (!reason) throw new Error(`no reason for ${key}`);
  return { en: wordMessage(reason, 'en'), es: wordMessage(reason, 'es') };
}

describe('risk reasons', () => {
  it('quotes a value and where it was four weeks earlier', () => {
    expect(
      both(
        'attendance_rate_4wk',
        week({ attendance_rate_4wk: 0.81 }),
        week({ attendance_rate_4wk: 0.96 }),
      ),
    ).toEqual({
      en: 'Attendance over the last 4 weeks: 81%, down from 96% four weeks earlier.',
      es: 'Asistencia en las últimas 4 semanas: 81%, menos que 96% cuatro semanas antes.',
    });
  });

  it('names the failing courses, lowest grade first', () => {
    expect(
      both(
        'failing_sections',
        week({ failing_sections: 2 }, [
          ['s1', 52],
          ['s2', 41],
        ]),
        null,
      ),
    ).toEqual({
      en: 'Failing 2 courses: Biology (41%), Algebra I (52%).',
      es: 'Reprobando 2 cursos: Biology (41%), Algebra I (52%).',
    });
    expect(both('failing_sections', week({ failing_sections: 1 }, [['s1', 52]]), null).en).toBe(
      'Failing a course: Algebra I (52%).',
    );
  });

  it('words units and trends in the reader’s language', () => {
    expect(both('lms_minutes_week', week({ lms_minutes_week: 45 }), null)).toEqual({
      en: 'Minutes in the learning platform this week: 45 minutes.',
      es: 'Minutos en la plataforma de aprendizaje esta semana: 45 minutos.',
    });
    expect(both('attendance_trend', week({ attendance_trend: -0.15 }), null)).toEqual({
      en: 'Attendance fell by 15 points over the last 4 weeks compared with the 4 weeks before.',
      es: 'La asistencia bajó 15 puntos en las últimas 4 semanas en comparación con las 4 semanas anteriores.',
    });
  });

  it('stores the English words as the sentence', () => {
    const now = week({ gpa: 1.8 });
    expect(sentenceFor('gpa', now, week({ gpa: 1.8 }), courseOf)).toBe('GPA: 1.8.');
    expect(reasonFor('attendance_trend', week({ attendance_trend: 0.001 }), null, courseOf)).toBe(
      null,
    );
  });
});

describe('messages', () => {
  it('group counts the way US readers of each language expect', () => {
    const caseload = { key: 'staffDetail.caseload', params: { count: 12345 } };
    expect(wordMessage(caseload, 'en')).toBe('Caseload of 12,345 students');
    expect(wordMessage(caseload, 'es')).toBe('Lista de casos de 12,345 estudiantes');
    expect(wordMessage({ key: 'staffDetail.caseload', params: { count: 1 } }, 'es')).toBe(
      'Lista de casos de 1 estudiante',
    );
  });
});
