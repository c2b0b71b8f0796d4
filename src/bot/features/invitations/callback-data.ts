import { z } from 'zod';
import { StaffRoleKind } from '../../../generated/prisma/client.js';
import { defineCallbackData } from '../../callback-data.js';

/** A role picked: show its scopes, page by page. */
export const inviteRole = defineCallbackData('ivr', { kind: z.enum(StaffRoleKind), page: z.coerce.number().int().min(0) });
/** A scope picked: create the invitation. */
export const inviteScope = defineCallbackData('ivs', { kind: z.enum(StaffRoleKind), scope: z.coerce.number().int().positive() });
/** The admin revokes the invitation just created. */
export const inviteRevoke = defineCallbackData('ivx', { invitation: z.coerce.number().int().positive() });
