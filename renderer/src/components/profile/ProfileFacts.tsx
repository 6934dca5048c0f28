import type { StudentProfile } from '../../api/types';
import { gradeLong, humanize } from '../../domain/labels';
import { formatDate } from '../../format/format';
import { Value } from '../common/Value';

/** Who the student is (the name is the page heading): grade, school, counselor, enrolment. */
export function ProfileFacts({
  student,
  dataAsOf,
}: {
  student: StudentProfile['student'];
  dataAsOf: StudentProfile['dataAsOf'];
}) {
  return (
    <dl className="facts">
      <div>
        <dt>Grade</dt>
        <dd>{gradeLong(student.gradeLevel)}</dd>
      </div>
      <div>
        <dt>School</dt>
        <dd>{student.schoolName}</dd>
      </div>
      <div>
        <dt>Counselor</dt>
        <dd>{student.counselorName ?? 'None assigned'}</dd>
      </div>
      <div>
        <dt>Student number</dt>
        <dd>{student.studentNumber}</dd>
      </div>
      <div>
        <dt>Enrolled</dt>
        <dd>
          {humanize(student.enrollmentStatus)} since {formatDate(student.entryDate)}
          {student.exitDate ? `, left ${formatDate(student.exitDate)}` : ''}
        </dd>
      </div>
      <div>
        <dt>Data as of</dt>
        <dd>
          <Value text={formatDate(dataAsOf)} />
        </dd>
      </div>
    </dl>
  );
}
