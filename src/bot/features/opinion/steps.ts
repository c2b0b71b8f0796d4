// The opinion dialogue's steps (station, category, text, photos and voice notes,
// location, phone, consent to show the contact, summary): what each one asks, and what
// an answer does to the draft. Stateless: the draft row is the whole state, so every
// step is a pure decision over (draft, update) plus the messages to send once it is saved.
import { InlineKeyboard, Keyboard } from 'grammy';
import { z } from 'zod';
import { isDomainError } from '../../../domain/errors.js';
import { draftSubmissionKey } from '../../../domain/opinions/drafts.js';
import { checkOpinionText, listOpinionCategories, submitOpinion, type AttachmentInput, type SubmitOpinionResult } from '../../../domain/opinions/submit-opinion.js';
import { getStationItem, type StationItem } from '../../../domain/stations/station-queries.js';
import { storableText } from '../../../domain/text/storable.js';
import { locales } from '../../../i18n/index.js';
import { defineCallbackData } from '../../callback-data.js';
import type { AppContext } from '../../context.js';
import { currentLocale, formatDateTime, localized } from '../stations/format.js';
import { areasView, locationKeyboard, nearbyView, regionView, stationNavigation } from '../stations/views.js';

export const steps = ['offer', 'station-confirm', 'station', 'category', 'text', 'attachments', 'location', 'phone', 'share', 'summary', 'edit'] as const;
export type Step = (typeof steps)[number];

const fields = ['station', 'category', 'text', 'photos', 'location', 'phone'] as const;
const fieldSteps: Record<(typeof fields)[number], Step> = { station: 'station', category: 'category', text: 'text', photos: 'attachments', location: 'location', phone: 'phone' };

/** The dialogue's own buttons: `value` is an id, a field or a yes/no. */
export const dialogueChoice = defineCallbackData('op', {
  action: z.enum(['keep', 'other', 'category', 'done', 'share', 'confirm', 'edit', 'field', 'summary', 'abandon', 'resume', 'restart', 'offer']),
  value: z.string(),
});
type Choice = ReturnType<typeof dialogueChoice.unpack>;

interface Named {
  id: number;
  nameZh: string;
  nameEn: string;
}

/** What the draft row's `data` holds. */
export interface DraftData {
  /** The station offered for confirmation (the card's, or the one used last). */
  candidate: Named | null;
  station: Named | null;
  category: Named | null;
  text: string | null;
  attachments: AttachmentInput[];
  location: { latitude: number; longitude: number } | null;
  contact: { phone: string; name: string } | null;
  shareContact: boolean;
  /** Changing one answer from the summary: that step leads back to the summary. */
  editing: boolean;
}

export interface DraftState {
  id: number;
  version: number;
  step: Step;
  data: DraftData;
}

export function emptyDraft(candidate: Named | null, text: string | null = null): DraftData {
  return { candidate, station: null, category: null, text, attachments: [], location: null, contact: null, shareContact: false, editing: false };
}

export function firstStep(data: DraftData): Step {
  return data.candidate ? 'station-confirm' : 'station';
}

/** A station that was closed in the meantime is simply not offered. */
export function activeStationOrNull(ctx: AppContext, stationId: number | null | undefined): Promise<StationItem | null> {
  if (!stationId) return Promise.resolve(null);
  return getStationItem(ctx.deps, stationId).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'not-found') return null;
    throw error;
  });
}

const named = ({ id, nameZh, nameEn }: Named): Named => ({ id, nameZh, nameEn });

/** The step after `step`, given what is known now. */
function after(ctx: AppContext, step: Step, data: DraftData): Step {
  if (step === 'phone' && data.contact) return 'share';
  if (data.editing) return 'summary';
  switch (step) {
    case 'offer':
      return firstStep(data);
    case 'station-confirm':
    case 'station':
      return 'category';
    case 'category':
      // Text offered from outside the dialogue is already there.
      return data.text === null ? 'text' : after(ctx, 'text', data);
    case 'text':
      return ctx.deps.config.OPINION_MAX_PHOTOS > 0 ? 'attachments' : 'location';
    case 'attachments':
      return 'location';
    case 'location':
      return 'phone';
    default:
      return 'summary';
  }
}

// ───────────────────────────── Questions ─────────────────────────────

function button(label: string, action: Choice['action'], value = ''): [string, string] {
  return [label, dialogueChoice.pack({ action, value })];
}

function doneKeyboard(ctx: AppContext, key: string): InlineKeyboard {
  return new InlineKeyboard().text(...button(ctx.t(key), 'done'));
}

/** Asks the question of the draft's current step. */
export async function ask(ctx: AppContext, draft: DraftState): Promise<void> {
  const { data } = draft;
  const { config } = ctx.deps;
  const locale = await currentLocale(ctx);
  switch (draft.step) {
    case 'offer':
      await ctx.reply(ctx.t('opinion-offer'), {
        reply_markup: new InlineKeyboard().text(...button(ctx.t('opinion-offer-yes'), 'offer', 'yes')).row().text(...button(ctx.t('opinion-offer-no'), 'offer', 'no')),
      });
      return;
    case 'station-confirm':
      await ctx.reply(ctx.t('opinion-station-confirm', { station: localized(data.candidate!, locale) }), {
        reply_markup: new InlineKeyboard()
          .text(...button(ctx.t('opinion-station-keep'), 'keep', String(data.candidate!.id)))
          .row()
          .text(...button(ctx.t('opinion-station-other'), 'other')),
      });
      return;
    case 'station': {
      const areas = await areasView(ctx);
      await ctx.reply(areas.text, { reply_markup: areas.keyboard });
      await ctx.reply(ctx.t('opinion-station-or-location'), { reply_markup: locationKeyboard(ctx) });
      return;
    }
    case 'category': {
      const keyboard = new InlineKeyboard();
      (await listOpinionCategories(ctx.deps)).forEach((category, index) => {
        keyboard.text(...button(localized(category, locale), 'category', String(category.id)));
        if (index % 2 === 1) keyboard.row();
      });
      await ctx.reply(ctx.t('opinion-category-ask'), { reply_markup: keyboard });
      return;
    }
    case 'text':
      await ctx.reply(ctx.t('opinion-text-ask', { min: config.OPINION_TEXT_MIN, max: config.OPINION_TEXT_MAX }), { reply_markup: { remove_keyboard: true } });
      return;
    case 'attachments':
      await ctx.reply(ctx.t('opinion-photos-ask', { max: config.OPINION_MAX_PHOTOS }), { reply_markup: doneKeyboard(ctx, 'opinion-photos-skip') });
      return;
    case 'location':
      await ctx.reply(ctx.t('opinion-location-ask'), { reply_markup: locationKeyboard(ctx, ctx.t('opinion-skip')) });
      return;
    case 'phone':
      await ctx.reply(ctx.t('opinion-phone-ask'), {
        reply_markup: new Keyboard().requestContact(ctx.t('opinion-phone-send')).row().text(ctx.t('opinion-skip')).resized().oneTime(),
      });
      return;
    case 'share':
      await ctx.reply(ctx.t('opinion-share-ask'), {
        reply_markup: new InlineKeyboard().text(...button(ctx.t('opinion-share-yes'), 'share', 'yes')).row().text(...button(ctx.t('opinion-share-no'), 'share', 'no')),
      });
      return;
    case 'summary':
      await ctx.reply(summary(ctx, data, locale), {
        reply_markup: new InlineKeyboard()
          .text(...button(ctx.t('opinion-confirm'), 'confirm', String(draft.id)))
          .row()
          .text(...button(ctx.t('opinion-edit'), 'edit'))
          .text(...button(ctx.t('opinion-abandon'), 'abandon')),
      });
      return;
    case 'edit': {
      const keyboard = new InlineKeyboard();
      fields.forEach((field, index) => {
        keyboard.text(...button(ctx.t(`opinion-field-${field}`), 'field', field));
        if (index % 2 === 1) keyboard.row();
      });
      keyboard.row().text(...button(ctx.t('opinion-back-to-summary'), 'summary'));
      await ctx.reply(ctx.t('opinion-edit-ask'), { reply_markup: keyboard });
      return;
    }
  }
}

function summary(ctx: AppContext, draft: DraftData, locale: Awaited<ReturnType<typeof currentLocale>>): string {
  const none = ctx.t('opinion-summary-none');
  const voices = draft.attachments.filter((a) => a.kind === 'VOICE').length;
  return [
    ctx.t('opinion-summary-title'),
    ctx.t('opinion-summary-station', { station: draft.station ? localized(draft.station, locale) : none }),
    ctx.t('opinion-summary-category', { category: draft.category ? localized(draft.category, locale) : none }),
    ctx.t('opinion-summary-text', { text: draft.text ?? none }),
    ctx.t('opinion-summary-photos', { count: draft.attachments.length - voices }),
    ...(voices > 0 ? [ctx.t('opinion-summary-voices', { count: voices })] : []),
    ctx.t('opinion-summary-location', { location: draft.location ? ctx.t('opinion-summary-given') : none }),
    ctx.t('opinion-summary-phone', { phone: draft.contact?.phone ?? none }),
    ...(draft.contact ? [ctx.t(draft.shareContact ? 'opinion-share-chosen-yes' : 'opinion-share-chosen-no')] : []),
  ].join('\n');
}

const hints: Record<Step, string> = {
  offer: 'opinion-offer-hint',
  'station-confirm': 'opinion-station-confirm-hint',
  station: 'opinion-station-hint',
  category: 'opinion-category-hint',
  text: 'opinion-text-hint',
  attachments: 'opinion-photos-hint',
  location: 'opinion-location-hint',
  phone: 'opinion-phone-hint',
  share: 'opinion-share-hint',
  summary: 'opinion-summary-hint',
  edit: 'opinion-edit-hint',
};

const unsupportedMessages = ['sticker', 'voice', 'video_note', 'video', 'audio', 'animation', 'dice', 'poll', 'game'] as const;

/** Says what the current step expects, to an update that is not an answer to it. */
export async function explain(ctx: AppContext, step: Step): Promise<void> {
  if (ctx.callbackQuery) {
    await answerButton(ctx, { text: ctx.t('opinion-button-not-now'), show_alert: true });
    return;
  }
  const unsupported = unsupportedMessages.some((kind) => ctx.message?.[kind] !== undefined);
  await ctx.reply(unsupported ? ctx.t('opinion-unsupported', { hint: ctx.t(hints[step]) }) : ctx.t(hints[step]));
}

/**
 * Answers the pressed button. Best effort: a refusal ("query is too old" after a slow
 * update or a restart) only leaves the button's spinner turning a little longer.
 */
export async function answerButton(ctx: AppContext, options?: { text: string; show_alert: boolean }): Promise<void> {
  if (!ctx.callbackQuery) return;
  try {
    await ctx.answerCallbackQuery(options);
  } catch (error) {
    ctx.deps.logger.warn('answerCallbackQuery failed', { error });
  }
}

// ───────────────────────────── Answers ─────────────────────────────

/** What an update does to the draft. */
export interface Decision {
  /** Save the draft at this step with this data (checked against the version read) before anything is sent. */
  save?: { step: Step; data: DraftData };
  /** The draft is done before anything is sent: filed (the submission removed it), or abandoned (removed here). */
  close?: 'submitted' | 'abandoned';
  /** The messages, sent once the draft is safe; given the draft as saved. */
  send: (draft: DraftState) => Promise<void>;
}

export function choiceOf(ctx: AppContext): Choice | undefined {
  const data = ctx.callbackQuery?.data;
  return data && dialogueChoice.filter.test(data) ? dialogueChoice.unpack(data) : undefined;
}

/** The skip button's label in any language: the keyboard may predate a language switch. */
function isSkip(ctx: AppContext): boolean {
  return locales.some((locale) => ctx.message?.text === ctx.deps.translate(locale, 'opinion-skip'));
}

/** Saves `data` at the next step, then acknowledges and asks the next question. */
function advance(ctx: AppContext, from: Step, data: DraftData, acknowledge: () => Promise<unknown> = async () => {}): Decision {
  return {
    save: { step: after(ctx, from, data), data },
    send: async (draft) => {
      await acknowledge();
      await ask(ctx, draft);
    },
  };
}

const stay = (send: () => Promise<unknown>): Decision => ({ send: async () => void (await send()) });

/** The draft's answer to this update, or undefined when the update is not an answer to the current step. */
export async function decide(ctx: AppContext, draft: DraftState): Promise<Decision | undefined> {
  const data: DraftData = { ...draft.data, attachments: [...draft.data.attachments] };
  const choice = choiceOf(ctx);
  const message = ctx.message;
  const pick = async (action: Choice['action']) => {
    if (choice?.action !== action) return undefined;
    await answerButton(ctx);
    return choice;
  };
  const removeButtons = () => ctx.editMessageReplyMarkup().catch((error: unknown) => ctx.deps.logger.warn('could not remove buttons', { error }));

  switch (draft.step) {
    case 'offer': {
      if (message?.text !== undefined) return offerText(ctx, message.text);
      const offer = await pick('offer');
      if (!offer) return undefined;
      if (offer.value === 'no') return { close: 'abandoned', send: async () => void (await ctx.editMessageText(ctx.t('opinion-offer-declined'))) };
      const candidate = await activeStationOrNull(ctx, ctx.person?.lastStationId);
      return advance(ctx, 'offer', { ...data, candidate: candidate && named(candidate) }, removeButtons);
    }
    case 'station-confirm': {
      if (await pick('keep')) return chooseStation(ctx, 'station-confirm', data, data.candidate!);
      if (await pick('other')) return { save: { step: 'station', data }, send: (next) => ask(ctx, next) };
      return undefined;
    }
    case 'station': {
      const location = message?.location;
      if (location) return stay(async () => {
        const nearby = await nearbyView(ctx, location);
        await ctx.reply(nearby.text, { reply_markup: nearby.keyboard });
      });
      const navigation = ctx.callbackQuery?.data;
      if (!navigation || !stationNavigation.filter.test(navigation)) return undefined;
      const { op, id } = stationNavigation.unpack(navigation);
      await answerButton(ctx);
      if (op === 's') {
        const station = await activeStationOrNull(ctx, id);
        return station ? chooseStation(ctx, 'station', data, station) : stay(async () => {});
      }
      const view = op === 't' ? await areasView(ctx) : await regionView(ctx, id);
      return stay(() => ctx.editMessageText(view.text, { reply_markup: view.keyboard }));
    }
    case 'category': {
      const picked = await pick('category');
      if (!picked) return undefined;
      const category = (await listOpinionCategories(ctx.deps)).find((c) => String(c.id) === picked.value);
      if (!category) return stay(() => ask(ctx, draft));
      data.category = named(category);
      const locale = await currentLocale(ctx);
      return advance(ctx, 'category', data, () => ctx.editMessageText(ctx.t('opinion-category-chosen', { category: localized(category, locale) })));
    }
    case 'text': {
      if (message?.voice) return addAttachment(ctx, draft, data);
      if (message?.text === undefined) return undefined;
      try {
        data.text = checkOpinionText(ctx.deps.config, storableText(message.text));
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return stay(() => ctx.reply(ctx.t(error.key, error.vars)));
      }
      return advance(ctx, 'text', data);
    }
    case 'attachments': {
      if (await pick('done')) return advance(ctx, 'attachments', data);
      return addAttachment(ctx, draft, data);
    }
    case 'location': {
      const shared = message?.location;
      if (!shared && !isSkip(ctx)) return undefined;
      data.location = shared ? { latitude: shared.latitude, longitude: shared.longitude } : null;
      return advance(ctx, 'location', data, () => ctx.reply(ctx.t(shared ? 'opinion-location-saved' : 'opinion-location-skipped'), { reply_markup: { remove_keyboard: true } }));
    }
    case 'phone': {
      const shared = message?.contact;
      // Only the sender's own card: a forwarded contact is someone else's number.
      if (shared && shared.user_id !== ctx.from?.id) return stay(() => ctx.reply(ctx.t('opinion-phone-not-own')));
      if (!shared && !isSkip(ctx)) return undefined;
      data.contact = shared ? { phone: storableText(shared.phone_number), name: storableText([shared.first_name, shared.last_name].filter(Boolean).join(' ')) } : null;
      data.shareContact = false;
      return advance(ctx, 'phone', data, () => ctx.reply(ctx.t(shared ? 'opinion-phone-saved' : 'opinion-phone-skipped'), { reply_markup: { remove_keyboard: true } }));
    }
    case 'share': {
      const picked = await pick('share');
      if (!picked) return undefined;
      data.shareContact = picked.value === 'yes';
      return advance(ctx, 'share', data, () => ctx.editMessageText(ctx.t(data.shareContact ? 'opinion-share-chosen-yes' : 'opinion-share-chosen-no')));
    }
    case 'summary': {
      if (await pick('edit')) return { save: { step: 'edit', data }, send: async (next) => (await removeButtons(), await ask(ctx, next)) };
      if (await pick('abandon')) return { close: 'abandoned', send: async () => (await removeButtons(), void (await ctx.reply(ctx.t('opinion-cancelled')))) };
      // An older summary's button (of a draft filed or replaced since) does not confirm this one.
      if (choice?.action !== 'confirm' || choice.value !== String(draft.id)) return undefined;
      await answerButton(ctx);
      return confirm(ctx, draft, removeButtons);
    }
    case 'edit': {
      if (await pick('summary')) return { save: { step: 'summary', data }, send: async (next) => (await removeButtons(), await ask(ctx, next)) };
      const picked = await pick('field');
      const field = z.enum(fields).safeParse(picked?.value);
      if (!field.success) return undefined;
      const step = fieldSteps[field.data];
      // Photos are chosen afresh; the other answers are replaced when the new one comes.
      const edited = { ...data, editing: true, ...(step === 'attachments' ? { attachments: [] } : {}) };
      return { save: { step, data: edited }, send: async (next) => (await removeButtons(), await ask(ctx, next)) };
    }
  }
}

function chooseStation(ctx: AppContext, from: Step, data: DraftData, station: Named): Decision {
  return advance(ctx, from, { ...data, station: named(station) }, async () => {
    const locale = await currentLocale(ctx);
    await ctx.reply(ctx.t('opinion-station-chosen', { station: localized(station, locale) }), { reply_markup: { remove_keyboard: true } });
  });
}

/** A photo, an image file or a voice note, up to OPINION_MAX_PHOTOS attachments in all. */
function addAttachment(ctx: AppContext, draft: DraftState, data: DraftData): Decision | undefined {
  const message = ctx.message;
  const photo = message?.photo?.at(-1);
  const document = message?.document?.mime_type?.startsWith('image/') ? message.document : undefined;
  const voice = message?.voice;
  const file = photo ?? document ?? voice;
  if (!file) return undefined;
  const max = ctx.deps.config.OPINION_MAX_PHOTOS;
  if (data.attachments.length >= max) return stay(() => ctx.reply(ctx.t('opinion-photos-full', { max })));
  data.attachments.push({ kind: photo ? 'PHOTO' : document ? 'DOCUMENT' : 'VOICE', telegramFileId: file.file_id, fileUniqueId: file.file_unique_id });
  const count = data.attachments.length;
  if (draft.step === 'attachments' && count >= max) return advance(ctx, 'attachments', data, () => ctx.reply(ctx.t('opinion-photos-full', { max })));
  return {
    save: { step: draft.step, data },
    send: async () => {
      // A voice note instead of the text: kept, and the text is still asked for.
      if (draft.step === 'text') await ctx.reply(ctx.t('opinion-voice-kept'));
      else await ctx.reply(ctx.t(voice ? 'opinion-voice-received' : 'opinion-photo-received', { count, max }), { reply_markup: doneKeyboard(ctx, 'opinion-photos-done') });
    },
  };
}

/** Text typed outside a dialogue, offered as a new opinion; undefined when it could not be one. */
export function offerText(ctx: AppContext, typed: string): Decision | undefined {
  let text: string;
  try {
    text = checkOpinionText(ctx.deps.config, storableText(typed));
  } catch (error) {
    if (isDomainError(error)) return undefined;
    throw error;
  }
  return { save: { step: 'offer', data: emptyDraft(null, text) }, send: (draft) => ask(ctx, draft) };
}

/** Files the draft, at most once whatever happens (its id is the submission key). */
async function confirm(ctx: AppContext, draft: DraftState, removeButtons: () => Promise<unknown>): Promise<Decision> {
  const { data } = draft;
  const person = ctx.person!;
  let result: SubmitOpinionResult;
  try {
    result = await submitOpinion(ctx.deps, {
      residentId: person.id,
      stationId: data.station!.id,
      categoryId: data.category!.id,
      text: data.text ?? '',
      attachments: data.attachments,
      location: data.location,
      contactPhone: data.contact?.phone ?? null,
      contactName: data.contact?.name ?? null,
      shareContact: data.shareContact,
      locale: await currentLocale(ctx),
      submissionKey: draftSubmissionKey(draft.id),
      draftId: draft.id,
    });
  } catch (error) {
    if (!isDomainError(error)) {
      ctx.deps.logger.error('opinion submission failed', { error });
      return stay(async () => (await ctx.reply(ctx.t('opinion-submit-failed')), await ask(ctx, draft)));
    }
    // The draft stays: what was refused is explained, and the answer it needs is asked again.
    const step: Step | undefined = error.key === 'opinion-category-not-found' ? 'category' : error.key === 'stations-not-found' ? 'station' : undefined;
    if (step) return { save: { step, data: { ...data, editing: true } }, send: async (next) => (await ctx.reply(ctx.t(error.key, error.vars)), await ask(ctx, next)) };
    return stay(() => ctx.reply(ctx.t(error.key, error.vars)));
  }
  return { close: 'submitted', send: async () => (await removeButtons(), await sendReceipt(ctx, result)) };
}

/** The tracking number and the expected date of the next step (the acknowledgement deadline). */
export async function sendReceipt(ctx: AppContext, result: SubmitOpinionResult): Promise<void> {
  const locale = await currentLocale(ctx);
  const acknowledgeBy = result.acknowledgeBy ? formatDateTime(result.acknowledgeBy, locale, ctx.deps.config.TIME_ZONE) : '—';
  await ctx.reply(ctx.t('opinion-submitted', { trackingNo: result.opinion.trackingNo, acknowledgeBy }), { reply_markup: { remove_keyboard: true } });
}
