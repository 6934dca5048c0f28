import { useTranslation } from 'react-i18next';
import type { StudentProfile } from '../../api/types';
import { canGiveRiskFeedback } from '../../domain/permissions';
import { useSession } from '../../hooks/useSession';
import { EmptyState } from '../feedback/EmptyState';
import { InterventionsSection } from '../interventions/InterventionsSection';
import { AttendanceCalendar } from './AttendanceCalendar';
import { FlagsPanel } from './FlagsPanel';
import { GradesFigure } from './GradesFigure';
import { IncidentsList } from './IncidentsList';
import { IndicatorTiles } from './IndicatorTiles';
import { LmsFigure } from './LmsFigure';
import { OutcomesList } from './OutcomesList';
import { ProfileFacts } from './ProfileFacts';
import { RiskCard } from './RiskCard';
import { RiskFeedbackList } from './RiskFeedbackList';
import { RiskHistoryFigure } from './RiskHistoryFigure';

/** Everything on a student's profile, below the page heading. */
export function ProfileView({ profile }: { profile: StudentProfile }) {
  const { t } = useTranslation('profile');
  const canReview = canGiveRiskFeedback(useSession().staff?.role);
  const studentId = profile.student.id;
  return (
    <>
      <ProfileFacts student={profile.student} dataAsOf={profile.dataAsOf} />
      <div className="grid-profile-top">
        <RiskCard studentId={studentId} risk={profile.risk} canReview={canReview} />
        <FlagsPanel
          flags={profile.flags}
          review={canReview ? { studentId, feedback: profile.riskFeedback } : null}
        />
      </div>
      {profile.riskHistory.length > 0 && <RiskHistoryFigure history={profile.riskHistory} />}
      {(canReview || profile.riskFeedback.length > 0) && (
        <RiskFeedbackList feedback={profile.riskFeedback} />
      )}
      <InterventionsSection studentId={studentId} />
      <section className="card" aria-labelledby="indicators-title">
        <h2 id="indicators-title" className="card-title">
          {t('view.indicatorsTitle')}
        </h2>
        {profile.indicators ? (
          <IndicatorTiles indicators={profile.indicators} />
        ) : (
          <EmptyState title={t('view.indicatorsEmpty')}>
            <p>{t('view.indicatorsEmptyHint')}</p>
          </EmptyState>
        )}
      </section>
      <AttendanceCalendar days={profile.attendanceCalendar} />
      <GradesFigure grades={profile.grades} gradingPeriods={profile.gradingPeriods} />
      <div className="grid-2">
        <IncidentsList incidents={profile.incidents} />
        <OutcomesList outcomes={profile.outcomes} />
      </div>
      <LmsFigure weeks={profile.lmsWeekly} />
    </>
  );
}
