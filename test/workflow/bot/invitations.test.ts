import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS, seedDemoDistrict } from '../../../src/domain/seed/demo-district.js';
import { revokeInvitation } from '../../../src/domain/staff/index.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { deliverOutbox } from '../../helpers/outbox.js';

const HOUR = 3_600_000;

describe('staff invitations and revocation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await seedDemoDistrict(app.deps.prisma, { now: app.clock.now() });
  });
  afterAll(() => app.close());

  /** Walks an admin through /invite and returns the code shown. */
  async function invite(adminId: number, languageCode: string, role: string | RegExp, scope: string | RegExp): Promise<{ code: string; text: string }> {
    const admin = app.user(adminId, languageCode);
    if (languageCode === 'en') {
      // Seeded staff start in Chinese: switch as a person would.
      await admin.send('/language');
      await admin.press('English');
    }
    await admin.send('/invite');
    await admin.press(role);
    await admin.press(scope);
    const text = admin.lastText();
    const code = text.match(/\/join (\w+)/)?.[1];
    expect(code, text).toBeDefined();
    return { code: code!, text };
  }

  it('a street admin invites a liaison officer by deep link, in Chinese', async () => {
    const { code, text } = await invite(DEMO_PERSONAS.streetAdmin.telegramId, 'zh-hans', '民情联络员', '萱花社区代表活动站');
    expect(text).toContain(`https://t.me/minyi_test_bot?start=inv_${code}`);
    expect(text).toContain('72 小时内有效');

    const newcomer = app.user(71001, 'zh-hans', '新联络员');
    await newcomer.send(`/start inv_${code}`);
    expect(newcomer.texts().join('\n')).toContain('您已成为萱花社区代表活动站的民情联络员');
    const person = await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: 71001n }, include: { roles: true } });
    const admin = await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.streetAdmin.telegramId) } });
    expect(person.consentedAt).not.toBeNull();
    expect(person.roles).toMatchObject([{ kind: 'LIAISON_OFFICER', grantedById: admin.id, revokedAt: null }]);
    // The officer's own command menu, in their language, for their chat.
    const menus = app.telegram.calls.filter((call) => call.method === 'setMyCommands' && (call.payload.scope as { chat_id?: number })?.chat_id === 71001);
    expect(menus).toHaveLength(1);
    expect(menus[0]!.payload.commands).toContainEqual({ command: 'inbox', description: '待办意见' });
    // The admin who invited hears it was accepted.
    await deliverOutbox(app);
    expect(app.user(DEMO_PERSONAS.streetAdmin.telegramId).lastText()).toMatch(new RegExp(`^新联络员 已接受您的邀请（${code}），成为萱花社区代表活动站的民情联络员。$`));

    // One-time: a second use is refused and grants nothing.
    const other = app.user(71002, 'zh-hans');
    await other.send(`/join ${code}`);
    expect(other.lastText()).toContain('已经被使用过');
    expect(await app.deps.prisma.person.findUnique({ where: { telegramId: 71002n } })).toBeNull();
  });

  it('refuses expired and unknown codes, in English', async () => {
    const { code } = await invite(DEMO_PERSONAS.districtAdmin.telegramId, 'en', 'agency handler', 'District Transport Commission');
    app.clock.advance(73 * HOUR);
    const late = app.user(71003, 'en');
    await late.send(`/join ${code}`);
    expect(late.lastText()).toBe('This invitation has expired. Please ask an admin for a new one.');
    await late.send('/start inv_nosuchcode');
    expect(late.lastText()).toMatch(/^This invitation code does not exist/);
    expect(await app.deps.prisma.staffRole.count({ where: { person: { telegramId: 71003n } } })).toBe(0);
  });

  it('tells the admin when their invitation is accepted, in English', async () => {
    const { code } = await invite(DEMO_PERSONAS.districtAdmin.telegramId, 'en', 'agency handler', 'District Transport Commission');
    const newcomer = app.user(71006, 'en', 'Zhou');
    await newcomer.send(`/join ${code}`);
    await deliverOutbox(app);
    expect(app.user(DEMO_PERSONAS.districtAdmin.telegramId).lastText()).toBe(`Zhou accepted your invitation (${code}) and is now agency handler of District Transport Commission.`);
  });

  it('keeps a street admin within their street and away from district roles', async () => {
    const admin = app.user(DEMO_PERSONAS.streetAdmin.telegramId);
    await admin.send('/invite');
    expect(admin.inlineButtons()).not.toContain('区人大管理员');
    await admin.press('民情联络员');
    // Zhongshanlu's stations only: not Zhutuo's Handong village.
    expect(admin.inlineButtons()).toContain('玉屏社区代表活动站');
    expect(admin.inlineButtons()).not.toContain('汉东村代表活动站');

    const resident = app.user(71004);
    await resident.send('/invite');
    expect(resident.lastText()).toBe('您没有权限进行这个操作，什么也没有改变。');
  });

  it('an admin revokes a staff member, whose role stops working at once', async () => {
    const admin = app.user(DEMO_PERSONAS.streetAdmin.telegramId);
    await admin.send('/staff');
    const list = admin.lastText();
    expect(list).toContain('新联络员 · 民情联络员 · 萱花社区代表活动站');
    expect(list).not.toContain('汉东村'); // another town's staff
    const number = list.split('\n').find((line) => line.includes('新联络员'))!.match(/^(\d+)\./)![1];
    await admin.press(`撤销第 ${number} 项`);
    expect(admin.lastText()).toContain('确定撤销这项职务吗');
    await admin.press('确认撤销');
    expect(admin.texts()).toContain('已撤销，该职务立即失效。');
    expect(admin.lastText()).not.toContain('新联络员');
    // Their chat's menu is the resident's again.
    const menu = app.telegram.calls.filter((call) => call.method === 'setMyCommands' && (call.payload.scope as { chat_id?: number })?.chat_id === 71001).at(-1)!;
    expect((menu.payload.commands as { command: string }[]).map((c) => c.command)).not.toContain('inbox');
    const roles = await app.deps.prisma.staffRole.findMany({ where: { person: { telegramId: 71001n } } });
    expect(roles.every((role) => role.revokedAt !== null)).toBe(true);
  });
  it('an admin revokes an invitation from its message or from /staff; its code is refused from then on', async () => {
    // From the message that carries the link: the link leaves the chat with it.
    const first = await invite(DEMO_PERSONAS.streetAdmin.telegramId, 'zh-hans', '民情联络员', '萱花社区代表活动站');
    const admin = app.user(DEMO_PERSONAS.streetAdmin.telegramId);
    await admin.press('撤销此邀请');
    expect(admin.lastText()).toBe('邀请已撤销，链接和邀请码都已失效。');
    const stranger = app.user(71005, 'zh-hans');
    await stranger.send(`/join ${first.code}`);
    expect(stranger.lastText()).toBe('这个邀请已被撤销，请向管理员索取新的邀请。');

    // From /staff: only the invitations within the admin's street are listed.
    const second = await invite(DEMO_PERSONAS.streetAdmin.telegramId, 'zh-hans', '民情联络员', '玉屏社区代表活动站');
    const elsewhere = await invite(DEMO_PERSONAS.districtAdmin.telegramId, 'en', 'liaison officer', 'Handong Village Station');
    await admin.send('/staff');
    await admin.press(/^待接受的邀请（\d+）$/);
    const list = admin.lastText();
    expect(list).toMatch(/^尚未接受的邀请共 \d+ 个/);
    expect(list).toContain('1. 民情联络员 · 玉屏社区代表活动站 · 有效至');
    expect(list).not.toContain('汉东村');
    await admin.press('撤销第 1 项');
    expect(admin.texts()).toContain('邀请已撤销，链接和邀请码都已失效。');
    expect(admin.lastText()).not.toContain('玉屏社区代表活动站');
    await stranger.send(`/join ${second.code}`);
    expect(stranger.lastText()).toBe('这个邀请已被撤销，请向管理员索取新的邀请。');

    // Another street's invitation is out of reach, and what was used cannot be revoked.
    const district = await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.districtAdmin.telegramId) } });
    const street = await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.streetAdmin.telegramId) } });
    const other = await app.deps.prisma.staffInvitation.findUniqueOrThrow({ where: { code: elsewhere.code } });
    await expect(revokeInvitation(app.deps, { adminId: street.id, invitationId: other.id })).rejects.toMatchObject({ code: 'forbidden' });
    await stranger.send(`/join ${elsewhere.code}`);
    await expect(revokeInvitation(app.deps, { adminId: district.id, invitationId: other.id })).rejects.toMatchObject({ key: 'invitation-not-open' });
    expect(await app.deps.prisma.staffRole.count({ where: { person: { telegramId: 71005n }, revokedAt: null } })).toBe(1);
  });
});
