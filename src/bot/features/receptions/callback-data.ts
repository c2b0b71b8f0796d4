// Callback data of the receptions feature.
import { z } from 'zod';
import { defineCallbackData } from '../../callback-data.js';

const id = z.coerce.number().int().positive();
const optionalId = z.coerce.number().int().min(0);

/** Check in on a scheduled reception day. */
export const checkInDay = defineCallbackData('rci', { day: id });
/** 主任接待日: choose a station (0: list them), then check in there. */
export const checkInLeader = defineCallbackData('rcl', { st: optionalId });
/** Residents received: +1, or −1 to correct a slip. */
export const countResidents = defineCallbackData('rcn', { rid: id, d: z.enum(['1', '-1']) });
export const checkOut = defineCallbackData('rco', { rid: id });
/** Record an opinion at reception `rid`, or on a visit to station `st` (rid 0); st 0 with rid 0 lists the stations. */
export const recordAt = defineCallbackData('rra', { rid: optionalId, st: optionalId });
export const recordCategory = defineCallbackData('rrc', { rid: optionalId, st: optionalId, cat: id });
/** After recording: answer on the spot, or leave it to the station's officer. */
export const answerRecorded = defineCallbackData('rrn', { id });
export const handToOfficer = defineCallbackData('rrh', { id });
