/**
 * The risk part of a student's profile: the active model's latest score with its reasons and
 * attention, the weekly history, and the feedback and overrides staff recorded.
 */
import type SQLite from 'better-sqlite3';
import type { IsoDate, RiskFactor, RiskTier, StaffRole } from '../../db/schema';
import type { RiskFeedbackView, StudentProfile, StudentRiskView } from '../api/contract';
import { featureSpec } from '../training/features';

interface FeedbackRow {
  id: string;
  target: string;
  verdict: RiskFeedbackView['verdict'];
  override_tier: RiskTier | null;
  note: string;
  staff_name: string | null;
  created_at: number;
}

function toFeedbackView(r: FeedbackRow): RiskFeedbackView {
  return {
    id: r.id,
    target: r.target,
    verdict: r.verdict,
    overrideTier: r.override_tier,
    note: r.note,
    staffName: r.staff_name ?? 'Former staff member',
    at: r.created_at,
  };
}

/**
 * Feedback notes are counselors' and admins' working notes: a teacher sees the score, the
 * reasons and that a tier was overridden, not who wrote what about the student.
 */
export function studentRisk(
  sqlite: SQLite.Database,
  studentId: string,
  viewer: StaffRole,
): Pick<StudentProfile, 'risk' | 'riskHistory' | 'riskFeedback'> {
  const seesNotes = viewer !== 'teacher';
  const feedback = (
    sqlite
      .prepare(
        `SELECT f.id, f.target, f.verdict, f.override_tier, f.note, f.created_at,
                s.given_name || ' ' || s.family_name AS staff_name
         FROM risk_feedback f LEFT JOIN staff s ON s.id = f.staff_id
         WHERE f.student_id = ? AND f.deleted_at IS NULL
         ORDER BY f.created_at DESC, f.id DESC`,
      )
      .all(studentId) as FeedbackRow[]
  )
    .map(toFeedbackView)
    .map((f) => (seesNotes ? f : { ...f, note: '', staffName: 'A counselor or administrator' }));

  const current = sqlite
    .prepare(
      `SELECT r.*, m.name AS model_name, p.attention_json
       FROM student_risk r
       JOIN model_versions m ON m.id = r.model_version_id
       LEFT JOIN predictions p ON p.model_version_id = r.model_version_id
         AND p.student_id = r.student_id AND p.week_start = r.week_start
       WHERE r.student_id = ?`,
    )
    .get(studentId) as
    | {
        model_version_id: string;
        model_name: string;
        week_start: IsoDate;
        score: number;
        tier: RiskTier;
        previous_score: number | null;
        previous_tier: RiskTier | null;
        factors_json: string;
        attention_json: string | null;
        data_as_of: IsoDate;
      }
    | undefined;
  const visibleFeedback = seesNotes ? feedback : [];
  if (!current) return { risk: null, riskHistory: [], riskFeedback: visibleFeedback };

  const history = sqlite
    .prepare(
      `SELECT week_start AS weekStart, score, tier FROM predictions
       WHERE model_version_id = ? AND student_id = ? ORDER BY week_start`,
    )
    .all(current.model_version_id, studentId) as StudentProfile['riskHistory'];

  const factors = (JSON.parse(current.factors_json) as RiskFactor[]).map((f) => ({
    feature: f.feature,
    group: featureSpec(f.feature)?.group ?? 'context',
    sentence: f.sentence,
    message: f.message ?? null,
    delta: f.delta,
  }));
  const attention = current.attention_json
    ? (JSON.parse(current.attention_json) as [IsoDate, number][]).map(([weekStart, weight]) => ({
        weekStart,
        weight,
      }))
    : null;
  const risk: StudentRiskView = {
    score: current.score,
    tier: current.tier,
    previousTier: current.previous_tier,
    change: current.previous_score === null ? null : current.score - current.previous_score,
    weekStart: current.week_start,
    dataAsOf: current.data_as_of,
    modelVersionId: current.model_version_id,
    modelName: current.model_name,
    factors,
    attention,
    override: feedback.find((f) => f.verdict === 'override') ?? null,
  };
  return { risk, riskHistory: history, riskFeedback: visibleFeedback };
}
