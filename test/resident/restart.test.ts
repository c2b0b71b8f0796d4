// An unfinished dialogue survives a restart: a second process over the same
// database continues where the first one stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { consent, createSeededApp, labels } from './helpers.js';

describe('restart in the middle of the opinion dialogue', () => {
  let before: TestApp;
  let after: TestApp;
  beforeAll(async () => {
    before = await createSeededApp();
  });
  afterAll(async () => {
    await after?.close();
    await before.close();
  });

  it('continues the dialogue in the new process and submits everything given before and after', async () => {
    const t = labels(before, 'en');
    const first = before.user(71_001, 'en');
    await consent(before, first, 'en');
    await first.send('/new');
    await first.press('Zhongshanlu Subdistrict');
    await first.press('🏛 Zhongshanlu Representatives’ Home');
    await first.press('Environment');
    await first.send('Construction dust on Renmin Avenue every morning since Monday.');
    await first.sendPhoto('before-restart');

    // The process stops; a new one starts over the same database (and the same chat history).
    after = await createTestApp({ db: before.db, telegram: before.telegram, now: before.clock.now() });
    const again = after.user(71_001, 'en');
    await again.sendPhoto('after-restart');
    expect(again.lastText()).toBe(t('opinion-photo-received', { count: 2, max: 5 }));
    await again.press(t('opinion-photos-done'));
    await again.pressKey(t('opinion-skip'));
    await again.pressKey(t('opinion-skip'));
    expect(again.lastText()).toContain('Construction dust on Renmin Avenue');
    await again.press(t('opinion-confirm'));
    expect(again.lastText()).toMatch(/MY-2611-\d{4}/);

    const opinion = await after.deps.prisma.opinion.findFirstOrThrow({ where: { resident: { telegramId: 71_001n } }, include: { attachments: { orderBy: { id: 'asc' } } } });
    expect(opinion.text).toBe('Construction dust on Renmin Avenue every morning since Monday.');
    expect(opinion.attachments.map((a) => a.telegramFileId)).toEqual(['before-restart', 'after-restart']);
  });
});
