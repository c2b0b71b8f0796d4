// The demo district's proposals: one in every stage, made through the domain functions,
// seeded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProposals } from '../../../src/domain/seed/demo-proposals.js';
import { createWorld, type World } from './fixtures.js';

describe('demo proposals', () => {
  let world: World;
  // A loaded machine may take a while to build the world (migrations and the demo district).
  beforeAll(async () => {
    world = await createWorld('pglite');
  }, 180_000);
  afterAll(async () => {
    await world?.db.destroy();
  });

  it('a proposal in each stage, with its history, and no second set', async () => {
    expect(await seedDemoProposals(world.deps)).toBe(6);
    const proposals = await world.db.prisma.proposal.findMany({ include: { events: true } });
    expect(new Set(proposals.map((proposal) => proposal.stage))).toEqual(new Set(['AWAITING_CONFIRMATION', 'SUBMITTED', 'ASSIGNED', 'ANSWERED', 'IMPLEMENTING', 'CLOSED']));
    expect(proposals.every((proposal) => proposal.events.length > 0)).toBe(true);
    expect(proposals.some((proposal) => proposal.isKey)).toBe(true);
    expect(await world.db.prisma.opinion.count({ where: { channel: 'VISIT', proposalId: { not: null } } })).toBe(1);
    expect(await world.db.prisma.notification.count({ where: { proposalId: { not: null } } })).toBe(0);
    expect(await seedDemoProposals(world.deps)).toBe(0);
  }, 120_000);
});
