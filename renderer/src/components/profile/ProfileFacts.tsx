import { useTranslation } from 'react-i18next';
import type { StudentProfile } from '../../api/types';
import { gradeLong, humanize } from '../../domain/labels';
import { formatDate } from '../../format/format';
import { Value } from '../common/Value';

/** The statuses the schema allows (db/migrations/0001_initial.ts). */
const ENROLLMENT_STATUSES = ['active', 'withdrawn', 'graduated'] as const;

type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

function isEnrollmentStatus(status: string): status is EnrollmentStatus {
  return (ENROLLMENT_STATUSES as readonly string[]).includes(status);
}

/** Who the student is (the name is the page heading): grade, school, counselor, enrolment. */
export function ProfileFacts({
  student,
  dataAsOf,
}: {
  student: StudentProfile['student'];
  dataAsOf: StudentProfile['dataAsOf'];
}) {
  const { t } = useTranslation('profile');
  const status = isEnrollmentStatus(student.enrollmentStatus)
    ? t(`facts.enrollmentStatus.${student.enrollmentStatus}`)
    : humanize(student.enrollmentStatus);
  const since = { status, date: formatDate(student.entryDate) };
  return (
    <dl className="facts">
      <div>
        <dt>{t('facts.grade')}</dt>
        <dd>{gradeLong(student.gradeLevel)}</dd>
      </div>
      <div>
        <dt>{t('facts.school')}</dt>
        <dd translate="no">{student.schoolName}</dd>
      </div>
      <div>
        <dt>{t('facts.counselor')}</dt>
        {student.counselorName ? (
          <dd translate="no">{student.counselorName}</dd>
        ) : (
          <dd>{t('facts.noCounselor')}</dd>
        )}
      </div>
      <div>
        <dt>{t('facts.studentNumber')}</dt>
        <dd translate="no">{student.studentNumber}</dd>
      </div>
      <div>
        <dt>{t('facts.enrolled')}</dt>
        <dd>
          {student.exitDate
            ? t('facts.enrolledSinceLeft', { ...since, left: formatDate(student.exitDate) })
            : t('facts.enrolledSince', since)}
        </dd>
      </div>
      <div>
        <dt>{t('facts.dataAsOf')}</dt>
        <dd>
          <Value text={formatDate(dataAsOf)} />
        </dd>
      </div>
    </dl>
  );
}
