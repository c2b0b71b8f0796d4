// /mydata exports what the resident sent and what they were told, never the staff's
// internal notes; /forget also erases coordinates, photos and the chat's stored state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOpinionAction } from '../../src/domain/opinions/apply-action.js';
import type { Actor } from '../../src/domain/opinions/lifecycle.js';
import { erasePersonalData, exportPersonalData } from '../../src/domain/residents/personal-data.js';
import { createTranslate } from '../../src/i18n/index.js';
import { createWorld, type World } from '../workflow/domain/fixtures.js';

let world: World;
beforeAll(async () => {
  world = await createWorld('postgres');
});
afterAll(() => world.db.destroy());

const person = (personId: number): Actor => ({ kind: 'person', personId });

async function caseWithInternalNotes(): Promise<number> {
  const opinionId = await world.createOpinion({ text: '东门外的路灯坏了两个星期。' });
  const act = (actor: number, action: Parameters<typeof applyOpinionAction>[1]['action']) =>
    applyOpinionAction(world.deps, { opinionId, actor: person(actor), action });
  await act(world.people.officer, { type: 'refer', agencyId: world.agencies.urban, note: 'INTERNAL referral note' });
  await act(world.people.agencyHandler, { type: 'requestClarification', question: 'INTERNAL east or west gate?' });
  await act(world.people.officer, { type: 'clarify', answer: 'INTERNAL east gate' });
  await act(world.people.agencyHandler, { type: 'progress', note: 'INTERNAL crew booked' });
  await act(world.people.agencyHandler, { type: 'submitResult', text: '两盏路灯已更换。', final: true });
  return opinionId;
}

describe('/mydata', () => {
  it('lists every event but only the notes the resident wrote or was sent, and the messages sent to them', async () => {
    await caseWithInternalNotes();
    const data = (await exportPersonalData({ ...world.deps, translate: createTranslate() }, world.people.resident)) as { opinions: { events: { type: string; note?: string | null }[]; messagesToYou: { text: string | null }[] }[] };
    const opinion = data.opinions.at(-1)!;
    const exported = JSON.stringify(opinion);
    expect(exported).not.toContain('INTERNAL');
    expect(opinion.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['COLLECTED', 'REFERRED', 'CLARIFICATION_REQUESTED', 'CLARIFIED', 'PROGRESS', 'RESULT_SUBMITTED', 'RESULT_DELIVERED']),
    );
    expect(opinion.events.find((e) => e.type === 'RESULT_DELIVERED')?.note).toBe('两盏路灯已更换。');
    expect(opinion.messagesToYou.some((m) => m.text?.includes('两盏路灯已更换。'))).toBe(true);
  });
});

describe('/forget', () => {
  it('erases the coordinates, the photos and the chat’s stored session and dialogue', async () => {
    const { prisma } = world.deps;
    const resident = await prisma.person.create({
      data: { telegramId: 88_001n, chatId: 88_001n, consentedAt: world.clock.now(), displayName: '老李', conversation: { state: { comment: ['未写完的评价'] } } },
    });
    const opinionId = await world.createOpinion({ resident: resident.id, text: '小区门口积水严重，老人出行不便。' });
    await prisma.opinion.update({ where: { id: opinionId }, data: { latitude: 29.35, longitude: 105.9 } });
    await prisma.attachment.create({ data: { opinionId, kind: 'PHOTO', telegramFileId: 'photo-file-id', fileUniqueId: 'unique' } });
    for (const key of ['session:88001', 'conversation:88001', 'session:880011']) await prisma.keyValue.create({ data: { key, value: { draft: '未提交的草稿' } } });

    await erasePersonalData(world.deps, resident.id);

    expect(await prisma.opinion.findUniqueOrThrow({ where: { id: opinionId } })).toMatchObject({ latitude: null, longitude: null, text: '小区门口积水严重，老人出行不便。' });
    expect(await prisma.attachment.count({ where: { opinionId } })).toBe(0);
    const keys = (await prisma.keyValue.findMany({ where: { key: { contains: '88001' } } })).map((row) => row.key);
    // Another chat whose id merely starts with the same digits keeps its state.
    expect(keys).toEqual(['session:880011']);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: resident.id } })).conversation).toBeNull();
  });
});
