import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBot, type RunningBot } from '../../src/bot/run-bot.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

describe('webhook mode', () => {
  let app: TestApp;
  let running: RunningBot;
  const secret = 'test-secret_123';
  beforeAll(async () => {
    app = await createTestApp();
    const config = { ...app.deps.config, WEBHOOK_URL: 'https://minyi.example.org/telegram', WEBHOOK_SECRET: secret, HTTP_HOST: '127.0.0.1', HTTP_PORT: 0 };
    running = await runBot(app.bot, config, app.deps.logger);
  });
  afterAll(async () => {
    await running.stop();
    await app.close();
  });

  const post = (headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${running.port}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        update_id: 77,
        message: { message_id: 1, date: 0, chat: { id: 555, type: 'private', first_name: 'A' }, from: { id: 555, is_bot: false, first_name: 'A' }, text: 'hi' },
      }),
    });

  it('registers the webhook with the secret', () => {
    const setWebhook = app.telegram.calls.find((call) => call.method === 'setWebhook');
    expect(setWebhook?.payload).toMatchObject({ url: 'https://minyi.example.org/telegram', secret_token: secret });
  });

  it('refuses updates without the secret token header and handles those with it', async () => {
    const refused = await post({});
    expect(refused.status).toBe(401);
    expect(app.telegram.callsTo(555)).toHaveLength(0);
    const accepted = await post({ 'X-Telegram-Bot-Api-Secret-Token': secret });
    expect(accepted.status).toBe(200);
    expect(app.telegram.callsTo(555).length).toBeGreaterThan(0);
  });

  it('answers health checks', async () => {
    const response = await fetch(`http://127.0.0.1:${running.port}/health`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
