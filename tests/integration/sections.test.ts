/**
 * "My sections" through the router: each role's list of sections, a section's roster with
 * flags and trends, who needs attention, and the scope rules (a teacher only their own
 * sections; a counselor's roster only their caseload).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SectionSummary, SectionView } from '../../main/api/contract';
import { bindCore, type Core } from '../../main/app/start';
import { wordMessage } from '../../main/i18n/messages';
import { runPipeline } from '../../main/pipeline/run';
import { openStore } from '../../main/store/open';
import { buildTinyDistrict, ids } from '../fixtures/tiny-district';
import { tempDir } from '../helpers';

const t = tempDir();
let core: Core;

async function as<T>(staffId: string, method: string, input: unknown): Promise<T> {
  const signIn = await core.router.call('auth.signIn', { staffId }, null);
  if (!signIn.ok) throw new Error(signIn.error.message);
  const result = await core.router.call(
    method,
    input,
    (signIn.value as { sessionId: string }).sessionId,
  );
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

describe('sections', () => {
  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    await buildTinyDistrict(store.db);
    await runPipeline(store, { mode: 'backfill', trigger: 'manual' });
    core = bindCore(store, { host: 'cli', dataDir: t.dir, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  it('lists a teacher’s own sections and a school admin’s whole school', async () => {
    const tran = await as<{ sections: SectionSummary[] }>(ids.tran, 'sections.list', {});
    expect(tran.sections.map((s) => s.id)).toEqual([ids.algebraSection]);
    expect(tran.sections[0]).toMatchObject({ students: 2, teachers: [expect.any(String)] });
    const admin = await as<{ sections: SectionSummary[] }>(ids.admin, 'sections.list', {});
    expect(admin.sections.map((s) => s.id).sort()).toEqual(
      [ids.algebraSection, ids.englishSection].sort(),
    );
    // The counselor's caseload (Ana, Ben) has one student in each section.
    const counselor = await as<{ sections: SectionSummary[] }>(ids.counselor, 'sections.list', {});
    expect(counselor.sections.map((s) => s.students)).toEqual([1, 1]);
  });

  it('opens a section: roster with flags and grades, weekly trend, who needs attention', async () => {
    const view = await as<SectionView>(ids.tran, 'sections.get', {
      sectionId: ids.algebraSection,
    });
    expect(view.enrolled).toBe(2);
    expect(view.rows.map((r) => r.studentId).sort()).toEqual([ids.ana, ids.cara].sort());
    expect(view.trend.length).toBeGreaterThan(0);
    expect(view.trend.some((w) => w.attendanceRate !== null)).toBe(true);
    expect(view.rows.find((r) => r.studentId === ids.ana)).toMatchObject({
      grade: 88,
      letter: 'B',
      failing: false,
    });
  });

  it('refuses another teacher’s section and keeps a counselor’s roster to their caseload', async () => {
    await expect(
      as(ids.okafor, 'sections.get', { sectionId: ids.algebraSection }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const english = await as<SectionView>(ids.counselor, 'sections.get', {
      sectionId: ids.englishSection,
    });
    // Ben and Cara take English; only Ben is on the counselor's caseload.
    expect(english.enrolled).toBe(2);
    expect(english.rows.map((r) => r.studentId)).toEqual([ids.ben]);
    expect(english.needsAttention).toEqual([
      {
        studentId: ids.ben,
        name: expect.any(String),
        reasons: [{ key: 'attention.failing', params: { grade: '52%' } }],
      },
    ]);
    // Each reader gets the reason in their language.
    const [reason] = english.needsAttention[0]!.reasons;
    expect(wordMessage(reason!, 'en')).toBe('Failing this class (52%).');
    expect(wordMessage(reason!, 'es')).toBe('Reprobando esta clase (52%).');
    expect(english.rows[0]!.flags).toEqual(expect.arrayContaining(['course_failure']));
    await expect(
      as(ids.middleAdmin, 'sections.get', { sectionId: ids.englishSection }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
