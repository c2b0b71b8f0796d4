// The demo as a person plays it: `startDemo` (what `npm run demo` runs) driven through
// the console page in headless Chromium, the whole loop in Chinese, then the overdue
// chain: cases nobody acts on, "+1 工作日" until they are late, 督办 to the street admin,
// 催办 and 改派. Screenshots of each persona's chat go to test/artifacts/ (git-ignored).
// Skipped where Chromium is missing.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { WorkingCalendar } from '../../src/domain/calendar/index.js';
import { startDemo, type RunningDemo } from '../../src/demo/start-demo.js';
import type { Logger } from '../../src/logger.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

if (!hasChromium) {
  console.warn(`[e2e] skipped: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

/**
 * Keeps warnings and errors (a failed update is logged, not thrown) so the test can fail on
 * them. Not the missing-holiday-schedule warning: the loop runs next month, and a December
 * start rightly warns that the next year's schedule is not shipped yet.
 */
function recordingLogger(problems: string[]): Logger {
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    // A send retried after a transient failure is delivery doing its job, not a problem.
    if (message === 'notification not sent' && fields?.['outcome'] === 'retry') return;
    if (!message.startsWith('no public-holiday schedule')) problems.push(`${level} ${message} ${JSON.stringify(fields, jsonSafe)}`);
  };
  const logger: Logger = { debug: () => {}, info: () => {}, warn: record('warn'), error: record('error'), child: () => logger };
  return logger;
}
const jsonSafe = (_key: string, value: unknown) =>
  typeof value === 'bigint' ? value.toString() : value instanceof Error ? `${value.name}: ${value.message}` : value;

/**
 * 10:00 in the district on the last working day of next month: after the loop, one
 * "+1 工作日" crosses into the following month, whose /report then covers the loop.
 */
function lastWorkingDayOfNextMonth(now: Date): Date {
  const calendar = WorkingCalendar.fromFile();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 0));
  while (!calendar.isWorkingDate(day.toISOString().slice(0, 10))) day.setUTCDate(day.getUTCDate() - 1);
  return new Date(`${day.toISOString().slice(0, 10)}T10:00:00+08:00`);
}

describe.skipIf(!hasChromium)('npm run demo: the whole loop in the browser', () => {
  const problems: string[] = [];
  let demo: RunningDemo;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    await mkdir(artifacts, { recursive: true });
    // The database is in memory; report files still go under DATA_DIR.
    dataDir = await mkdtemp(join(tmpdir(), 'minyi-e2e-'));
    const { chromium } = await import('playwright-core');
    // Side by side (the embedded database's start-up dominates); both settle before any
    // failure is thrown, so afterAll closes whatever started.
    const started = await Promise.allSettled([
      startDemo({
        config: loadConfig({ DATA_DIR: dataDir }),
        dataDir: 'memory://',
        port: 0,
        startAt: lastWorkingDayOfNextMonth(new Date()),
        logger: recordingLogger(problems),
        onUnknownMethod: (method) => problems.push(`unknown Bot API method ${method}`),
      }).then((running) => (demo = running)),
      chromium
        .launch({
          executablePath: chromiumPath,
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        })
        .then((launched) => (browser = launched)),
    ]);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page.setDefaultTimeout(10_000);
    await page.goto(demo.url);
    await page.getByTestId('connection').filter({ hasText: '已连接' }).waitFor();
    // Generating the demo's six months of history dominates the start: about a minute on a
    // quiet machine, over three at load 15 (other test runs beside it).
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  // ---------------------------------------------------------------- page helpers

  const botMessages = () => page.locator('[data-testid="message"][data-sender="bot"]');
  const as = async (persona: string) => {
    await page.getByTestId(`persona-${persona}`).click();
    await page.locator(`#messages[data-persona="${persona}"]`).waitFor({ state: 'attached' });
  };
  const send = async (text: string) => {
    await page.getByTestId('message-input').fill(text);
    await page.getByTestId('send-button').click();
  };
  /** The newest bot message containing `text`, once it arrived. */
  const botSays = async (text: string | RegExp, timeout?: number): Promise<Locator> => {
    const message = botMessages().filter({ hasText: text }).last();
    await message.waitFor(timeout ? { timeout } : {});
    return message;
  };
  /**
   * A reader of what the bot says in this chat from now on: a dialogue played before asked
   * the same questions, and its messages must not answer for the new ones.
   */
  const fromNow = async () => {
    const seen = await botMessages().count();
    const later = page.locator(`xpath=(//*[@data-testid="message" and @data-sender="bot"])[position() > ${seen}]`);
    return async (text: string | RegExp, timeout?: number): Promise<Locator> => {
      const message = later.filter({ hasText: text }).last();
      await message.waitFor(timeout ? { timeout } : {});
      return message;
    };
  };
  /** The message itself, by its id, whatever arrives after it. */
  const pinned = async (message: Locator) => page.locator(`[data-testid="message"][data-message-id="${await message.getAttribute('data-message-id')}"]`);
  /** The inline buttons under a message (the keyboard is the bubble's sibling). */
  const buttonsOf = (message: Locator) => message.locator('xpath=..').getByTestId('inline-btn');
  const exactly = (label: string) => new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  /** Presses the newest inline button labelled exactly so ("受理", not "不予受理"). */
  const press = (label: string) => page.getByTestId('inline-btn').filter({ hasText: exactly(label) }).last().click();
  /** Presses the newest inline button whose label contains this text. */
  const pressContaining = (text: string) => page.getByTestId('inline-btn').filter({ hasText: text }).last().click();
  const pressReply = (label: string) => page.getByTestId('reply-btn').filter({ hasText: label }).first().click();
  const screenshot = (name: string) => page.screenshot({ path: `${artifacts}demo-${name}.png`, fullPage: false });
  /** "+1 工作日": the clock moves once the due jobs have run (their notices are then on their way). */
  const advanceWorkingDay = async (): Promise<{ before: Date; after: Date }> => {
    const before = (await page.getByTestId('sim-time').getAttribute('data-iso'))!;
    await page.getByTestId('time-advance-day').click();
    await page.waitForFunction((previous) => document.querySelector('[data-testid="sim-time"]')?.getAttribute('data-iso') !== previous, before, { timeout: 90_000 });
    return { before: new Date(before), after: new Date((await page.getByTestId('sim-time').getAttribute('data-iso'))!) };
  };

  /**
   * The resident's /new: the station by a shared location (the first time) or the one used
   * last, 城市管理, the text, no photos, the location (the staff see it as a map pin), no
   * phone. Returns the tracking number.
   */
  const submitOpinion = async (text: string, station: 'nearby' | 'last used'): Promise<string> => {
    const says = await fromNow();
    await send('/new');
    if (station === 'nearby') {
      await pressReply('发送我的位置');
      await page.getByTestId('place-option').filter({ hasText: '玉屏路口' }).click();
      await says('离您最近的站点');
      await pressContaining('玉屏社区代表活动站');
      await says('站点：玉屏社区代表活动站');
    } else {
      await says('发送到这个站点吗？');
      await press('✅ 就是这个站点');
    }
    await says('您的意见属于哪一类');
    await press('城市管理');
    await says('请用文字描述');
    await send(text);
    await says('可以发送照片或语音');
    await press('跳过'); // photos
    await says('需要附上位置吗');
    await pressReply('发送我的位置');
    await page.getByTestId('place-option').filter({ hasText: '玉屏路口' }).click();
    await says('已记录位置');
    await says('需要留下手机号');
    await pressReply('跳过'); // phone
    await says('请核对您的意见');
    await pressContaining('确认提交');
    const submitted = await says('已提交！您的意见编号是');
    return /编号是：\s*(\S+)/.exec((await submitted.textContent()) ?? '')?.[1] ?? '';
  };

  // ---------------------------------------------------------------- the loop

  it('shows the personas of the demo district', async () => {
    const expected = { resident: '王大爷', officer: '李静', agency: '周明', 'street-admin': '黄丽', 'district-admin': '孙伟' };
    for (const [persona, name] of Object.entries(expected)) expect(await page.getByTestId(`persona-${persona}`).textContent()).toContain(name);
  });

  let trackingNo = '';

  it('resident: /start, consent, /new through every step, a tracking number', async () => {
    await as('resident');
    await send('/start');
    await pressContaining('同意并继续');
    await botSays('您已同意隐私说明');

    // The station by location: the console's place picker, then the nearest stations.
    trackingNo = await submitOpinion('玉屏路12号门口的路灯坏了一个多星期，晚上老人出门很不方便，请尽快修理。', 'nearby');
    expect(trackingNo).not.toBe('');
    await screenshot('1-resident-submitted');
  });

  it('officer: the case with its location, 受理 editing the card in place, 转办 with a note to 区城市管理局', async () => {
    await as('officer');
    await botSays(`新意见 ${trackingNo}`);
    await press('查看并处理');
    // The card, pinned by its message id: its text changes when it is edited.
    const cardId = await (await botSays(new RegExp(`${trackingNo} · 待受理`))).getAttribute('data-message-id');
    const card = page.locator(`[data-testid="message"][data-message-id="${cardId}"]`);
    await expect.poll(() => page.getByTestId('location').count(), { timeout: 15_000 }).toBe(1);
    await botSays('uri.amap.com/marker');
    const messagesBefore = await botMessages().count();
    await press('受理');
    // The same card, edited: a line on top says what was done; no new message.
    await expect.poll(async () => (await card.textContent()) ?? '', { timeout: 15_000 }).toContain(`已受理 ${trackingNo}`);
    expect(await card.textContent()).toContain('分析研判中');
    expect(await botMessages().count()).toBe(messagesBefore);
    await screenshot('2-officer-card-edited');
    await press('转办');
    await botSays('转办给哪个承办单位');
    await press('区城市管理局');
    await botSays('办理期限');
    await press('按规定期限');
    await botSays('给承办单位的附言');
    await send('路灯在玉屏路 12 号门口，东侧第二根。');
    await botSays(`已将 ${trackingNo} 转办`);
    await screenshot('3-officer-referred');
  });

  it('agency handler: the referral, 提交结果 as final', async () => {
    await as('agency');
    await botSays(`新交办意见 ${trackingNo}`);
    await press('查看交办件');
    await botSays(new RegExp(`${trackingNo} · 办理中`));
    await botSays('联络员附言：路灯在玉屏路 12 号门口，东侧第二根。');
    await press('提交结果');
    await press('最终结果，直接告知群众');
    await botSays('请输入办理结果');
    await send('已安排维修人员更换玉屏路12号门口的路灯，当天晚上已恢复照明。');
    await botSays(`已提交 ${trackingNo} 的办理结果`);
    await screenshot('4-agency-result');
  });

  it('resident: the result, rated 满意', async () => {
    await as('resident');
    await botSays('办理结果如下');
    await press('满意');
    await botSays(`感谢您的评价（满意）！意见 ${trackingNo} 已办结`);
    await botSays('还有什么想补充的吗');
    await press('跳过');
    await botSays('好的，谢谢您');
    await screenshot('5-resident-rated');
  });

  it('time: "+1 工作日" crosses into the next month; the street admin gets the monthly report', async () => {
    const { before, after } = await advanceWorkingDay();
    expect(after.getUTCMonth()).toBe((before.getUTCMonth() + 1) % 12);

    // The jobs ran at once: the report of the month just ended, as delivered on the 1st.
    await as('street-admin');
    // The demo starts with months of history: the month's figures are never empty.
    // The day's 督办 notices for the history's overdue cases come first, one a second.
    const summary = await botSays(/受理 \d+ 件，办结 \d+ 件/, 120_000);
    const [, received, closed] = /受理 (\d+) 件，办结 (\d+) 件/.exec((await summary.textContent()) ?? '')!;
    expect(Number(received)).toBeGreaterThan(1);
    expect(Number(closed)).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('photo').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('document-link').count()).toBe(1);
  }, 180_000);

  it('street admin: /report on demand (the month to date), with the spreadsheet to download', async () => {
    await send('/report');
    await botSays('要看哪个时期的报告');
    await pressContaining('本月至今');
    await botSays('正在生成');
    await expect.poll(() => page.getByTestId('photo').count(), { timeout: 15_000 }).toBe(2);
    const spreadsheet = page.getByTestId('document-link').filter({ hasText: '.xlsx' }).last();
    const download = await page.request.get(new URL((await spreadsheet.getAttribute('href'))!, demo.url).href);
    expect((await download.body()).subarray(0, 2).toString()).toBe('PK');
    await screenshot('6-street-admin-report');
  });

  // ---------------------------------------------------------------- the overdue chain

  let waitingNo = '';
  let referredNo = '';

  it('resident: two more opinions; the officer refers one within 5 working days and leaves the other', async () => {
    await as('resident');
    waitingNo = await submitOpinion('玉屏社区活动中心门口的台阶塌了一块，老人上下很容易摔倒。', 'last used');
    referredNo = await submitOpinion('玉屏路公交站的雨棚漏水，下雨天等车的人全身都湿透了。', 'last used');
    expect(new Set([trackingNo, waitingNo, referredNo]).size).toBe(3);

    await as('officer');
    const says = await fromNow();
    await botSays(`新意见 ${waitingNo}`);
    await buttonsOf(await pinned(await botSays(`新意见 ${referredNo}`))).filter({ hasText: exactly('查看并处理') }).click();
    await says(new RegExp(`${referredNo} · 待受理`));
    await press('转办');
    await says('转办给哪个承办单位');
    await press('区城市管理局');
    await says('办理期限');
    await press('5 个工作日');
    await says('给承办单位的附言');
    await press('不附言，直接转办');
    await says(`已将 ${referredNo} 转办`);
  }, 60_000);

  it('time: two working days on, the case nobody took up is late; the street admin gets 督办 and presses 催办, and the officer is chased', async () => {
    await advanceWorkingDay();
    await advanceWorkingDay();
    await as('street-admin');
    // After the day's 督办 notices for the history's overdue cases, one a second.
    const notice = await pinned(await botSays(new RegExp(`超期督办：玉屏社区代表活动站的意见 ${waitingNo} 受理`), 120_000));
    expect(await buttonsOf(notice).allTextContents()).toEqual(['催办', '改派', '查看并处理']);
    const says = await fromNow();
    await buttonsOf(notice).filter({ hasText: exactly('催办') }).click();
    await says(`已催办 ${waitingNo}：已提醒负责人尽快处理，并记入办理记录。`);
    await screenshot('7-street-admin-chased');

    await as('officer');
    await botSays(new RegExp(`超期提醒：意见 ${waitingNo} 的受理`), 120_000);
    await botSays(`催办：请尽快处理玉屏社区代表活动站的意见 ${waitingNo}`, 120_000);
    await screenshot('8-officer-chased');
    await as('resident');
    await botSays(`很抱歉，您的意见 ${waitingNo} 超过了办理期限`, 60_000);
  }, 300_000);

  it('time: four working days more, the referral is late too; 改派 gives it to another agency and the resident is told', async () => {
    for (let day = 0; day < 4; day++) await advanceWorkingDay();
    await as('agency');
    await botSays(new RegExp(`超期提醒：意见 ${referredNo} 的办理`), 120_000);
    await as('street-admin');
    const notice = await pinned(await botSays(new RegExp(`超期督办：玉屏社区代表活动站的意见 ${referredNo} 办理`), 120_000));
    const says = await fromNow();
    await buttonsOf(notice).filter({ hasText: exactly('改派') }).click();
    const choices = await pinned(await says(`把 ${referredNo} 改派给：`));
    expect(await buttonsOf(choices).allTextContents()).not.toContain('区城市管理局');
    await buttonsOf(choices).filter({ hasText: exactly('区交通运输委') }).click();
    await says(`已改派 ${referredNo}，新的负责人已收到通知。`);
    await screenshot('9-street-admin-reassigned');

    await as('resident');
    await botSays(`您的意见 ${referredNo} 已转交区交通运输委办理`, 60_000);
    await screenshot('10-resident-reassigned');
  }, 300_000);

  it('reports no failed update and no unknown Bot API method', () => {
    expect(problems).toEqual([]);
  });
});
