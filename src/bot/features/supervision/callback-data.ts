import { z } from 'zod';
import { defineCallbackData } from '../../callback-data.js';

const id = z.coerce.number().int().positive();

/** 催办: remind whoever must act. */
export const chaseCase = defineCallbackData('svc', { id });
/** 改派: list whom the case can go to. */
export const reassignCase = defineCallbackData('svr', { id });
export const reassignToOfficer = defineCallbackData('svo', { id, p: id });
export const reassignToAgency = defineCallbackData('sva', { id, a: id });
