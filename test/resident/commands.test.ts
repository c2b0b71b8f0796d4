// The command menus: published at start-up only when they changed (a hash per scope in
// the database), per chat in the language chosen in the bot, and staff's own menu and
// welcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCommands, residentCommandNames } from '../../src/bot/commands.js';
import { DEMO_PERSONAS, seedDemoDistrict } from '../../src/domain/seed/demo-district.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

type Commands = { command: string; description: string }[];

describe('command menus', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await seedDemoDistrict(app.deps.prisma, { now: app.clock.now() });
  });
  afterAll(() => app.close());

  const menuCalls = () => app.telegram.calls.filter((call) => call.method === 'setMyCommands' || call.method === 'deleteMyCommands');

  it('start-up publishes the default menus and each staff chat’s menu once; a restart sends nothing unchanged', async () => {
    const first = await publishCommands(app.bot.api, app.deps);
    const calls = menuCalls().filter((call) => call.method === 'setMyCommands').map((call) => call.payload);
    const staffChats = await app.deps.prisma.person.count({ where: { roles: { some: { revokedAt: null } }, chatId: { not: null } } });
    expect(first.calls).toBe(2 + staffChats);
    expect(calls[0]).toMatchObject({ scope: { type: 'default' } });
    expect(calls[0]).not.toHaveProperty('language_code');
    expect(calls[1]).toMatchObject({ scope: { type: 'default' }, language_code: 'en' });
    expect((calls[0]!.commands as Commands).map((c) => c.command)).toEqual([...residentCommandNames]);
    expect((calls[1]!.commands as Commands).find((c) => c.command === 'new')?.description).toBe('Submit an opinion or suggestion');
    // A staff member's menu: their commands first, in their language, for their chat whatever the client's language.
    const officer = calls.find((call) => (call.scope as { chat_id?: number }).chat_id === DEMO_PERSONAS.officer.telegramId)!;
    expect(officer).not.toHaveProperty('language_code');
    expect((officer.commands as Commands)[0]).toEqual({ command: 'inbox', description: '待办意见' });

    const before = menuCalls().length;
    expect(await publishCommands(app.bot.api, app.deps)).toEqual({ calls: 0 });
    expect(menuCalls().length).toBe(before);
    // One staff member switched to English since: only their menu is sent again.
    await app.deps.prisma.person.update({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) }, data: { locale: 'en' } });
    expect(await publishCommands(app.bot.api, app.deps)).toEqual({ calls: 1 });
    expect(menuCalls().at(-1)?.payload).toMatchObject({ scope: { type: 'chat', chat_id: DEMO_PERSONAS.officer.telegramId }, commands: expect.arrayContaining([{ command: 'inbox', description: 'Opinions waiting for you' }]) });
    await app.deps.prisma.person.update({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) }, data: { locale: 'zh-CN' } });
  });

  it.each([
    ['zh-hans', 'English', 'en', 'Submit an opinion or suggestion'],
    ['en', '简体中文', 'zh-CN', '提交意见或建议'],
  ] as const)('the menu follows the language chosen with /language, for this chat (client %s)', async (client, button, _locale, newDescription) => {
    const user = app.user(client === 'en' ? 103 : 104, client);
    await user.send('/language');
    await user.press(button);
    const menu = menuCalls().filter((call) => call.method === 'setMyCommands').at(-1)!;
    expect(menu.payload).toMatchObject({ scope: { type: 'chat', chat_id: user.id } });
    expect(menu.payload).not.toHaveProperty('language_code');
    expect((menu.payload.commands as Commands).find((c) => c.command === 'new')?.description).toBe(newDescription);
  });

  it.each([
    ['zh-CN', DEMO_PERSONAS.officer.telegramId, /^您好，李静！这里是“民意直通车”工作台。您可以使用：\n\/inbox 待办意见\n\/new 提交意见或建议/],
    ['en', DEMO_PERSONAS.streetAdmin.telegramId, /^Hello .*! This is the minyi staff desk\. Your commands:\n\/invite .*\n\/staff .*\n\/report .*\n\/new Submit an opinion or suggestion/],
  ] as const)('staff get their own welcome and commands on /start (%s)', async (locale, telegramId, welcome) => {
    await app.deps.prisma.person.update({ where: { telegramId: BigInt(telegramId) }, data: { locale } });
    const staff = app.user(telegramId, locale === 'en' ? 'en' : 'zh-hans');
    await staff.send('/start');
    expect(staff.lastText()).toMatch(welcome);
    expect(staff.texts().join('\n')).not.toContain('请先选择语言');
    await staff.send('/help');
    expect(staff.lastText()).toMatch(locale === 'en' ? /^Your commands:\n\/invite/ : /^您可以使用这些命令：\n\/inbox/);
  });
});
