/**
 * Which pages each role is offered. The core enforces every one of these at its router; the UI
 * only hides entries a role cannot use, and shows the router's refusal if one is reached anyway.
 */
import type { StaffRole } from '../api/types';

/**
 * Teachers import their own classes' records, school admins their school's, district admins
 * anything (main/imports/scope.ts decides, row by row). Counselors do not import.
 */
export function canImport(role: StaffRole | undefined): boolean {
  return role === 'teacher' || role === 'school_admin' || role === 'district_admin';
}

/** The date-order setting is read for every school's exports: district admins only. */
export function canChangeImportSettings(role: StaffRole | undefined): boolean {
  return role === 'district_admin';
}

/** The pipeline page (history, run now): school and district admins. */
export function canSeePipeline(role: StaffRole | undefined): boolean {
  return role === 'school_admin' || role === 'district_admin';
}

/** Changing the daily pipeline time is district-wide: district admins only. */
export function canSchedulePipeline(role: StaffRole | undefined): boolean {
  return role === 'district_admin';
}

/** Model versions (list, metrics, fairness audit): school admins read them, district admins too. */
export function canSeeModels(role: StaffRole | undefined): boolean {
  return role === 'school_admin' || role === 'district_admin';
}

/** Training, activating and rolling back a model is district-wide: district admins only. */
export function canManageModels(role: StaffRole | undefined): boolean {
  return role === 'district_admin';
}

/** Re-scoring every student with the active model now: school and district admins. */
export function canRescore(role: StaffRole | undefined): boolean {
  return role === 'school_admin' || role === 'district_admin';
}

/**
 * Marking a risk score or a flag right or wrong, and overriding a tier: counselors and admins.
 * Everyone who can see a student sees the score.
 */
export function canGiveRiskFeedback(role: StaffRole | undefined): boolean {
  return role === 'counselor' || role === 'school_admin' || role === 'district_admin';
}

/**
 * Planning interventions, checking in and reminders of check-ins due: teachers, counselors and
 * school admins. District admins read interventions only (DOMAIN.md); the core decides per plan
 * who may change it (`canEdit`).
 */
export function canPlanInterventions(role: StaffRole | undefined): boolean {
  return role === 'teacher' || role === 'counselor' || role === 'school_admin';
}

/** How many high-risk students have an active intervention: school and district admins. */
export function canSeeInterventionCoverage(role: StaffRole | undefined): boolean {
  return role === 'school_admin' || role === 'district_admin';
}

/** "My caseload": counselors, whose students are assigned to them. */
export function canSeeCaseload(role: StaffRole | undefined): boolean {
  return role === 'counselor';
}
