import type { Input } from '../../api/types';
import { studentProfile } from '../profileStore';
import { request } from '../request';
import { studentList } from '../studentListStore';

/**
 * Saves a counselor's verdict on a student's risk score or a flag, or a tier override (the core
 * keeps who, when and why), then refreshes the profile in place so the feedback list shows it,
 * and the student list so an override shows there too.
 */
export async function sendRiskFeedback(input: Input<'risk.feedback'>): Promise<void> {
  await request('risk.feedback', input);
  studentProfile.invalidate();
  studentList.invalidate();
}
