// The command menus, and /start's hand-over of staff invitations.
import { Bot } from 'grammy';
import { describe, expect, it } from 'vitest';
import { publishCommands, residentCommandNames } from '../../src/bot/commands.js';
import { createTranslate } from '../../src/i18n/index.js';
import { FakeTelegram, testBotInfo } from '../helpers/telegram.js';

describe('command menus', () => {
  it('publishes the resident menu in Chinese by default and in English for English clients, then extra scoped menus', async () => {
    const telegram = new FakeTelegram();
    const bot = new Bot('test-token', { botInfo: testBotInfo, client: { fetch: telegram.fetch } });
    const translate = createTranslate('zh-CN');
    await publishCommands(bot.api, translate, [{ scope: { type: 'chat', chat_id: 7 }, commands: (locale) => [{ command: 'inbox', description: locale === 'en' ? 'Inbox' : '收件箱' }] }]);

    const calls = telegram.calls.filter((call) => call.method === 'setMyCommands').map((call) => call.payload);
    expect(calls).toHaveLength(4);
    expect(calls[0]).toMatchObject({ scope: { type: 'default' } });
    expect(calls[0]).not.toHaveProperty('language_code');
    expect(calls[1]).toMatchObject({ scope: { type: 'default' }, language_code: 'en' });
    const zh = calls[0]!.commands as { command: string; description: string }[];
    const en = calls[1]!.commands as { command: string; description: string }[];
    expect(zh.map((c) => c.command)).toEqual([...residentCommandNames]);
    expect(zh.find((c) => c.command === 'new')?.description).toBe('提交意见或建议');
    expect(en.find((c) => c.command === 'new')?.description).toBe('Submit an opinion or suggestion');
    expect(calls[3]).toMatchObject({ scope: { type: 'chat', chat_id: 7 }, language_code: 'en', commands: [{ command: 'inbox', description: 'Inbox' }] });
  });
});
