// The seeds' own figures (../shared/seeds/*.txt) as one database, each district's figures
// in a period of its own so they do not mix:
//   Yongchuan 2023 — proposals: first evaluation 380 of 384 satisfied, second 362 of 384;
//   Jiangjin 2025  — 7,978 opinions collected at receptions, 7,528 answered on the spot,
//                    450 referred; 9,670 receptions, 21,486 residents received; proposals:
//                    first evaluation 532 of 534, A-class 391 implemented of 410, carried over
//                    from 2024: 70 of 76 closed;
//   Dazu 2026-01..05 — 846 received, 683 solved, 2 escalated;
//   Kaizhou 2026   — 217 little-used stations closed; 192 stations and 180 liaison points kept.
// Written directly (bulk SQL for the opinions, row by row for proposals): the opinion and
// proposal lifecycles' domain functions are not on main yet.
import type { AppDeps } from '../../src/deps.js';
import { createPlaces, type Places } from './fixtures.js';
import { recordBulkCases, recordProposals } from './work-fixtures.js';

export interface SeedsDataset {
  places: Places;
  representatives: number[];
}

const REPRESENTATIVES = 10;

export async function seedSeedsDataset(deps: AppDeps): Promise<SeedsDataset> {
  const places = await createPlaces(deps);
  const p = deps.prisma;
  const { s1, s2, s3 } = places.stations;
  const { roads } = places.categories;
  const { g1, g2 } = places.agencies;
  const officer = places.officers.o1;

  // Kaizhou: the three stations of `places` and 189 more are kept, with 180 liaison points;
  // 217 little-used stations closed on 30 June 2026.
  const station = (code: string, tier: 'STATION' | 'POINT', closedAt: Date | null) => ({
    code, tier, nameZh: `站点${code}`, nameEn: `Station ${code}`, addressZh: '地址', addressEn: 'Address',
    latitude: 31.16, longitude: 108.39, openingHoursZh: '工作日', openingHoursEn: 'Weekdays', active: closedAt === null, closedAt,
  });
  const region = (await p.station.findUniqueOrThrow({ where: { id: s1 } })).regionId;
  const closedAt = new Date('2026-06-30T02:00:00Z');
  await p.station.createMany({
    data: [
      ...Array.from({ length: 189 }, (_, i) => ({ ...station(`KS${i + 1}`, 'STATION', null), regionId: region })),
      ...Array.from({ length: 180 }, (_, i) => ({ ...station(`KP${i + 1}`, 'POINT', null), regionId: region })),
      ...Array.from({ length: 217 }, (_, i) => ({ ...station(`KC${i + 1}`, i % 2 ? 'POINT' : 'STATION', closedAt), regionId: region })),
    ],
  });

  const representatives: number[] = [];
  for (let i = 0; i < REPRESENTATIVES; i += 1) {
    const person = await p.person.create({ data: { telegramId: BigInt(9000 + i), chatId: BigInt(9000 + i), displayName: `代表${i + 1}` } });
    await p.staffRole.create({ data: { personId: person.id, kind: 'REPRESENTATIVE', stationId: [s1, s2, s3][i % 3]! } });
    representatives.push(person.id);
  }

  // Jiangjin 2025: 9,670 receptions, 21,486 residents received (2,146 receptions of 3, the rest of 2).
  await p.$executeRawUnsafe(
    `INSERT INTO "Reception" (kind, "stationId", "hostId", "checkedInAt", "checkedOutAt", "residentsReceived")
     SELECT 'STATION', ($1::int[])[1 + i % 3], ($2::int[])[1 + i % cardinality($2::int[])],
       TIMESTAMP '2025-01-02 01:00:00' + i * interval '3200 seconds', TIMESTAMP '2025-01-02 04:00:00' + i * interval '3200 seconds',
       CASE WHEN i < 2146 THEN 3 ELSE 2 END
     FROM generate_series(0, 9669) i`,
    [s1, s2, s3],
    representatives,
  );
  // 7,978 opinions recorded at receptions: 7,528 answered on the spot, 450 referred.
  const atStations = { stationIds: [s1, s2, s3], categoryId: roads, recordedByIds: representatives };
  await recordBulkCases(deps, { ...atStations, prefix: 'JJ-A', count: 7528, outcome: 'answered', from: '2025-01-02T02:00:00Z', everySeconds: 3900, officerId: representatives[0]! });
  await recordBulkCases(deps, { ...atStations, prefix: 'JJ-R', count: 450, outcome: 'referred', from: '2025-01-03T02:00:00Z', everySeconds: 60000, officerId: representatives[1]!, agencyId: g1 });

  // Dazu, January to May 2026: 846 received — 683 solved, 2 escalated, 100 closed without
  // the resident's evaluation (solved only where silence counts), 61 declined.
  const byChat = { stationIds: [s1, s2, s3], categoryId: roads, officerId: officer };
  await recordBulkCases(deps, { ...byChat, prefix: 'DZ-S', count: 683, outcome: 'answeredRated', from: '2026-01-05T02:00:00Z', everySeconds: 15000 });
  await recordBulkCases(deps, { ...byChat, prefix: 'DZ-E', count: 2, outcome: 'escalated', from: '2026-02-01T02:00:00Z', everySeconds: 3600 });
  await recordBulkCases(deps, { ...byChat, prefix: 'DZ-N', count: 100, outcome: 'referredSilent', from: '2026-01-06T02:00:00Z', everySeconds: 100000, agencyId: g2 });
  await recordBulkCases(deps, { ...byChat, prefix: 'DZ-D', count: 61, outcome: 'declined', from: '2026-01-07T02:00:00Z', everySeconds: 200000 });

  const rep = (i: number) => representatives[i % REPRESENTATIVES]!;
  // Yongchuan 2023: 384 proposals; first evaluation 380 satisfied, second 362.
  await recordProposals(deps, Array.from({ length: 384 }, (_, i) => ({
    number: `YC-2023-${String(i + 1).padStart(4, '0')}`,
    representativeId: rep(i),
    submittedAt: '2023-01-10T02:00:00Z',
    assigned: { at: '2023-01-20T02:00:00Z', dueAt: '2023-04-20T02:00:00Z', leadAgencyId: i % 2 ? g1 : g2 },
    answers: i < 380 ? [{ at: '2023-03-20T02:00:00Z', answerClass: 'A' }] : [{ at: '2023-03-20T02:00:00Z', answerClass: 'B' }, { at: '2023-06-20T02:00:00Z', answerClass: 'B' }],
    firstEvaluations: [{ at: '2023-04-10T02:00:00Z', rating: i < 300 ? 'SATISFIED' : i < 380 ? 'BASICALLY_SATISFIED' : 'DISSATISFIED' }],
    implementedAt: i < 380 ? '2023-10-10T02:00:00Z' : undefined,
    secondEvaluation: { at: '2023-12-10T02:00:00Z', rating: i < 362 ? 'SATISFIED' : 'DISSATISFIED' },
    closedAt: '2023-12-10T02:00:00Z',
  })));
  // Jiangjin's carried over: 76 proposals of 2024 still open on 1 January 2025; 70 closed in 2025.
  await recordProposals(deps, Array.from({ length: 76 }, (_, i) => ({
    number: `JJ-2024-${String(i + 1).padStart(4, '0')}`,
    representativeId: rep(i),
    submittedAt: '2024-03-10T02:00:00Z',
    assigned: { at: '2024-03-15T02:00:00Z', dueAt: '2024-06-15T02:00:00Z', leadAgencyId: g1 },
    answers: [{ at: '2024-05-10T02:00:00Z', answerClass: 'B' }],
    firstEvaluations: [{ at: '2024-06-01T02:00:00Z', rating: 'SATISFIED' }],
    ...(i < 70 ? { secondEvaluation: { at: '2025-11-20T02:00:00Z', rating: 'SATISFIED' as const }, closedAt: '2025-11-20T02:00:00Z' } : {}),
  })));
  // Jiangjin 2025: 534 proposals, all answered in time; 410 class A (391 implemented),
  // first evaluation 532 satisfied; 20 key proposals.
  await recordProposals(deps, Array.from({ length: 534 }, (_, i) => ({
    number: `JJ-2025-${String(i + 1).padStart(4, '0')}`,
    representativeId: rep(i),
    submittedAt: '2025-01-15T02:00:00Z',
    assigned: { at: '2025-01-25T02:00:00Z', dueAt: '2025-04-25T02:00:00Z', leadAgencyId: i % 2 ? g1 : g2, coAgencyIds: i % 2 ? [g2] : [] },
    answers: [{ at: '2025-03-20T02:00:00Z', answerClass: i < 410 ? 'A' : 'B' }],
    firstEvaluations: [{ at: '2025-04-10T02:00:00Z', rating: i < 532 ? 'SATISFIED' : 'DISSATISFIED' }],
    keyMarkedAt: i < 20 ? '2025-02-01T02:00:00Z' : undefined,
    implementedAt: i < 391 ? '2025-10-15T02:00:00Z' : undefined,
  })));
  return { places, representatives };
}
