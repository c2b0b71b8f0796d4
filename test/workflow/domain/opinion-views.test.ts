// What each actor may see of a case and do with it; tracking-number lookup.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { applyOpinionAction } from '../../../src/domain/opinions/apply-action.js';
import type { Actor, OpinionAction } from '../../../src/domain/opinions/lifecycle.js';
import { findOpinionByTrackingNo, getOpinionView, listAvailableActions } from '../../../src/domain/opinions/opinion-views.js';
import { backends } from '../../helpers/database.js';
import { useWorld, person, system, type World } from './fixtures.js';

describe.each(backends)('opinion views on %s', (kind) => {
  let world: World;
  let p: World['people'];
  useWorld(kind, (ready) => {
    world = ready;
    p = ready.people;
  });

  const act = (opinionId: number, actor: Actor, action: OpinionAction) => applyOpinionAction(world.deps, { opinionId, actor, action });
  const view = (opinionId: number, personId: number) => getOpinionView(world.deps, { opinionId, actor: person(personId) });

  it('contact details reach the agency only with the resident’s consent; officers always see them', async () => {
    const privateCase = await world.createOpinion({ shareContact: false });
    const sharedCase = await world.createOpinion({ shareContact: true });
    for (const id of [privateCase, sharedCase]) await act(id, person(p.officer), { type: 'refer', agencyId: world.agencies.urban });

    expect((await view(privateCase, p.officer)).contact).toEqual({ name: '王大爷', phone: '13800000000' });
    expect((await view(privateCase, p.streetAdmin)).contact).toEqual({ name: '王大爷', phone: '13800000000' });
    const agencyView = await view(privateCase, p.agencyHandler);
    expect(agencyView).toMatchObject({ viewerRole: 'AGENCY_HANDLER', contact: null, text: '小区门口的路灯坏了两个星期，晚上很黑。' });
    expect((await view(sharedCase, p.agencyHandler)).contact).toEqual({ name: '王大爷', phone: '13800000000' });
  });

  it('refuses viewers outside the case’s scope', async () => {
    const id = await world.createOpinion();
    for (const outsider of [p.otherOfficer, p.otherStreetAdmin, p.agencyHandler, p.neighbour]) {
      const error = await view(id, outsider).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'forbidden' });
    }
    await expect(view(999_999, p.officer)).rejects.toMatchObject({ code: 'not-found', key: 'error-workflow-opinion-not-found' });
  });

  it('offers each actor only the actions valid for them now', async () => {
    const id = await world.createOpinion();
    const officerActions = await view(id, p.officer);
    expect(officerActions.availableActions.sort()).toEqual(['acknowledge', 'answer', 'classify', 'decline', 'escalate', 'merge', 'refer']);
    expect(officerActions.version).toBe(0);
    expect(await listAvailableActions(world.deps, { opinionId: id, actor: person(p.resident) })).toEqual([]);
    expect(await listAvailableActions(world.deps, { opinionId: id, actor: system })).toEqual([]);

    await act(id, person(p.officer), { type: 'refer', agencyId: world.agencies.urban });
    expect((await view(id, p.agencyHandler)).availableActions.sort()).toEqual(['handBack', 'progress', 'requestClarification', 'submitResult']);
    expect((await view(id, p.officer)).availableActions.sort()).toEqual(['clarify', 'classify', 'progress']);
    await act(id, person(p.agencyHandler), { type: 'submitResult', text: '已修复', final: false });
    expect((await view(id, p.officer)).availableActions).toContain('deliverResult');
    await act(id, person(p.officer), { type: 'deliverResult' });
    expect(await listAvailableActions(world.deps, { opinionId: id, actor: person(p.resident) })).toEqual(['evaluate']);
    expect((await view(id, p.officer)).availableActions).toEqual([]);
  });

  it('shows the resident the public part of their own history', async () => {
    const id = await world.createOpinion();
    await act(id, person(p.officer), { type: 'refer', agencyId: world.agencies.urban, note: '内部附言' });
    await act(id, person(p.agencyHandler), { type: 'requestClarification', question: '哪栋楼？' });
    const own = await view(id, p.resident);
    expect(own.viewerRole).toBe('RESIDENT');
    expect(own.timeline.map((e) => e.type)).toEqual(['COLLECTED', 'ACKNOWLEDGED', 'REFERRED']);
    expect(own.timeline.every((e) => e.note === null)).toBe(true);
    expect(own.duplicates).toEqual([]);
    const staff = await view(id, p.officer);
    expect(staff.timeline.map((e) => e.type)).toEqual(['COLLECTED', 'ACKNOWLEDGED', 'REFERRED', 'CLARIFICATION_REQUESTED']);
    expect(staff.openDeadlines.map((d) => d.kind)).toEqual(['HANDLE']);
    expect(staff.agency).toMatchObject({ id: world.agencies.urban, nameZh: '区城市管理局' });
  });

  it('lists a case’s duplicates for staff and finds cases by tracking number as typed', async () => {
    const main = await world.createOpinion();
    const duplicate = await world.createOpinion({ resident: p.neighbour });
    await act(duplicate, person(p.officer), { type: 'merge', intoOpinionId: main });
    const mainView = await view(main, p.officer);
    expect(mainView.duplicates.map((d) => d.id)).toEqual([duplicate]);
    expect((await view(duplicate, p.neighbour)).mergedInto).toEqual({ id: main, trackingNo: mainView.trackingNo });

    const typed = ` ${mainView.trackingNo.toLowerCase().replace('-', ' - ')} `;
    expect((await findOpinionByTrackingNo(world.deps, typed))?.id).toBe(main);
    expect(await findOpinionByTrackingNo(world.deps, 'MY-0000-0000')).toBeNull();
    expect(await findOpinionByTrackingNo(world.deps, '   ')).toBeNull();
  });
});
