import { describe, expect, it } from 'vitest';
import {
  WorkingCalendar,
  computeDueAt,
  resolveStageLimit,
  stagePolicyListSchema,
  type StagePolicy,
} from '../../../src/domain/calendar/index.js';

const SHANGHAI = 'Asia/Shanghai';

describe('resolveStageLimit', () => {
  it('falls back to the built-in defaults', () => {
    expect(resolveStageLimit([], { stage: 'ACKNOWLEDGE' })).toEqual({ amount: 1, unit: 'WORKING_DAYS' });
    expect(resolveStageLimit([], { stage: 'ANALYZE' })).toEqual({ amount: 3, unit: 'WORKING_DAYS' });
    expect(resolveStageLimit([], { stage: 'HANDLE', categoryCode: 'ROADS', priority: 'HIGH' })).toEqual({
      amount: 15,
      unit: 'WORKING_DAYS',
    });
    expect(resolveStageLimit([], { stage: 'EVALUATE' })).toEqual({ amount: 7, unit: 'CALENDAR_DAYS' });
  });

  const policies: StagePolicy[] = [
    { stage: 'HANDLE', limit: { amount: 10, unit: 'WORKING_DAYS' } },
    { stage: 'HANDLE', priority: 'URGENT', limit: { amount: 3, unit: 'WORKING_DAYS' } },
    { stage: 'HANDLE', categoryCode: 'WATER', limit: { amount: 5, unit: 'WORKING_DAYS' } },
    { stage: 'HANDLE', categoryCode: 'WATER', priority: 'URGENT', limit: { amount: 24, unit: 'HOURS' } },
    { stage: 'ACKNOWLEDGE', priority: 'URGENT', limit: { amount: 2, unit: 'HOURS' } },
  ];

  it.each([
    [{ categoryCode: 'WATER', priority: 'URGENT' }, { amount: 24, unit: 'HOURS' }],
    [{ categoryCode: 'WATER', priority: 'LOW' }, { amount: 5, unit: 'WORKING_DAYS' }],
    [{ categoryCode: 'ROADS', priority: 'URGENT' }, { amount: 3, unit: 'WORKING_DAYS' }],
    [{ categoryCode: 'ROADS', priority: 'NORMAL' }, { amount: 10, unit: 'WORKING_DAYS' }],
    [{ priority: 'URGENT' }, { amount: 3, unit: 'WORKING_DAYS' }],
    [{}, { amount: 10, unit: 'WORKING_DAYS' }],
  ] as const)('picks the most specific HANDLE policy for %o', (query, expected) => {
    expect(resolveStageLimit(policies, { stage: 'HANDLE', ...query })).toEqual(expected);
  });

  it('ignores policies of other stages and treats null like absent', () => {
    expect(resolveStageLimit(policies, { stage: 'ACKNOWLEDGE', priority: 'URGENT' })).toEqual({ amount: 2, unit: 'HOURS' });
    expect(resolveStageLimit(policies, { stage: 'ANALYZE', categoryCode: 'WATER', priority: 'URGENT' })).toEqual({
      amount: 3,
      unit: 'WORKING_DAYS',
    });
    expect(resolveStageLimit(policies, { stage: 'HANDLE', categoryCode: null, priority: null })).toEqual({
      amount: 10,
      unit: 'WORKING_DAYS',
    });
  });

  it('lets a later policy of equal specificity win', () => {
    const appended: StagePolicy[] = [...policies, { stage: 'HANDLE', categoryCode: 'WATER', limit: { amount: 7, unit: 'WORKING_DAYS' } }];
    expect(resolveStageLimit(appended, { stage: 'HANDLE', categoryCode: 'WATER' })).toEqual({ amount: 7, unit: 'WORKING_DAYS' });
  });
});

describe('stagePolicyListSchema', () => {
  it('accepts a JSON policy list', () => {
    const parsed = stagePolicyListSchema.parse(
      JSON.parse('[{"stage":"HANDLE","categoryCode":"WATER","priority":"HIGH","limit":{"amount":5,"unit":"WORKING_DAYS"}}]'),
    );
    expect(parsed).toHaveLength(1);
  });

  it('rejects unknown stages, units, priorities and non-positive amounts', () => {
    const bad = [
      { stage: 'CLOSE', limit: { amount: 1, unit: 'HOURS' } },
      { stage: 'HANDLE', limit: { amount: 1, unit: 'WEEKS' } },
      { stage: 'HANDLE', priority: 'CRITICAL', limit: { amount: 1, unit: 'HOURS' } },
      { stage: 'HANDLE', limit: { amount: 0, unit: 'HOURS' } },
      { stage: 'HANDLE', limit: { amount: 1.5, unit: 'WORKING_DAYS' } },
    ];
    for (const policy of bad) expect(stagePolicyListSchema.safeParse([policy]).success, JSON.stringify(policy)).toBe(false);
  });
});

describe('computeDueAt', () => {
  const calendar = WorkingCalendar.fromFile();
  const fridayBeforeSpringFestival = new Date('2026-02-13T07:00:00Z'); // 15:00 in Shanghai

  it('dispatches on the unit', () => {
    expect(computeDueAt(calendar, fridayBeforeSpringFestival, { amount: 2, unit: 'WORKING_DAYS' }, SHANGHAI).toISOString()).toBe(
      '2026-02-24T15:59:59.999Z',
    );
    expect(computeDueAt(calendar, fridayBeforeSpringFestival, { amount: 7, unit: 'CALENDAR_DAYS' }, SHANGHAI).toISOString()).toBe(
      '2026-02-20T15:59:59.999Z',
    );
    expect(computeDueAt(calendar, fridayBeforeSpringFestival, { amount: 24, unit: 'HOURS' }, SHANGHAI).toISOString()).toBe(
      '2026-02-14T07:00:00.000Z',
    );
  });
});
