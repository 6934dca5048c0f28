import { useStore } from 'zustand';
import { useSession } from './useSession';
import { schoolChoiceStore } from '../stores/schoolsStore';

/**
 * The school to narrow to: only district admins choose one (null = whole district); everyone
 * else sees their own scope, decided by the core.
 */
export function useSchoolChoice(): { canChoose: boolean; schoolId: string | null } {
  const { staff } = useSession();
  const chosen = useStore(schoolChoiceStore, (s) => s.schoolId);
  const canChoose = staff?.role === 'district_admin';
  return { canChoose, schoolId: canChoose ? chosen : null };
}
