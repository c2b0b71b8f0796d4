import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bot, InputFile } from 'grammy';
import { createBotApiEmulator, createConsoleServer, startDemoTransport, type ConsoleServer, type TimeAdvance } from '../../src/demo/index.js';
import { testPersonas, TOKEN } from './helpers.js';

describe('console server', () => {
  let consoleServer: ConsoleServer;
  let baseUrl: string;
  let simulatedNow: Date;
  const advances: TimeAdvance[] = [];
  const emulator = () => consoleEmulator;
  let consoleEmulator: ReturnType<typeof createBotApiEmulator>;

  const post = async (path: string, body?: unknown) => {
    const init: RequestInit = { method: 'POST' };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) Object.assign(init, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const response = await fetch(`${baseUrl}${path}`, init);
    return { status: response.status, body: (await response.json()) as { ok: boolean; result?: any; error?: string } };
  };

  beforeEach(async () => {
    simulatedNow = new Date('2026-03-02T01:00:00Z');
    advances.length = 0;
    consoleEmulator = createBotApiEmulator({ token: TOKEN, personas: testPersonas, now: () => simulatedNow });
    consoleServer = createConsoleServer({
      emulator: consoleEmulator,
      title: '测试控制台',
      now: () => simulatedNow,
      onAdvanceTime: (advance) => {
        advances.push(advance);
        simulatedNow = new Date(simulatedNow.getTime() + (advance.workingDays * 24 + advance.hours) * 3600_000);
        return simulatedNow;
      },
    });
    baseUrl = await consoleServer.listen(0);
  });

  afterEach(async () => {
    await consoleServer.close();
  });

  it('serves the page, script and stylesheet with the test ids the browser test relies on', async () => {
    const page = await (await fetch(`${baseUrl}/`)).text();
    for (const testId of ['message-input', 'send-button', 'menu-button', 'time-advance-day', 'time-advance-hour', 'location-picker']) {
      expect(page).toContain(`data-testid="${testId}"`);
    }
    const script = await fetch(`${baseUrl}/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain("'inline-btn'");
    expect((await fetch(`${baseUrl}/style.css`)).headers.get('content-type')).toMatch(/css/);
  });

  it('mounts the Bot API on the same port, so a grammY bot can use the console URL as apiRoot', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: baseUrl } });
    const message = await bot.api.sendDocument(9001, new InputFile(Buffer.from('a,b\n'), 'x.csv'));
    const state = (await (await fetch(`${baseUrl}/api/state`)).json()) as any;
    expect(state.title).toBe('测试控制台');
    expect(state.now).toBe('2026-03-02T01:00:00.000Z');
    expect(state.personas.map((p: any) => p.persona.id)).toEqual(['resident', 'officer']);
    expect(state.personas[0].messages[0].message.document.file_name).toBe('x.csv');
    const download = await fetch(`${baseUrl}/api/files/${encodeURIComponent(message.document.file_id)}`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(await download.text()).toBe('a,b\n');
  });

  it('streams changes over Server-Sent Events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/api/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const sawMessage = (async () => {
      while (!received.includes('"type":"message"')) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value);
      }
    })();
    await post('/api/personas/resident/text', { text: '你好' });
    await sawMessage;
    const frame = received.split('\n\n').find((chunk) => chunk.includes('"type":"message"'))!;
    expect(JSON.parse(frame.replace(/^data: /, ''))).toMatchObject({ type: 'message', personaId: 'resident', entry: { sender: 'user', message: { text: '你好' } } });
    controller.abort();
  });

  it('acts as a persona: text, callback, contact, location, photo, sticker', async () => {
    expect((await post('/api/personas/resident/text', { text: '/start' })).body.result.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    const bot = new Bot(TOKEN, { client: { apiRoot: baseUrl } });
    const botMessage = await bot.api.sendMessage(9001, '选', { reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } });
    expect((await post('/api/personas/resident/callback', { messageId: botMessage.message_id, data: 'a' })).body.result.callbackQueryId).toMatch(/^\d+$/);
    expect((await post('/api/personas/resident/callback', { messageId: botMessage.message_id, data: 'zzz' })).status).toBe(400);
    expect((await post('/api/personas/resident/contact')).body.result.contact.user_id).toBe(9001);
    expect((await post('/api/personas/resident/location', { latitude: 30.1, longitude: 120.2 })).body.result.location).toEqual({ latitude: 30.1, longitude: 120.2 });
    const form = new FormData();
    form.append('photo', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }), '现场.jpg');
    form.append('caption', '井盖缺失');
    const photo = await post('/api/personas/resident/photo', form);
    expect(photo.body.result).toMatchObject({ caption: '井盖缺失', photo: [{ file_size: 4 }] });
    expect((await post('/api/personas/resident/sticker')).body.result.sticker.emoji).toBe('👍');
    expect((await post('/api/personas/nobody/text', { text: 'x' })).status).toBe(404);
    expect(emulator().chat('resident').map((entry) => entry.sender)).toEqual(['user', 'bot', 'user', 'user', 'user', 'user']);
  });

  it('advances simulated time through onAdvanceTime', async () => {
    const result = await post('/api/time/advance', { workingDays: 1 });
    expect(result.body.result.now).toBe('2026-03-03T01:00:00.000Z');
    await post('/api/time/advance', { hours: 1 });
    expect(advances).toEqual([
      { workingDays: 1, hours: 0 },
      { workingDays: 0, hours: 1 },
    ]);
    expect((await post('/api/time/advance', { hours: -1 })).status).toBe(400);
  });
});

describe('startDemoTransport', () => {
  it('starts emulator and console on one port that serves as grammY apiRoot', async () => {
    const transport = await startDemoTransport({ token: TOKEN, personas: testPersonas, port: 0, botInfo: { username: 'minyi_test_bot' } });
    try {
      expect(transport.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const bot = new Bot(TOKEN, { client: { apiRoot: transport.apiRoot } });
      expect((await bot.api.getMe()).username).toBe('minyi_test_bot');
      await bot.api.setMyDescription('反映诉求', { language_code: 'zh' });
      expect(await bot.api.getMyDescription({ language_code: 'zh' })).toEqual({ description: '反映诉求' });
      expect((await fetch(`${transport.apiRoot}/api/state`)).status).toBe(200);
    } finally {
      await transport.close();
    }
  });
});
