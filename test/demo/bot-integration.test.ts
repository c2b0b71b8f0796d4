import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Bot, GrammyError, InlineKeyboard, InputFile, Keyboard } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { startEmulator, TOKEN, type RunningEmulator } from './helpers.js';

// A tiny bot that exercises the transport the way the real bot will.
function createTinyBot(apiRoot: string): Bot {
  const bot = new Bot(TOKEN, { client: { apiRoot } });
  bot.command('start', (ctx) =>
    ctx.reply(`欢迎，<b>${ctx.from?.first_name ?? ''}</b>！请确认：`, {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text('确认 ✅', 'confirm').text('取消', 'cancel'),
    }),
  );
  bot.callbackQuery('confirm', async (ctx) => {
    await ctx.answerCallbackQuery({ text: '已确认' });
    await ctx.editMessageText('*已确认* \\(confirmed\\)', { parse_mode: 'MarkdownV2' });
  });
  bot.command('doc', (ctx) =>
    ctx.replyWithDocument(new InputFile(Buffer.from('编号,状态\n1,已受理\n'), '诉求报告.csv'), {
      caption: '<i>报告</i>',
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text('刷新', 'refresh'),
    }),
  );
  bot.command('phone', (ctx) =>
    ctx.reply('请分享手机号', { reply_markup: new Keyboard().requestContact('📱 分享手机号').oneTime().resized() }),
  );
  bot.on('message:contact', (ctx) =>
    ctx.reply(`收到 ${ctx.message.contact.phone_number}`, { reply_markup: { remove_keyboard: true } }),
  );
  bot.on('message:location', (ctx) => ctx.reply(`位置 ${ctx.message.location.latitude},${ctx.message.location.longitude}`));
  bot.on('message:photo', async (ctx) => {
    const file = await ctx.getFile();
    const response = await fetch(`${apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    await ctx.reply(`照片 ${bytes.length} 字节 ${bytes.subarray(0, 4).toString('hex')}`);
  });
  bot.on('message:sticker', (ctx) => ctx.reply('暂不支持此类消息'));
  bot.on('message:text', (ctx) => ctx.reply(`你说：${ctx.message.text}`));
  return bot;
}

describe('grammY bot against the emulator over HTTP', () => {
  let running: RunningEmulator;
  let bot: Bot;
  let polling: Promise<void>;
  const unknownMethods: string[] = [];

  beforeAll(async () => {
    running = await startEmulator({ onUnknownMethod: (method) => unknownMethods.push(method) });
    bot = createTinyBot(running.apiRoot);
    await bot.api.setMyCommands([{ command: 'start', description: '开始' }], { language_code: 'zh' });
    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }]);
    // Updates sent before deleteWebhook(drop_pending_updates) would be dropped, as on Telegram.
    await new Promise<void>((resolve) => {
      polling = bot.start({ drop_pending_updates: true, onStart: () => resolve() });
    });
  });

  afterAll(async () => {
    await bot.stop();
    await polling;
    await running.close();
  });

  afterEach(() => {
    running.emulator.clearFailures();
  });

  it('/start → inline keyboard → press → answerCallbackQuery toast and edited message', async () => {
    const { emulator } = running;
    const toasts: string[] = [];
    const unsubscribe = emulator.subscribe((event) => {
      if (event.type === 'toast') toasts.push(event.text);
    });
    const sent = emulator.sendText('resident', '/start');
    expect(sent.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);

    const reply = await emulator.waitForMessage('resident', (entry) => entry.sender === 'bot' && entry.message.text?.startsWith('欢迎') === true);
    expect(reply.message.text).toBe('欢迎，王芳！请确认：');
    expect(reply.message.entities).toEqual([{ type: 'bold', offset: 3, length: 2 }]);
    expect(reply.message.reply_markup?.inline_keyboard[0]?.map((b) => b.text)).toEqual(['确认 ✅', '取消']);

    emulator.pressButton('resident', reply.message.message_id, 'confirm');
    const edited = await emulator.waitForMessage('resident', (entry) => entry.edited);
    expect(edited.message.message_id).toBe(reply.message.message_id);
    expect(edited.message.text).toBe('已确认 (confirmed)');
    expect(edited.message.entities).toEqual([{ type: 'bold', offset: 0, length: 3 }]);
    expect(edited.message.reply_markup).toBeUndefined(); // editing without reply_markup drops the keyboard, as on Telegram
    expect(toasts).toEqual(['已确认']);
    expect(emulator.chat('resident').filter((entry) => entry.sender === 'bot')).toHaveLength(1);
    unsubscribe();
  });

  it('refuses to press buttons that do not exist', () => {
    expect(() => running.emulator.pressInlineButton('resident', '不存在')).toThrow(/no inline button/);
  });

  it('sendDocument with an InputFile upload (multipart) is downloadable byte for byte', async () => {
    const { emulator, apiRoot } = running;
    emulator.sendText('resident', '/doc');
    const entry = await emulator.waitForMessage('resident', (candidate) => candidate.message.document !== undefined);
    const document = entry.message.document!;
    expect(document).toMatchObject({ file_name: '诉求报告.csv', mime_type: 'text/csv' });
    expect(entry.message.caption).toBe('报告');
    expect(entry.message.caption_entities).toEqual([{ type: 'italic', offset: 0, length: 2 }]);
    expect(entry.message.reply_markup?.inline_keyboard[0]?.[0]?.callback_data).toBe('refresh'); // JSON field inside multipart

    const file = await bot.api.getFile(document.file_id);
    const response = await fetch(`${apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe('编号,状态\n1,已受理\n');
    expect((await fetch(`${apiRoot}/file/botWRONG/${file.file_path}`)).status).toBe(401);
  });

  it('photos sent by a persona can be fetched by the bot via getFile', async () => {
    const { emulator } = running;
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000002000000030806000000', 'hex');
    const sent = emulator.sendPhoto('officer', png, 'pothole');
    expect(sent.photo?.[0]).toMatchObject({ width: 2, height: 3, file_size: png.length });
    const reply = await emulator.waitForMessage('officer', (entry) => entry.message.text?.startsWith('照片') === true);
    expect(reply.message.text).toBe(`照片 ${png.length} 字节 89504e47`);
  });

  it('reply keyboard with request_contact: one-time keyboard collapses, contact arrives, remove_keyboard honoured', async () => {
    const { emulator } = running;
    emulator.sendText('officer', '/phone');
    await emulator.waitForMessage('officer', (entry) => entry.message.text === '请分享手机号');
    expect(emulator.input('officer').replyKeyboard?.keyboard[0]?.[0]).toMatchObject({ text: '📱 分享手机号', request_contact: true });
    const contact = emulator.shareContact('officer');
    expect(contact.contact).toMatchObject({ user_id: 9002, first_name: 'Li' });
    expect(emulator.input('officer').replyKeyboard).toBeNull();
    await emulator.waitForMessage('officer', (entry) => entry.message.text?.startsWith('收到 +86') === true);
  });

  it('locations and unsupported message types reach the bot', async () => {
    const { emulator } = running;
    emulator.shareLocation('officer', 30.27415, 120.15515);
    await emulator.waitForMessage('officer', (entry) => entry.message.text === '位置 30.27415,120.15515');
    emulator.sendSticker('officer');
    await emulator.waitForMessage('officer', (entry) => entry.message.text === '暂不支持此类消息');
  });

  it('an unknown method fails loudly: 404 for the bot and onUnknownMethod is called', async () => {
    const error = await bot.api.sendDice(9001, '🎲').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(404);
    expect((error as GrammyError).description).toBe('Not Found: method sendDice is not implemented by the minyi demo emulator');
    expect(unknownMethods).toEqual(['sendDice']);
  });

  it('simulated 429 carries retry_after, and auto-retry recovers', async () => {
    const { emulator } = running;
    emulator.failNext('resident', { kind: 'too_many_requests', retryAfter: 1 }, 1);
    const error = await bot.api.sendMessage(9001, 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(429);
    expect((error as GrammyError).parameters.retry_after).toBe(1);

    const retryingBot = new Bot(TOKEN, { client: { apiRoot: running.apiRoot } });
    retryingBot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5 }));
    emulator.failNext('resident', { kind: 'too_many_requests', retryAfter: 1 }, 1);
    const started = Date.now();
    const message = await retryingBot.api.sendMessage(9001, '通知：您的诉求已受理');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(message.text).toBe('通知：您的诉求已受理');
    const calls = emulator.calls.filter((call) => call.method === 'sendMessage' && call.params.text === '通知：您的诉求已受理');
    expect(calls.map((call) => call.ok)).toEqual([false, true]);
  });

  it('simulated 403 "bot was blocked by the user" lasts for the requested count', async () => {
    const { emulator } = running;
    emulator.failNext('resident', { kind: 'blocked' }, 2);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await bot.api.sendMessage(9001, 'x').catch((caught: unknown) => caught);
      expect((error as GrammyError).error_code).toBe(403);
      expect((error as GrammyError).description).toBe('Forbidden: bot was blocked by the user');
    }
    await expect(bot.api.sendMessage(9001, 'ok')).resolves.toMatchObject({ text: 'ok' });
  });

  it('reports Telegram-like 400s for bot mistakes', async () => {
    await expect(bot.api.sendMessage(9001, '1 < 2', { parse_mode: 'HTML' })).rejects.toThrow(/can't parse entities/);
    await expect(bot.api.sendMessage(9001, 'v1.0', { parse_mode: 'MarkdownV2' })).rejects.toThrow(/reserved/);
    await expect(bot.api.sendMessage(424242, 'hi')).rejects.toThrow(/chat not found/);
    await expect(
      bot.api.sendMessage(9001, 'x', { reply_markup: new InlineKeyboard().text('太长', '诉求编号-'.repeat(10)) }),
    ).rejects.toThrow(/BUTTON_DATA_INVALID/);
    const message = await bot.api.sendMessage(9001, '同样的内容');
    await expect(bot.api.editMessageText(9001, message.message_id, '同样的内容')).rejects.toThrow(/message is not modified/);
    await expect(bot.api.editMessageText(9001, 99999, 'x')).rejects.toThrow(/message to edit not found/);
  });

  it('editMessageReplyMarkup and deleteMessage update the chat', async () => {
    const { emulator } = running;
    const message = await bot.api.sendMessage(9002, '请选择', { reply_markup: new InlineKeyboard().text('A', 'a') });
    await bot.api.editMessageReplyMarkup(9002, message.message_id, { reply_markup: new InlineKeyboard().text('B', 'b') });
    const entry = emulator.chat('officer').find((candidate) => candidate.message.message_id === message.message_id)!;
    expect(entry.edited).toBe(true);
    expect(entry.message.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe('B');
    await bot.api.deleteMessage(9002, message.message_id);
    expect(emulator.chat('officer').some((candidate) => candidate.message.message_id === message.message_id)).toBe(false);
  });

  it('stores commands per scope and language and resolves the menu per persona', async () => {
    const { emulator } = running;
    expect(emulator.commandsFor('resident')).toEqual([{ command: 'start', description: '开始' }]);
    expect(emulator.commandsFor('officer')).toEqual([{ command: 'start', description: 'Start' }]);
    await bot.api.setMyCommands([{ command: 'inbox', description: '待办' }], { scope: { type: 'chat', chat_id: 9001 } });
    expect(emulator.commandsFor('resident')).toEqual([{ command: 'inbox', description: '待办' }]);
    expect(await bot.api.getMyCommands({ language_code: 'zh' })).toEqual([{ command: 'start', description: '开始' }]);
    await bot.api.deleteMyCommands({ scope: { type: 'chat', chat_id: 9001 } });
    expect(emulator.commandsFor('resident')).toEqual([{ command: 'start', description: '开始' }]);
    await expect(bot.api.setMyCommands([{ command: 'Bad-Name', description: 'x' }])).rejects.toThrow(/BOT_COMMAND_INVALID/);
  });
});
