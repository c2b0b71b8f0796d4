import { describe, expect, it } from 'vitest';
import { trackingMonth, trackingNumberPattern } from '../../src/domain/opinions/tracking-number.js';
import { haversineMetres } from '../../src/domain/stations/geo.js';

describe('distances and tracking numbers', () => {
  it('measures great-circle distances', () => {
    expect(haversineMetres({ latitude: 29.36, longitude: 105.92 }, { latitude: 29.36, longitude: 105.92 })).toBe(0);
    // One degree of latitude is about 111.2 km.
    expect(haversineMetres({ latitude: 29, longitude: 105 }, { latitude: 30, longitude: 105 })).toBeCloseTo(111_195, -2);
    // Beijing to Shanghai, about 1,067 km.
    expect(haversineMetres({ latitude: 39.9042, longitude: 116.4074 }, { latitude: 31.2304, longitude: 121.4737 }) / 1000).toBeCloseTo(1067, -1);
  });

  it('numbers by month in the district’s zone', () => {
    expect(trackingNumberPattern.test('MY-2611-0042')).toBe(true);
    expect(trackingMonth(new Date('2026-11-30T15:59:59Z'), 'Asia/Shanghai')).toBe('2611');
    expect(trackingMonth(new Date('2026-11-30T16:00:00Z'), 'Asia/Shanghai')).toBe('2612');
    expect(trackingMonth(new Date('2026-11-30T16:00:00Z'), 'UTC')).toBe('2611');
  });
});
