// /my: newest first, paged; a timeline with localized events in the district's time,
// the result and the evaluation; nobody reads another resident's opinion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitOpinion } from '../../src/domain/opinions/submit-opinion.js';
import { myOpinionsNavigation } from '../../src/bot/features/my-opinions/index.js';
import type { TestApp } from '../helpers/app.js';
import { consent, createSeededApp, labels } from './helpers.js';

let app: TestApp;
beforeAll(async () => {
  app = await createSeededApp({ env: { OPINIONS_PER_HOUR: '50' } });
});
afterAll(() => app.close());

async function residentWithOpinions(telegramId: number, count: number, locale: 'zh-CN' | 'en') {
  const user = app.user(telegramId, locale === 'en' ? 'en' : 'zh-hans');
  await consent(app, user, locale);
  const person = await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(telegramId) } });
  const station = await app.deps.prisma.station.findUniqueOrThrow({ where: { code: 'HD-STATION' } });
  const category = await app.deps.prisma.category.findUniqueOrThrow({ where: { code: 'utilities' } });
  const opinions = [];
  for (let i = 1; i <= count; i++) {
    app.clock.advance(60_000);
    opinions.push((await submitOpinion(app.deps, { residentId: person.id, stationId: station.id, categoryId: category.id, text: `第 ${i} 条：村里自来水经常停水。`, shareContact: false, locale })).opinion);
  }
  return { user, person, opinions };
}

describe('/my', () => {
  it('lists newest first, ten to a page', async () => {
    const t = labels(app, 'zh-CN');
    const { user, opinions } = await residentWithOpinions(73_001, 12, 'zh-CN');
    await user.send('/my');
    const list = user.lastText();
    expect(list).toContain(t('my-opinions-title', { total: 12 }));
    expect(list.indexOf(opinions[11]!.trackingNo)).toBeLessThan(list.indexOf(opinions[10]!.trackingNo));
    expect(list).not.toContain(opinions[1]!.trackingNo);
    await user.press(t('my-opinions-older'));
    expect(user.lastText()).toContain(opinions[0]!.trackingNo);
    expect(user.lastText()).not.toContain(opinions[11]!.trackingNo);
    await user.press(t('my-opinions-newer'));
    expect(user.lastText()).toContain(opinions[11]!.trackingNo);
  });

  it('shows the whole timeline in the district’s time, with the answer and the evaluation', async () => {
    const t = labels(app, 'en');
    app.clock.set(new Date('2026-11-23T01:00:00Z'));
    const { user, person, opinions } = await residentWithOpinions(73_002, 1, 'en');
    const opinion = opinions[0]!;
    // What the workflow would have written: acknowledged, answered on the spot, delivered, evaluated, closed.
    const at = (hoursLater: number) => new Date(opinion.createdAt.getTime() + hoursLater * 3_600_000);
    await app.deps.prisma.opinionEvent.createMany({
      data: [
        { opinionId: opinion.id, type: 'ACKNOWLEDGED', fromStage: 'COLLECTED', toStage: 'ANALYZING', at: at(1) },
        { opinionId: opinion.id, type: 'ANSWERED', fromStage: 'ANALYZING', toStage: 'FEEDBACK', at: at(2) },
        { opinionId: opinion.id, type: 'RESULT_DELIVERED', fromStage: 'ANALYZING', toStage: 'FEEDBACK', at: at(2) },
        { opinionId: opinion.id, type: 'EVALUATED', fromStage: 'FEEDBACK', toStage: 'CLOSED', at: at(30), actorId: person.id },
        { opinionId: opinion.id, type: 'CLOSED', fromStage: 'FEEDBACK', toStage: 'CLOSED', at: at(30) },
      ],
    });
    await app.deps.prisma.evaluation.create({ data: { opinionId: opinion.id, round: 1, rating: 'BASICALLY_SATISFIED', personId: person.id, at: at(30) } });
    await app.deps.prisma.opinion.update({ where: { id: opinion.id }, data: { stage: 'CLOSED', resultText: 'The water company replaced the valve.', closeReason: 'EVALUATED' } });

    await user.send('/my');
    await user.press(`${opinion.trackingNo} · ${t('my-opinions-stage-closed')}`);
    const lines = user.lastText().split('\n');
    expect(lines).toContain(t('my-opinions-stage', { stage: t('my-opinions-stage-closed') }));
    // Submitted at 09:01 Shanghai time (01:01 UTC).
    expect(lines).toContain(`• Mon 23 Nov, 09:01 ${t('my-opinions-event-collected')}`);
    expect(lines).toContain(`• Mon 23 Nov, 10:01 ${t('my-opinions-event-acknowledged')}`);
    expect(lines).toContain(`• Mon 23 Nov, 11:01 ${t('my-opinions-event-answered')}`);
    expect(lines).toContain(`• Tue 24 Nov, 15:01 ${t('my-opinions-event-closed')}`);
    expect(lines).toContain(t('my-opinions-result', { result: 'The water company replaced the valve.' }));
    expect(lines).toContain(t('my-opinions-evaluation', { round: 1, rating: t('my-opinions-rating-basically-satisfied') }));
    await user.press(t('my-opinions-back'));
    expect(user.lastText()).toContain(t('my-opinions-title', { total: 1 }));
  });

  it('does not open another resident’s opinion', async () => {
    const { opinions } = await residentWithOpinions(73_003, 1, 'zh-CN');
    const intruder = app.user(73_004);
    await consent(app, intruder, 'zh-CN');
    await intruder.send('/my');
    expect(intruder.lastText()).toBe(labels(app, 'zh-CN')('my-opinions-none'));
    const calls = await app.bot.handleUpdate({
      update_id: 990_001,
      callback_query: { id: 'forged', from: intruder.from, chat_instance: 'x', data: myOpinionsNavigation.pack({ op: 'o', id: opinions[0]!.id }), message: { message_id: 1, date: 0, chat: intruder.chat, text: 'x' } as never },
    }).then(() => app.telegram.calls.filter((call) => call.method === 'answerCallbackQuery').at(-1));
    expect(calls?.payload).toMatchObject({ text: labels(app, 'zh-CN')('my-opinions-not-found'), show_alert: true });
  });
});
