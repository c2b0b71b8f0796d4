import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, TOKEN, type RunningEmulator } from './helpers.js';

// Raw HTTP against the emulator: body encodings and long-polling semantics.
describe('Bot API emulator over raw HTTP', () => {
  let running: RunningEmulator;
  const call = async (method: string, init?: RequestInit) => {
    const response = await fetch(`${running.apiRoot}/bot${TOKEN}/${method}`, { method: 'POST', ...init });
    return { status: response.status, body: (await response.json()) as { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: any } };
  };
  const json = (body: unknown): RequestInit => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeEach(async () => {
    running = await startEmulator({ onUnknownMethod: () => undefined });
  });
  afterEach(async () => {
    await running.close();
  });

  it('answers getMe and rejects a wrong token with 401', async () => {
    expect((await call('getMe')).body.result).toMatchObject({ id: 123456, is_bot: true, username: 'minyi_demo_bot' });
    const response = await fetch(`${running.apiRoot}/bot999:nope/getMe`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
  });

  it('enforces Telegram’s flood limits only when asked: 1 a second per chat, N per rolling second, 429 with retry_after', async () => {
    const send = (chatId: number) => call('sendMessage', json({ chat_id: chatId, text: 'hi' }));
    // Off by default (the demo): any pace goes.
    expect([(await send(9001)).status, (await send(9001)).status]).toEqual([200, 200]);
    await running.close();
    running = await startEmulator({ onUnknownMethod: () => undefined, rateLimits: { perSecond: 2, perChatIntervalMs: 1000 } });
    expect((await send(9001)).status).toBe(200);
    const sameChat = await send(9001);
    expect(sameChat).toEqual({ status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } });
    expect((await send(9002)).status).toBe(200);
    expect((await send(9002)).status).toBe(429); // per chat
    // Two sent within the second: another chat is refused too (global).
    expect((await send(9003)).status).toBe(429);
    expect(running.emulator.rateLimited).toBe(3);
    expect((await call('sendChatAction', json({ chat_id: 9001, action: 'typing' }))).status).toBe(200); // not a message
  });

  it('accepts urlencoded forms with JSON-encoded objects and query-string parameters', async () => {
    const form = new URLSearchParams({
      chat_id: '9001',
      text: '<b>表单</b>',
      parse_mode: 'HTML',
      reply_markup: JSON.stringify({ keyboard: [['是', '否']], one_time_keyboard: true }),
    });
    const { body } = await call('sendMessage', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(body.ok).toBe(true);
    expect(body.result).toMatchObject({ text: '表单', entities: [{ type: 'bold', offset: 0, length: 2 }], chat: { id: 9001, type: 'private' } });
    expect(body.result.reply_markup).toBeUndefined(); // Telegram echoes only inline keyboards
    expect(running.emulator.input('resident').replyKeyboard?.keyboard).toEqual([[{ text: '是' }, { text: '否' }]]);

    const viaQuery = await fetch(`${running.apiRoot}/bot${TOKEN}/sendMessage?chat_id=9001&text=hi`);
    expect(((await viaQuery.json()) as { result: { text: string } }).result.text).toBe('hi');
  });

  it('accepts multipart with the file directly under the field name (curl style)', async () => {
    const form = new FormData();
    form.append('chat_id', '9001');
    form.append('caption', '照片');
    form.append('photo', new Blob([Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000080806000000', 'hex')], { type: 'image/png' }), 'a.png');
    const { body } = await call('sendPhoto', { body: form });
    expect(body.result.photo[0]).toMatchObject({ width: 16, height: 8 });
    const file = await call('getFile', json({ file_id: body.result.photo[0].file_id }));
    expect(file.body.result.file_path).toMatch(/^photos\/file_\d+\.png$/);
    const resend = await call('sendPhoto', json({ chat_id: 9001, photo: body.result.photo[0].file_id }));
    expect(resend.body.result.photo[0].file_id).toBe(body.result.photo[0].file_id);
    expect((await call('sendPhoto', json({ chat_id: 9001, photo: 'nonsense' }))).body.description).toMatch(/wrong remote file identifier/);
  });

  it('sends an album of known photos as messages sharing a media group, and refuses a one-photo album', async () => {
    const form = new FormData();
    form.append('chat_id', '9001');
    form.append('photo', new Blob([Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000080806000000', 'hex')], { type: 'image/png' }), 'a.png');
    const fileId = (await call('sendPhoto', { body: form })).body.result.photo[0].file_id;
    const album = await call('sendMediaGroup', json({ chat_id: 9001, media: [{ type: 'photo', media: fileId, caption: '证据' }, { type: 'photo', media: fileId }] }));
    expect(album.body.result).toHaveLength(2);
    expect(album.body.result[0]).toMatchObject({ caption: '证据', photo: [{ file_id: fileId }] });
    expect(album.body.result[0].media_group_id).toBe(album.body.result[1].media_group_id);
    expect((await call('sendMediaGroup', json({ chat_id: 9001, media: [{ type: 'photo', media: fileId }] }))).body.description).toMatch(/2 to 10/);
  });

  it('getUpdates resolves immediately when an update arrives during a long poll', async () => {
    const started = Date.now();
    const poll = call('getUpdates', json({ timeout: 10 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    running.emulator.sendText('resident', 'hello');
    const { body } = await poll;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(body.result).toHaveLength(1);
    expect(body.result[0]).toMatchObject({ update_id: 1, message: { text: 'hello', from: { id: 9001, language_code: 'zh-hans' } } });
  });

  it('getUpdates honours offset (confirmation), limit and timeout', async () => {
    for (const text of ['a', 'b', 'c']) running.emulator.sendText('resident', text);
    const first = await call('getUpdates', json({ limit: 2 }));
    expect(first.body.result.map((u: any) => u.message.text)).toEqual(['a', 'b']);
    const again = await call('getUpdates', json({}));
    expect(again.body.result).toHaveLength(3); // nothing confirmed yet
    const afterOffset = await call('getUpdates', json({ offset: 3 }));
    expect(afterOffset.body.result.map((u: any) => u.message.text)).toEqual(['c']);
    const confirmedAll = await call('getUpdates', json({ offset: 4 }));
    expect(confirmedAll.body.result).toEqual([]);
    const started = Date.now();
    const empty = await call('getUpdates', json({ offset: 4, timeout: 1 }));
    expect(empty.body.result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('allowed_updates filters future updates and is remembered', async () => {
    await call('getUpdates', json({ allowed_updates: ['message'] }));
    const bot = await call('sendMessage', json({ chat_id: 9001, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } }));
    running.emulator.pressButton('resident', bot.body.result.message_id, 'a');
    running.emulator.sendText('resident', 'kept');
    const { body } = await call('getUpdates', json({}));
    expect(body.result.map((u: any) => Object.keys(u)[1])).toEqual(['message']);
    expect(running.emulator.droppedUpdates).toHaveLength(1);
  });

  it('a newer getUpdates ends the older one with 409, like Telegram', async () => {
    const older = call('getUpdates', json({ timeout: 10 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const newer = call('getUpdates', json({ timeout: 0 }));
    expect((await older).body).toMatchObject({ ok: false, error_code: 409 });
    expect((await newer).body.ok).toBe(true);
  });

  it('getUpdates conflicts with an active webhook until deleteWebhook', async () => {
    await call('setWebhook', json({ url: 'https://example.org/hook' }));
    expect((await call('getUpdates', json({}))).body.error_code).toBe(409);
    running.emulator.sendText('resident', 'queued');
    await call('deleteWebhook', json({ drop_pending_updates: true }));
    expect((await call('getUpdates', json({}))).body.result).toEqual([]);
  });

  it('answerCallbackQuery validates the query id and emits a toast once', async () => {
    const events: unknown[] = [];
    running.emulator.subscribe((event) => event.type === 'toast' && events.push(event));
    const bot = await call('sendMessage', json({ chat_id: 9001, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } }));
    const queryId = running.emulator.pressButton('resident', bot.body.result.message_id, 'a');
    expect((await call('answerCallbackQuery', json({ callback_query_id: queryId, text: '好的', show_alert: true }))).body.ok).toBe(true);
    expect((await call('answerCallbackQuery', json({ callback_query_id: queryId }))).body.description).toMatch(/query is too old/);
    expect(events).toEqual([{ type: 'toast', personaId: 'resident', text: '好的', showAlert: true }]);
  });

  it('records calls and reports unknown methods with 404', async () => {
    const unknown: string[] = [];
    await running.close();
    running = await startEmulator({ onUnknownMethod: (method) => unknown.push(method) });
    const { status, body } = await call('sendPoll', json({ chat_id: 9001 }));
    expect(status).toBe(404);
    expect(body).toEqual({ ok: false, error_code: 404, description: 'Not Found: method sendPoll is not implemented by the minyi demo emulator' });
    expect(unknown).toEqual(['sendPoll']);
    expect(running.emulator.calls.at(-1)).toMatchObject({ method: 'sendPoll', ok: false });
  });

  it('reports malformed bodies as 400', async () => {
    const { status, body } = await call('sendMessage', { headers: { 'content-type': 'application/json' }, body: '{"chat_id":' });
    expect(status).toBe(400);
    expect(body.description).toMatch(/not valid JSON/);
  });

  it('uses the injected clock for message dates', async () => {
    await running.close();
    running = await startEmulator({ now: () => new Date('2026-03-02T01:00:00Z') });
    const { body } = await call('sendMessage', json({ chat_id: 9001, text: 'x' }));
    expect(body.result.date).toBe(Date.parse('2026-03-02T01:00:00Z') / 1000);
  });
});
