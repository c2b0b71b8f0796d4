// Representatives at stations (进家进站) in chat: /reception shows their reception
// days, checks them in and out, counts the residents received and records the
// opinions residents bring, which the representative answers on the spot or leaves
// to the station's officer. Visits are recorded the same way without a reception; a
// district admin holds the 主任接待日 as a reception of its own kind.
import { Composer, InlineKeyboard } from 'grammy';
import { createConversation } from '@grammyjs/conversations';
import { activeCategories } from '../../../domain/staff/index.js';
import {
  checkIn,
  checkOut as checkOutReception,
  countResidentsReceived,
  currentReception,
  leaderReceptionStations,
  listReceptionDays,
  recordOpinion,
  representativeStations,
  type ReceptionView,
} from '../../../domain/receptions/receptions.js';
import type { AppContext, BotContext } from '../../context.js';
import { currentLocale } from '../stations/format.js';
import { formatTime, loadCaseView } from '../triage/case-view.js';
import { askCaseText, DIALOGUE_TIMEOUT_MS, waitForText, type StaffConversation } from '../triage/dialogue.js';
import { attempt, nameIn } from '../triage/respond.js';
import { answerRecorded, checkInDay, checkInLeader, checkOut, countResidents, handToOfficer, recordAt, recordCategory } from './callback-data.js';

export const receptionsFeature = new Composer<BotContext>();

const RECORD_OPINION = 'reception-opinion';

interface RecordArgs {
  receptionId: number;
  stationId: number;
  categoryId: number;
}

/** The text of a recorded opinion; invalid text is asked for again. */
async function recordOpinionDialogue(conversation: StaffConversation, ctx: AppContext, args: RecordArgs): Promise<void> {
  await ctx.reply(ctx.t('receptions-prompt-opinion'));
  for (;;) {
    const text = await waitForText(conversation, ctx);
    if (text === undefined) return;
    const done = await conversation.external((outer) => saveRecorded(outer, args, text));
    if (done) return;
  }
}

async function saveRecorded(ctx: AppContext, args: RecordArgs, text: string): Promise<boolean> {
  const where = args.receptionId ? { receptionId: args.receptionId } : { visitStationId: args.stationId };
  const result = await attempt(ctx, () =>
    recordOpinion(ctx.deps, { personId: ctx.person!.id, where, categoryId: args.categoryId, text, locale: ctx.person!.locale }),
  );
  if (!result.ok) return result.code !== 'validation';
  const { opinion } = result.value;
  const keyboard = new InlineKeyboard()
    .text(ctx.t('receptions-answer-now'), answerRecorded.pack({ id: opinion.id }))
    .row()
    .text(ctx.t('receptions-hand-to-officer'), handToOfficer.pack({ id: opinion.id }));
  await ctx.reply(ctx.t('receptions-recorded', { trackingNo: opinion.trackingNo }), { reply_markup: keyboard });
  return true;
}

receptionsFeature.use(createConversation(recordOpinionDialogue, { id: RECORD_OPINION, maxMillisecondsToWait: DIALOGUE_TIMEOUT_MS }));
const privateChats = receptionsFeature.chatType('private');

const isRepresentative = (ctx: AppContext) => !!ctx.person?.roles.some((role) => role.kind === 'REPRESENTATIVE');
const isDistrictAdmin = (ctx: AppContext) => !!ctx.person?.roles.some((role) => role.kind === 'DISTRICT_ADMIN');

async function panel(ctx: AppContext, reception: ReceptionView): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const locale = await currentLocale(ctx);
  const text = ctx.t(reception.kind === 'LEADER' ? 'receptions-panel-leader' : 'receptions-panel', {
    station: locale === 'en' ? reception.stationEn : reception.stationZh,
    since: formatTime(ctx, reception.checkedInAt),
    residents: reception.residentsReceived,
    opinions: reception.opinions,
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t('receptions-resident-plus'), countResidents.pack({ rid: reception.id, d: '1' }))
    .text(ctx.t('receptions-resident-minus'), countResidents.pack({ rid: reception.id, d: '-1' }))
    .row()
    .text(ctx.t('receptions-record-opinion'), recordAt.pack({ rid: reception.id, st: 0 }))
    .row()
    .text(ctx.t('receptions-check-out'), checkOut.pack({ rid: reception.id }));
  return { text, keyboard };
}

async function showHome(ctx: AppContext): Promise<void> {
  const personId = ctx.person!.id;
  const open = await currentReception(ctx.deps, { personId });
  if (open) {
    const view = await panel(ctx, open);
    return void (await ctx.reply(view.text, { reply_markup: view.keyboard }));
  }
  const locale = await currentLocale(ctx);
  const days = await listReceptionDays(ctx.deps, { personId });
  const keyboard = new InlineKeyboard();
  const lines = days.map((day) => {
    const station = locale === 'en' ? day.stationEn : day.stationZh;
    if (day.receptionId === null) keyboard.text(ctx.t('receptions-check-in', { station, at: formatTime(ctx, day.startsAt) }), checkInDay.pack({ day: day.id })).row();
    return ctx.t('receptions-day', { station, from: formatTime(ctx, day.startsAt), to: formatTime(ctx, day.endsAt), held: day.receptionId === null ? 'no' : 'yes' });
  });
  if (isRepresentative(ctx)) keyboard.text(ctx.t('receptions-record-visit'), recordAt.pack({ rid: 0, st: 0 })).row();
  if (isDistrictAdmin(ctx)) keyboard.text(ctx.t('receptions-leader-day'), checkInLeader.pack({ st: 0 })).row();
  await ctx.reply([ctx.t(days.length ? 'receptions-days-title' : 'receptions-days-none'), ...lines].join('\n'), { reply_markup: keyboard });
}

privateChats.command('reception', async (ctx) => {
  if (!isRepresentative(ctx) && !isDistrictAdmin(ctx)) return void (await ctx.reply(ctx.t('receptions-not-representative')));
  await showHome(ctx);
});

async function checkedIn(ctx: AppContext, call: () => Promise<unknown>): Promise<void> {
  const result = await attempt(ctx, call);
  if (!result.ok) return;
  await ctx.reply(ctx.t('receptions-checked-in'));
  await showHome(ctx);
}

privateChats.callbackQuery(checkInDay.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { day } = checkInDay.unpack(ctx.callbackQuery.data);
  if (ctx.person) await checkedIn(ctx, () => checkIn(ctx.deps, { personId: ctx.person!.id, receptionDayId: day }));
});

privateChats.callbackQuery(checkInLeader.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { st } = checkInLeader.unpack(ctx.callbackQuery.data);
  if (!ctx.person) return;
  if (st) return checkedIn(ctx, () => checkIn(ctx.deps, { personId: ctx.person!.id, stationId: st, kind: 'LEADER' }));
  const keyboard = new InlineKeyboard();
  for (const home of await leaderReceptionStations(ctx.deps, { personId: ctx.person.id })) keyboard.text(await nameIn(ctx, home), checkInLeader.pack({ st: home.id })).row();
  await ctx.reply(ctx.t('receptions-choose-station'), { reply_markup: keyboard });
});

privateChats.callbackQuery(countResidents.filter, async (ctx) => {
  const { rid, d } = countResidents.unpack(ctx.callbackQuery.data);
  const result = ctx.person ? await attempt(ctx, () => countResidentsReceived(ctx.deps, { personId: ctx.person!.id, receptionId: rid, delta: Number(d) })) : null;
  await ctx.answerCallbackQuery(result?.ok ? { text: ctx.t('receptions-residents-now', { count: result.value }) } : {});
  const open = result?.ok ? await currentReception(ctx.deps, { personId: ctx.person!.id }) : null;
  if (open) {
    const view = await panel(ctx, open);
    await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
  }
});

privateChats.callbackQuery(checkOut.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { rid } = checkOut.unpack(ctx.callbackQuery.data);
  if (!ctx.person) return;
  const result = await attempt(ctx, () => checkOutReception(ctx.deps, { personId: ctx.person!.id, receptionId: rid }));
  if (result.ok) await ctx.reply(ctx.t('receptions-checked-out', { residents: result.value.residentsReceived }));
});

privateChats.callbackQuery(recordAt.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { rid, st } = recordAt.unpack(ctx.callbackQuery.data);
  if (!ctx.person) return;
  const keyboard = new InlineKeyboard();
  if (!rid && !st) {
    for (const station of await representativeStations(ctx.deps, { personId: ctx.person.id })) keyboard.text(await nameIn(ctx, station), recordAt.pack({ rid: 0, st: station.id })).row();
    return void (await ctx.reply(ctx.t('receptions-choose-station'), { reply_markup: keyboard }));
  }
  for (const [index, category] of (await activeCategories(ctx.deps)).entries()) {
    keyboard.text(await nameIn(ctx, category), recordCategory.pack({ rid, st, cat: category.id }));
    if (index % 2 === 1) keyboard.row();
  }
  await ctx.reply(ctx.t('triage-choose-category'), { reply_markup: keyboard });
});

privateChats.callbackQuery(recordCategory.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { rid, st, cat } = recordCategory.unpack(ctx.callbackQuery.data);
  await ctx.conversation.enter(RECORD_OPINION, { receptionId: rid, stationId: st, categoryId: cat } satisfies RecordArgs);
});

privateChats.callbackQuery(answerRecorded.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { id } = answerRecorded.unpack(ctx.callbackQuery.data);
  // The version the representative acts on is the one the case view would show now.
  const view = await loadCaseView(ctx, id);
  if (view) await askCaseText(ctx, { opinionId: id, version: view.version, action: 'answer' });
});

privateChats.callbackQuery(handToOfficer.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  // Recorded opinions wait in the station's inbox, and its officers were told at once.
  await ctx.reply(ctx.t('receptions-handed-to-officer'));
});
