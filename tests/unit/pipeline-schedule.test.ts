import { afterEach, describe, expect, it, vi } from 'vitest';
import { missedRun, nextRunAt, previousRunAt } from '../../main/pipeline/schedule';
import { PipelineScheduler } from '../../main/pipeline/scheduler';

// Local wall-clock instants, whatever zone the machine is in.
const at = (y: number, mo: number, d: number, h: number, mi = 0) =>
  new Date(y, mo - 1, d, h, mi).getTime();

describe('nextRunAt', () => {
  it('is later today when the time has not come yet, else tomorrow', () => {
    expect(nextRunAt(at(2025, 9, 10, 5, 59), '06:00')).toBe(at(2025, 9, 10, 6));
    expect(nextRunAt(at(2025, 9, 10, 6, 0), '06:00')).toBe(at(2025, 9, 11, 6));
    expect(nextRunAt(at(2025, 9, 10, 23, 30), '06:00')).toBe(at(2025, 9, 11, 6));
  });

  it('crosses month and year ends', () => {
    expect(nextRunAt(at(2025, 12, 31, 22), '21:15')).toBe(at(2026, 1, 1, 21, 15));
  });

  it('defaults to 06:00 and refuses a malformed time', () => {
    expect(nextRunAt(at(2025, 9, 10, 1))).toBe(at(2025, 9, 10, 6));
    expect(() => nextRunAt(0, '6:00')).toThrow();
    expect(() => nextRunAt(0, '24:00')).toThrow();
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Chicago';
    try {
      // Sat 7 Mar 2026 07:00 → Sun 8 Mar 06:00 CDT: 23 hours later, not 24.
      const sat = Date.parse('2026-03-07T13:00:00Z'); // 07:00 CST
      expect(nextRunAt(sat, '06:00')).toBe(Date.parse('2026-03-08T11:00:00Z'));
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('missedRun (catch-up at launch)', () => {
  it('is due when the app was closed through the scheduled time', () => {
    // Last success yesterday 06:00; opened today at 09:00, after today's 06:00.
    expect(missedRun(at(2025, 9, 9, 6, 2), at(2025, 9, 10, 9), '06:00')).toBe(true);
  });

  it('is not due when a run succeeded since the latest scheduled time', () => {
    expect(missedRun(at(2025, 9, 10, 6, 3), at(2025, 9, 10, 9), '06:00')).toBe(false);
    // Opened at 05:00: today's run is still ahead and yesterday's succeeded.
    expect(missedRun(at(2025, 9, 9, 6, 1), at(2025, 9, 10, 5), '06:00')).toBe(false);
  });

  it('is due when nothing has ever run', () => {
    expect(missedRun(null, at(2025, 9, 10, 5), '06:00')).toBe(true);
  });

  it('looks back to the latest scheduled time', () => {
    expect(previousRunAt(at(2025, 9, 10, 5), '06:00')).toBe(at(2025, 9, 9, 6));
    expect(previousRunAt(at(2025, 9, 10, 6), '06:00')).toBe(at(2025, 9, 10, 6));
  });
});

describe('PipelineScheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('arms for the next scheduled time and re-arms after each run', async () => {
    vi.useFakeTimers();
    let now = at(2025, 9, 10, 5, 30);
    vi.setSystemTime(now);
    const runs: number[] = [];
    const scheduler = new PipelineScheduler({
      dailyAt: '06:00',
      now: () => now,
      run: () => {
        runs.push(now);
      },
    });
    scheduler.start();
    expect(scheduler.dueAt).toBe(at(2025, 9, 10, 6));

    now = at(2025, 9, 10, 6);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(runs).toEqual([at(2025, 9, 10, 6)]);
    expect(scheduler.dueAt).toBe(at(2025, 9, 11, 6));

    scheduler.stop();
    expect(scheduler.dueAt).toBeNull();
    now = at(2025, 9, 11, 6);
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(runs).toHaveLength(1);
  });

  it('waits for the real time when a timer fires early, and survives a failing run', async () => {
    vi.useFakeTimers();
    let now = at(2025, 9, 10, 5, 0);
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = new PipelineScheduler({
      dailyAt: '06:00',
      now: () => now,
      run: () => {
        calls++;
        throw new Error('database busy');
      },
      onError: (e) => errors.push(e),
    });
    scheduler.start();
    // The timer fires after an hour, but the clock was set back 10 minutes meanwhile.
    now = at(2025, 9, 10, 5, 50);
    await vi.advanceTimersByTimeAsync(3600_000);
    expect(calls).toBe(0);
    now = at(2025, 9, 10, 6, 0);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toBe(1);
    expect(errors).toHaveLength(1);
    expect(scheduler.dueAt).toBe(at(2025, 9, 11, 6));
    scheduler.stop();
  });

  it('refuses a malformed time at construction', () => {
    expect(() => new PipelineScheduler({ dailyAt: 'six', run: () => {} })).toThrow();
  });
});
