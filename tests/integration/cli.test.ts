/** The command-line host, run as a real child process against a real database file. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshIndicators } from '../../main/indicators/refresh';
import { openStore } from '../../main/store/open';
import { buildTinyDistrict, ids } from '../fixtures/tiny-district';
import { tempDir } from '../helpers';

const t = tempDir();
function cli(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'main/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, SIGHTLINE_DATA_DIR: t.dir },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('CLI host', () => {
  beforeAll(async () => {
    const store = await openStore(path.join(t.dir, 'sightline.sqlite'));
    await buildTinyDistrict(store.db);
    await refreshIndicators(store);
    await store.close();
  });
  afterAll(() => t.cleanup());

  it('calls the API as a named staff member, within their scope', () => {
    const run = cli('call', 'students.list', '{"sort":"name","dir":"asc"}', '--as', ids.tran);
    expect(run.code).toBe(0);
    const page = JSON.parse(run.stdout) as { total: number; rows: { givenName: string }[] };
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.givenName)).toEqual(['Ana', 'Cara']);
  });

  it('prints typed errors in words and exits non-zero', () => {
    const denied = cli(
      'call',
      'students.profile',
      JSON.stringify({ studentId: ids.ben }),
      '--as',
      ids.tran,
    );
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain(
      'forbidden: You can only see students enrolled in your own sections.',
    );
    const badJson = cli('call', 'students.list', '{nope', '--as', ids.tran);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/must be JSON/);
  });

  it('will not seed over an existing district', () => {
    const run = cli('seed', '--students', '50');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/already holds a district; nothing was changed/);
  });
});
