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
