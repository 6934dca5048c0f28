import type { Session } from '../../auth/sessions';
import { loadThresholds } from '../../indicators/thresholds';
import { today } from '../../interventions/schedule';
import { interventionsForStudent } from '../../interventions/view';
import type { Store } from '../../store/open';
import { studentProfile } from '../../students/profile';
import { attendanceWeeks } from '../attendance-weeks';
import type { StudentReportData } from '../report-data';
import { reportStamp } from './stamp';

/**
 * Everything the student report prints, from the same assembly as the profile page (so the PDF
 * and the screen agree) and the interventions as this caller may see them. The router has
 * checked the student is in the caller's scope.
 */
export async function studentReportData(
  store: Store,
  session: Session,
  studentId: string,
): Promise<StudentReportData> {
  const profile = await studentProfile(store, studentId, session.staff.role);
  const thresholds = await loadThresholds(store.db);
  return {
    stamp: reportStamp(store.sqlite, session, profile.dataAsOf),
    profile,
    attendanceWeeks: attendanceWeeks(profile.attendanceCalendar),
    chronicAbsence: thresholds.chronicAbsence,
    interventions: interventionsForStudent(store.sqlite, studentId, session, today()),
  };
}
