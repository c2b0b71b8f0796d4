import { z } from 'zod';
import { defineCallbackData } from '../../callback-data.js';

const id = z.coerce.number().int().positive();
const page = z.coerce.number().int().min(0);

export const staffPage = defineCallbackData('stp', { page });
export const staffRevoke = defineCallbackData('str', { role: id, page });
export const staffRevokeConfirm = defineCallbackData('stc', { role: id, page });
export const staffInvitations = defineCallbackData('sti', {});
export const staffInvitationRevoke = defineCallbackData('sir', { invitation: id });
