/**
 * Which pages each role is offered. The core enforces every one of these at its router; the UI
 * only hides entries a role cannot use, and shows the router's refusal if one is reached anyway.
 */
import type { StaffRole } from '../api/types';

/** Imports change the district's records: district admins only. */
export function canImport(role: StaffRole | undefined): boolean {
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
