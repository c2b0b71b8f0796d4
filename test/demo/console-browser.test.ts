import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot, InlineKeyboard, InputFile, Keyboard } from 'grammy';
import type { Browser, Page } from 'playwright-core';
import { createBotApiEmulator, createConsoleServer, defaultDemoPlaces, type ConsoleServer } from '../../src/demo/index.js';
import { testPersonas, TOKEN } from './helpers.js';

// Drives the console in headless Chromium (Debian's package). Skipped where no browser is installed.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshotDir = process.env.DEMO_SCREENSHOT_DIR;

describe.skipIf(!existsSync(chromiumPath))('console in a browser', () => {
  let consoleServer: ConsoleServer;
  let bot: Bot;
  let polling: Promise<void>;
  let browser: Browser;
  let page: Page;
  let now = new Date('2026-03-02T01:00:00Z');

  beforeAll(async () => {
    const emulator = createBotApiEmulator({ token: TOKEN, personas: testPersonas, now: () => now });
    consoleServer = createConsoleServer({
      emulator,
      now: () => now,
      onAdvanceTime: ({ workingDays, hours }) => (now = new Date(now.getTime() + (workingDays * 24 + hours) * 3600_000)),
    });
    const baseUrl = await consoleServer.listen(0);

    bot = new Bot(TOKEN, { client: { apiRoot: baseUrl } });
    bot.command('start', async (ctx) => {
      await ctx.reply('欢迎使用 <b>民意直通车</b> &lt;script&gt;alert(1)&lt;/script&gt; <a href="javascript:alert(1)">坏链接</a>', {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text('确认', 'confirm'),
      });
      await ctx.reply('请选择', { reply_markup: new Keyboard().requestLocation('📍 发送位置').text('帮助').oneTime().resized() });
    });
    bot.callbackQuery('confirm', async (ctx) => {
      await ctx.answerCallbackQuery({ text: '已收到' });
      await ctx.editMessageText('_已确认_', { parse_mode: 'MarkdownV2' });
    });
    bot.command('doc', (ctx) => ctx.replyWithDocument(new InputFile(Buffer.from('a,b\n'), '报告.csv')));
    bot.on('message:photo', (ctx) => ctx.reply(`收到照片 ${ctx.message.caption ?? ''}`));
    bot.on('message:location', (ctx) => ctx.reply(`收到位置 ${ctx.message.location.latitude}`));
    bot.on('message:text', (ctx) => ctx.reply(`回声：${ctx.message.text}`));
    await bot.api.setMyCommands([{ command: 'start', description: '开始' }, { command: 'doc', description: '报告' }], { language_code: 'zh' });
    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }]);
    await new Promise<void>((resolve) => {
      polling = bot.start({ onStart: () => resolve() });
    });

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(baseUrl);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await polling;
    await consoleServer?.close();
  });

  const bubbles = () => page.locator('[data-testid="message"]');
  const screenshot = async (name: string) => {
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/${name}.png` });
  };

  it('sends /start, renders formatting safely, and shows both keyboards', async () => {
    await page.getByTestId('persona-resident').click();
    await page.getByTestId('message-input').fill('/start');
    await page.getByTestId('send-button').click();
    await page.getByTestId('reply-btn').first().waitFor();
    const welcome = bubbles().filter({ hasText: '欢迎使用' });
    expect(await welcome.locator('b').textContent()).toBe('民意直通车');
    expect(await welcome.getByTestId('message-text').textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('.messages script').count()).toBe(0);
    expect(await welcome.locator('a').count()).toBe(0); // javascript: links are not made clickable
    expect(await page.getByTestId('reply-btn').allTextContents()).toEqual(['📍 发送位置', '帮助']);
    await screenshot('after-start');
  });

  it('presses an inline button: toast, then the message is edited in place', async () => {
    await page.getByTestId('inline-btn').filter({ hasText: '确认' }).click();
    await page.getByTestId('edited-mark').waitFor();
    expect(await page.getByTestId('toast').first().textContent()).toBe('已收到');
    const edited = bubbles().filter({ has: page.getByTestId('edited-mark') });
    expect(await edited.locator('i').textContent()).toBe('已确认');
    expect(await page.getByTestId('inline-btn').count()).toBe(0);
  });

  it('shares a location from the picker through a request_location reply button', async () => {
    await page.getByTestId('reply-btn').filter({ hasText: '发送位置' }).click();
    await page.getByTestId('place-option').first().click();
    await bubbles().filter({ hasText: `收到位置 ${defaultDemoPlaces[0]!.latitude}` }).waitFor();
    expect(await page.getByTestId('reply-keyboard').isHidden()).toBe(true); // one_time_keyboard
  });

  it('lists commands for the persona language and sends the chosen one; documents are links', async () => {
    await page.getByTestId('menu-button').click();
    expect(await page.getByTestId('command-item').allTextContents()).toEqual(['/start开始', '/doc报告']);
    await page.getByTestId('command-item').filter({ hasText: '/doc' }).click();
    const link = page.getByTestId('document-link');
    await link.waitFor();
    expect(await link.textContent()).toContain('报告.csv');
    const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
    expect(await response.text()).toBe('a,b\n');
  });

  it('switches personas with per-persona chats and unread counts', async () => {
    await page.getByTestId('persona-officer').click();
    expect(await bubbles().count()).toBe(0);
    await page.getByTestId('menu-button').click();
    expect(await page.getByTestId('command-item').allTextContents()).toEqual(['/startStart']);
    await page.keyboard.press('Escape');
    await page.getByTestId('message-input').fill('hello');
    await page.getByTestId('message-input').press('Enter');
    await bubbles().filter({ hasText: '回声：hello' }).waitFor();
    await bot.api.sendMessage(9001, '新通知');
    await page.getByTestId('unread-resident').waitFor();
    expect(await page.getByTestId('unread-resident').textContent()).toBe('1');
  });

  it('uploads a photo as the persona and shows it as an image', async () => {
    await page.getByTestId('persona-resident').click();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEklEQVR4nGP4z8DwHwyBNAMDAEnyB/n1ZK6oAAAAAElFTkSuQmCC',
      'base64',
    );
    await page.getByTestId('message-input').fill('路灯坏了');
    await page.getByTestId('photo-input').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: png });
    const sent = bubbles().filter({ hasText: '路灯坏了' });
    await sent.getByTestId('photo').waitFor();
    const userPhoto = await page.evaluate(() => {
      const images = Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="photo"]'));
      return images.map((image) => ({ loaded: image.complete && image.naturalWidth > 0, width: image.naturalWidth }));
    });
    expect(userPhoto.at(-1)).toEqual({ loaded: true, width: 2 });
  });

  it('advances simulated time', async () => {
    const before = await page.getByTestId('sim-time').getAttribute('data-iso');
    await page.getByTestId('time-advance-day').click();
    await page.waitForFunction((previous) => document.querySelector('[data-testid="sim-time"]')?.getAttribute('data-iso') !== previous, before);
    expect(await page.getByTestId('sim-time').getAttribute('data-iso')).toBe('2026-03-03T01:00:00.000Z');
    await page.getByTestId('persona-resident').click();
    await page.getByTestId('menu-button').click();
    await screenshot('console');
  });
});
