// The hand-checked dataset: October 2026 in Asia/Shanghai (National Day holidays
// 1–7 October, Saturday 10 October a make-up working day), with September beside it.
// Every expected figure in the tests is worked out from the comments below.
import type { AppDeps } from '../../src/deps.js';
import { createPlaces, recordCase, type Places } from './fixtures.js';

export interface OctoberDataset {
  places: Places;
  ids: Record<'E1' | 'P1' | 'P2' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5' | 'Q6' | 'Q7' | 'Q8', number>;
}

export async function seedOctoberDataset(deps: AppDeps): Promise<OctoberDataset> {
  const places = await createPlaces(deps);
  const { s1, s2, s3 } = places.stations;
  const { roads, environment } = places.categories;
  const { g1, g2 } = places.agencies;
  const { o1, o2 } = places.officers;
  const resident = places.admins.resident.personId;
  const ids = {} as OctoberDataset['ids'];

  // E1 (August, street A / S2, roads): referred, HANDLE due Mon 24 Aug, never answered:
  // overdue 37 days at the September cut-off, 68 days at the October one.
  ids.E1 = await recordCase(deps, {
    trackingNo: 'MY-2608-0001', stationId: s2, categoryId: roads, residentId: resident, text: '中山路人行道破损严重，老人行走容易摔倒', collectedAt: '2026-08-03T09:00:00+08:00',
    steps: [
      { type: 'acknowledge', at: '2026-08-03T10:00:00+08:00', by: o1 },
      { type: 'refer', at: '2026-08-03T11:00:00+08:00', by: o1, agencyId: g1 },
    ],
  });
  // P1 (September, S1, roads), crosses the month boundary: collected Wed 30 Sep 10:00; the
  // acknowledgement limit (1 working day) ends Thu 8 Oct thanks to the holidays, so the
  // acknowledgement on 8 Oct 09:00 (191 h later) is on time; answered Sat 10 Oct (a working
  // day; ANALYZE due Mon 12 Oct); satisfied on 11 Oct; closed 264 h after collection.
  ids.P1 = await recordCase(deps, {
    trackingNo: 'MY-2609-0001', stationId: s1, categoryId: roads, residentId: resident, text: '红旗路口红绿灯时间太短，行人过不去', collectedAt: '2026-09-30T10:00:00+08:00',
    steps: [
      { type: 'acknowledge', at: '2026-10-08T09:00:00+08:00', by: o1 },
      { type: 'answer', at: '2026-10-10T15:00:00+08:00', by: o1 },
      { type: 'evaluate', at: '2026-10-11T10:00:00+08:00', rating: 'SATISFIED' },
    ],
  });
  // P2 (September, town B / S3, environment): acknowledged in 2 h, referred to G1 on 16 Sep
  // (HANDLE due Tue 13 Oct), result late on 20 Oct, first round DISSATISFIED on 21 Oct,
  // second round BASICALLY_SATISFIED on 30 Oct 10:00 (closed 1081 h after collection).
  ids.P2 = await recordCase(deps, {
    trackingNo: 'MY-2609-0002', stationId: s3, categoryId: environment, residentId: resident, text: '朱沱镇垃圾站臭味很大，夏天蚊蝇多', collectedAt: '2026-09-15T09:00:00+08:00',
    steps: [
      { type: 'acknowledge', at: '2026-09-15T11:00:00+08:00', by: o2 },
      { type: 'refer', at: '2026-09-16T10:00:00+08:00', by: o2, agencyId: g1 },
      { type: 'submitResult', at: '2026-10-20T10:00:00+08:00', by: o2 },
      { type: 'evaluate', at: '2026-10-21T10:00:00+08:00', rating: 'DISSATISFIED' },
      { type: 'submitResult', at: '2026-10-28T10:00:00+08:00', by: o2 },
      { type: 'evaluate', at: '2026-10-30T10:00:00+08:00', rating: 'BASICALLY_SATISFIED' },
    ],
  });
  // Q1 (S1, roads): acknowledged in 1 h, answered on the spot, satisfied; closed after 27 h.
  ids.Q1 = await recordCase(deps, {
    trackingNo: 'MY-2610-0001', stationId: s1, categoryId: roads, residentId: resident, text: '红旗社区门口的路灯坏了，晚上很黑，行人不安全', collectedAt: '2026-10-12T09:00:00+08:00',
    steps: [
      { type: 'acknowledge', at: '2026-10-12T10:00:00+08:00', by: o1 },
      { type: 'answer', at: '2026-10-12T11:00:00+08:00', by: o1 },
      { type: 'evaluate', at: '2026-10-13T12:00:00+08:00', rating: 'SATISFIED' },
    ],
  });
  // Q2 (S1, roads): a duplicate of Q1, merged after 1 h (acknowledged first; ANALYZE cancelled).
  ids.Q2 = await recordCase(deps, {
    trackingNo: 'MY-2610-0002', stationId: s1, categoryId: roads, residentId: resident, text: '红旗社区门口路灯不亮，晚上太黑了，行人出行不安全', collectedAt: '2026-10-12T14:00:00+08:00',
    steps: [{ type: 'merge', at: '2026-10-12T15:00:00+08:00', by: o1, intoOpinionId: ids.Q1 }],
  });
  // Q3 (S2, environment): acknowledged 49 h later, after its limit (Thu 15 Oct), then declined: closed, not on time.
  ids.Q3 = await recordCase(deps, {
    trackingNo: 'MY-2610-0003', stationId: s2, categoryId: environment, residentId: resident, text: '邻居装修噪音扰民，已经起诉到法院', collectedAt: '2026-10-14T09:00:00+08:00',
    steps: [
      { type: 'acknowledge', at: '2026-10-16T10:00:00+08:00', by: o1 },
      { type: 'decline', at: '2026-10-16T11:00:00+08:00', by: o1 },
    ],
  });
  // Q4 (S3, environment): acknowledged in 30 min, referred to G2, result 29 Oct; evaluated on
  // 2 November, after the cut-off: open in October's figures, its evaluation not counted.
  ids.Q4 = await recordCase(deps, {
    trackingNo: 'MY-2610-0004', stationId: s3, categoryId: environment, residentId: resident, text: '朱沱镇河道有人倾倒建筑垃圾', collectedAt: '2026-10-20T09:00:00+08:00',
    steps: [
      { type: 'acknowledge', at: '2026-10-20T09:30:00+08:00', by: o2 },
      { type: 'refer', at: '2026-10-20T10:00:00+08:00', by: o2, agencyId: g2 },
      { type: 'submitResult', at: '2026-10-29T10:00:00+08:00', by: o2 },
      { type: 'evaluate', at: '2026-11-02T10:00:00+08:00', rating: 'SATISFIED' },
    ],
  });
  // Q5 (S3, roads): never acknowledged; ACKNOWLEDGE due Fri 23 Oct: 8 days overdue at the cut-off.
  ids.Q5 = await recordCase(deps, {
    trackingNo: 'MY-2610-0005', stationId: s3, categoryId: roads, residentId: resident, text: '朱沱镇客运站附近公交站台缺少遮雨棚', collectedAt: '2026-10-22T10:00:00+08:00',
  });
  // Q6 (S1, roads at the cut-off; reclassified to environment on 3 Nov): escalated to a proposal.
  ids.Q6 = await recordCase(deps, {
    trackingNo: 'MY-2610-0006', stationId: s1, categoryId: roads, residentId: resident, text: '红旗社区门口路灯损坏，晚上很黑，希望维修', collectedAt: '2026-10-26T09:00:00+08:00',
    steps: [
      { type: 'acknowledge', at: '2026-10-26T10:00:00+08:00', by: o1 },
      { type: 'escalate', at: '2026-10-26T11:00:00+08:00', by: o1, to: 'PROPOSAL' },
      { type: 'classify', at: '2026-11-03T10:00:00+08:00', by: o1, categoryId: environment },
    ],
  });
  // Q7 (S2, environment): 23:30 on the last day of October, local time: in October.
  ids.Q7 = await recordCase(deps, {
    trackingNo: 'MY-2610-0007', stationId: s2, categoryId: environment, residentId: resident, text: '中山路夜市油烟太大，影响居民休息', collectedAt: '2026-10-31T23:30:00+08:00',
  });
  // Q8 (S1, roads): 00:10 on 1 November local (still 31 October in UTC): not in October.
  ids.Q8 = await recordCase(deps, {
    trackingNo: 'MY-2611-0001', stationId: s1, categoryId: roads, residentId: resident, text: '红旗社区门口路灯还是不亮，晚上很黑', collectedAt: '2026-11-01T00:10:00+08:00',
  });
  return { places, ids };
}
