// The station finder's screens. Each returns text and keyboard, so the /stations
// command and the opinion dialogue's station step show the same thing.
import { InlineKeyboard, Keyboard } from 'grammy';
import { z } from 'zod';
import type { Coordinates } from '../../../domain/stations/geo.js';
import { browseRegion, getStationCard, listStationAreas, nearestStations } from '../../../domain/stations/station-queries.js';
import { defineCallbackData } from '../../callback-data.js';
import type { AppContext } from '../../context.js';
import { currentLocale, formatDateTime, formatDistance, formatTime, localized, localizedPair, tierIcon, tierName } from './format.js';

/** t = top (streets and towns), r = a region, s = a station. */
export const stationNavigation = defineCallbackData('stn', { op: z.enum(['t', 'r', 's']), id: z.coerce.number().int().nonnegative() });
/** "向此站点提意见": starts the opinion dialogue with this station chosen. */
export const opinionForStation = defineCallbackData('newop', { stationId: z.coerce.number().int().positive() });

export interface View {
  text: string;
  keyboard: InlineKeyboard;
}

export async function areasView(ctx: AppContext): Promise<View> {
  const locale = await currentLocale(ctx);
  const areas = await listStationAreas(ctx.deps);
  const keyboard = new InlineKeyboard();
  for (const area of areas) keyboard.text(localized(area, locale), stationNavigation.pack({ op: 'r', id: area.id })).row();
  return { text: ctx.t(areas.length ? 'stations-choose-area' : 'stations-none'), keyboard };
}

export async function regionView(ctx: AppContext, regionId: number): Promise<View> {
  const locale = await currentLocale(ctx);
  const { region, children, stations } = await browseRegion(ctx.deps, regionId);
  const keyboard = new InlineKeyboard();
  for (const station of stations) keyboard.text(`${tierIcon[station.tier]} ${localized(station, locale)}`, stationNavigation.pack({ op: 's', id: station.id })).row();
  for (const child of children) keyboard.text(`🏘 ${localized(child, locale)}`, stationNavigation.pack({ op: 'r', id: child.id })).row();
  const backToStreet = region.kind === 'COMMUNITY' || region.kind === 'VILLAGE';
  keyboard.text(ctx.t('stations-back'), stationNavigation.pack(backToStreet && region.parentId ? { op: 'r', id: region.parentId } : { op: 't', id: 0 }));
  return { text: ctx.t('stations-in-region', { region: localized(region, locale) }), keyboard };
}

export async function nearbyView(ctx: AppContext, from: Coordinates): Promise<View> {
  const locale = await currentLocale(ctx);
  const stations = await nearestStations(ctx.deps, from);
  const keyboard = new InlineKeyboard();
  const lines = stations.map((station, index) => {
    const label = `${tierIcon[station.tier]} ${localized(station, locale)} · ${formatDistance(ctx, station.distanceMetres)}`;
    keyboard.text(label, stationNavigation.pack({ op: 's', id: station.id })).row();
    return `${index + 1}. ${label}`;
  });
  return { text: [ctx.t(stations.length ? 'stations-nearby' : 'stations-none'), ...lines].join('\n'), keyboard };
}

export async function stationCardView(ctx: AppContext, stationId: number): Promise<View> {
  const locale = await currentLocale(ctx);
  const timeZone = ctx.deps.config.TIME_ZONE;
  const card = await getStationCard(ctx.deps, stationId);
  const receptions = card.receptions.map((day) => {
    const note = day.noteZh || day.noteEn ? ` · ${localizedPair(day.noteZh ?? day.noteEn ?? '', day.noteEn ?? day.noteZh ?? '', locale)}` : '';
    const reception = ctx.t('stations-card-reception', {
      when: `${formatDateTime(day.startsAt, locale, timeZone)}–${formatTime(day.endsAt, locale, timeZone)}`,
      representative: day.representative,
      level: day.level ?? 'other',
    });
    return `${reception}${note}`;
  });
  const text = [
    `${tierIcon[card.tier]} ${localized(card, locale)}`,
    ctx.t('stations-card-tier', { tier: tierName(ctx, card.tier), region: localizedPair(card.regionZh, card.regionEn, locale) }),
    ctx.t('stations-card-address', { address: localizedPair(card.addressZh, card.addressEn, locale) }),
    ctx.t('stations-card-hours', { hours: localizedPair(card.openingHoursZh, card.openingHoursEn, locale) }),
    ...(card.phone ? [ctx.t('stations-card-phone', { phone: card.phone })] : []),
    ctx.t('stations-card-officers', { officers: card.officers.length ? card.officers.join(ctx.t('stations-list-separator')) : ctx.t('stations-card-no-officers') }),
    '',
    ctx.t('stations-card-receptions'),
    ...(receptions.length ? receptions : [ctx.t('stations-card-no-receptions')]),
  ].join('\n');
  const keyboard = new InlineKeyboard().text(ctx.t('stations-opinion-here'), opinionForStation.pack({ stationId: card.id }));
  return { text, keyboard };
}

/** Moves within the region menus by editing the menu's own message. */
export async function showNavigation(ctx: AppContext, data: { op: 't' | 'r'; id: number }): Promise<void> {
  const view = data.op === 't' ? await areasView(ctx) : await regionView(ctx, data.id);
  await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
}

export function locationKeyboard(ctx: AppContext, extra?: string): Keyboard {
  const keyboard = new Keyboard().requestLocation(ctx.t('stations-share-location'));
  if (extra) keyboard.row().text(extra);
  return keyboard.resized().oneTime();
}
