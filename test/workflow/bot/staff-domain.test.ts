// The staff domain under the bot, on both backends: invitations (scope, one-time use
// under a race), revocation, and what the officer's inbox and the agency's list hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOpinionAction } from '../../../src/domain/opinions/apply-action.js';
import type { OpinionAction } from '../../../src/domain/opinions/lifecycle.js';
import {
  acceptInvitation,
  createBootstrapInvitation,
  createInvitation,
  listAgencyCases,
  listOfficerInbox,
  revokeStaffRole,
} from '../../../src/domain/staff/index.js';
import { backends } from '../../helpers/database.js';
import { createLoopWorld, DEMO_PERSONAS, type LoopWorld } from './staff-loop.js';

describe.each(backends)('staff domain (%s)', (backend) => {
  let world: LoopWorld;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    world = await createLoopWorld(backend);
    const { prisma } = world.app.deps;
    // The resident persona has no row until they consent; the staff are seeded.
    for (const [name, persona] of Object.entries(DEMO_PERSONAS).filter(([name]) => name !== 'resident')) {
      ids[name] = (await prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(persona.telegramId) } })).id;
    }
    ids.handong = (await prisma.station.findUniqueOrThrow({ where: { code: 'HD-STATION' } })).id;
    ids.yuping = (await prisma.station.findUniqueOrThrow({ where: { code: 'YP-STATION' } })).id;
    ids.zhongshanlu = (await prisma.region.findUniqueOrThrow({ where: { code: 'YC-ZSL' } })).id;
    ids.district = (await prisma.region.findUniqueOrThrow({ where: { code: 'YC' } })).id;
    ids.urban = (await prisma.agency.findUniqueOrThrow({ where: { code: 'URBAN-MGMT' } })).id;
  });
  afterAll(() => world.app.close());

  it('binds invitations to what the admin manages', async () => {
    const { deps } = world.app;
    const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: 'forbidden' });
    await refused(createInvitation(deps, { creatorId: ids.streetAdmin!, kind: 'LIAISON_OFFICER', scopeId: ids.handong! }));
    await refused(createInvitation(deps, { creatorId: ids.streetAdmin!, kind: 'DISTRICT_ADMIN', scopeId: ids.district! }));
    await refused(createInvitation(deps, { creatorId: ids.streetAdmin!, kind: 'AGENCY_HANDLER', scopeId: ids.urban! })); // a district agency
    await refused(createInvitation(deps, { creatorId: ids.officer!, kind: 'LIAISON_OFFICER', scopeId: ids.yuping! }));
    await expect(createInvitation(deps, { creatorId: ids.districtAdmin!, kind: 'STREET_ADMIN', scopeId: ids.district! })).rejects.toMatchObject({ code: 'validation' });
    const invitation = await createInvitation(deps, { creatorId: ids.streetAdmin!, kind: 'STREET_ADMIN', scopeId: ids.zhongshanlu! });
    expect(invitation).toMatchObject({ kind: 'STREET_ADMIN', regionId: ids.zhongshanlu, createdById: ids.streetAdmin });
    expect(invitation.expiresAt.getTime() - world.app.clock.now().getTime()).toBe(72 * 3_600_000);
  });

  it('lets exactly one of two people use a code at once', async () => {
    const { deps } = world.app;
    const invitation = await createBootstrapInvitation(deps, {});
    const accept = (telegramId: number) => acceptInvitation(deps, { code: ` INV_${invitation.code.toUpperCase()} `, telegramId, chatId: telegramId, locale: 'zh-CN' });
    const results = await Promise.allSettled([accept(83001), accept(83002)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { key: 'invitation-used' } });
    expect(await deps.prisma.staffRole.count({ where: { kind: 'DISTRICT_ADMIN', person: { telegramId: { in: [83001n, 83002n] } } } })).toBe(1);
  });

  it('refuses revoking oneself', async () => {
    const own = await world.app.deps.prisma.staffRole.findFirstOrThrow({ where: { personId: ids.streetAdmin } });
    await expect(revokeStaffRole(world.app.deps, { adminId: ids.streetAdmin!, roleId: own.id })).rejects.toMatchObject({ key: 'staff-revoke-self' });
  });

  it('lists what waits for the officer and the agency, and why', async () => {
    const { deps } = world.app;
    const resident = await world.resident(83100, 'zh-CN');
    const waiting = await world.submit(resident, '第一件：路灯不亮已经很久了。');
    const deciding = await world.submit(resident, '第二件：垃圾桶满了没人清理。');
    const referred = await world.submit(resident, '第三件：人行道砖块松动绊脚。');
    const act = async (opinionId: number, personId: number, action: OpinionAction) =>
      applyOpinionAction(deps, { opinionId, actor: { kind: 'person', personId }, action });
    await act(deciding.id, ids.officer!, { type: 'acknowledge' });
    await act(referred.id, ids.officer!, { type: 'refer', agencyId: ids.urban! });
    const reasons = async () => (await listOfficerInbox(deps, { personId: ids.officer! })).map((item) => [item.trackingNo, item.reason]);
    expect(await reasons()).toEqual([
      [waiting.trackingNo, 'acknowledge'],
      [deciding.trackingNo, 'decide'],
    ]);
    expect((await listAgencyCases(deps, { personId: ids.agencyHandler! })).map((item) => item.trackingNo)).toEqual([referred.trackingNo]);
    await act(referred.id, ids.agencyHandler!, { type: 'requestClarification', question: '具体位置？' });
    expect(await reasons()).toContainEqual([referred.trackingNo, 'clarification']);
    await act(referred.id, ids.officer!, { type: 'clarify', answer: '人民大道 88 号门口。' });
    await act(referred.id, ids.agencyHandler!, { type: 'submitResult', text: '已更换砖块。', final: false });
    expect(await reasons()).toContainEqual([referred.trackingNo, 'review']);
    expect(await listOfficerInbox(deps, { personId: ids.agencyHandler! })).toEqual([]);
  });
});
