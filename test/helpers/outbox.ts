// Delivers the outbox synchronously in tests: renders every pending notification in
// its recipient's current language and sends it through the bot's API (the fake
// Telegram records it). The real worker with rate limits and retries is src/jobs/.
import { renderNotification } from '../../src/bot/notifications/render.js';
import type { TestApp } from './app.js';

/** Sends every pending notification, oldest first; returns how many were sent. */
export async function deliverOutbox(app: Pick<TestApp, 'deps' | 'bot'>): Promise<number> {
  const pending = await app.deps.prisma.notification.findMany({ where: { status: 'PENDING' }, include: { person: true }, orderBy: { id: 'asc' } });
  for (const notification of pending) {
    const rendered = renderNotification(notification, {
      translate: app.deps.translate,
      personLocale: notification.person?.locale ?? app.deps.config.DEFAULT_LOCALE,
      botUsername: app.bot.botInfo.username,
    });
    await sendRendered(app, rendered);
    await app.deps.prisma.notification.update({ where: { id: notification.id }, data: { status: 'SENT', sentAt: app.deps.clock.now(), attempts: { increment: 1 } } });
  }
  return pending.length;
}

function sendRendered(app: Pick<TestApp, 'bot'>, rendered: ReturnType<typeof renderNotification>) {
  switch (rendered.method) {
    case 'sendMessage':
      return app.bot.api.raw.sendMessage(rendered.params);
    case 'sendPhoto':
      return app.bot.api.raw.sendPhoto(rendered.params);
    case 'sendDocument':
      return app.bot.api.raw.sendDocument(rendered.params);
  }
}
