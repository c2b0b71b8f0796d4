// Every update Telegram sends, recorded by update_id in PostgreSQL (or PGlite), so that:
// - an update is handled once, though Telegram redelivers it (a webhook answered late, a
//   polling process killed before confirming its offset) and whichever instance gets it;
// - one chat's updates are handled in order, one at a time, across all instances: an
//   update is claimed only when no earlier update of its chat is still pending.
// PostgreSQL rather than Redis: it is there in every set-up (Redis is optional), it keeps
// the record when Redis loses its data, and the ordering is one indexed query.
//
// A row is received → handling → done. Only `claim` starts a handler, and only one claim
// wins, so an update not yet done may be queued again as often as Telegram redelivers it
// (an instance killed between recording and queueing, or Redis losing the queue). Leases
// bound how long a row holds back its chat: a process that died mid-update stops blocking
// after its lease, and its update is then claimed again (at-least-once when a process is
// killed; exactly once otherwise, errors included: a failed update is apologised for once).
import { Context } from 'grammy';
import type { Update } from 'grammy/types';
import type { Database } from '../../db/database.js';

/** How long a received update, not yet claimed, holds back its chat's later updates. */
const receivedLease = "interval '10 minutes'";
/**
 * How long an update being handled holds back its chat and a redelivery, unless its handler
 * renews it (every `handlingRenewMs` while it runs): a process killed mid-update releases
 * its chat within seconds, not minutes, while a slow handler keeps its claim.
 */
const handlingLease = "interval '15 seconds'";
export const handlingRenewMs = 5_000;
/** Telegram keeps an update for at most 24 hours; the record is kept a little longer. */
export const updateRetentionDays = 3;

export type UpdateClaim = 'claimed' | 'wait' | 'skip';

export interface UpdateLedger {
  /** Records updates in their order; returns those not yet done (to be queued, or queued again). */
  receive(updates: readonly Update[]): Promise<Update[]>;
  /**
   * 'claimed': handle it now (received, or its handler's lease lapsed); 'wait': an earlier
   * update of its chat is pending, or a live handler has it; 'skip': done.
   */
  claim(updateId: number): Promise<UpdateClaim>;
  /**
   * Updates the queue may have lost: received more than `olderThanSeconds` ago and not
   * claimed, or claimed by a handler whose lease lapsed. Queue them again (by update id).
   */
  stranded(olderThanSeconds: number, limit: number): Promise<Update[]>;
  /** Extends the lease of an update still being handled. */
  renew(updateId: number): Promise<void>;
  finish(updateId: number): Promise<void>;
  /** Deletes records older than the retention; returns how many. */
  deleteOld(): Promise<number>;
}

/** The chat an update belongs to, as grammY (and sequentialize) sees it. */
export function chatIdOf(update: Update): number | undefined {
  return new Context(update, undefined as never, undefined as never).chatId;
}

export function createUpdateLedger(db: Database): UpdateLedger {
  const { sql } = db;
  return {
    async receive(updates) {
      const fresh: Update[] = [];
      for (const update of updates) {
        // A redelivery leaves the row as it is (the no-op update only makes RETURNING see it).
        const { rows } = await sql.query(
          `INSERT INTO "TelegramUpdate" ("updateId", "chatId", "state", "leaseUntil", "update") VALUES ($1, $2, 'received', now() + ${receivedLease}, $3)
           ON CONFLICT ("updateId") DO UPDATE SET "state" = "TelegramUpdate"."state" WHERE "TelegramUpdate"."state" <> 'done'
           RETURNING 1`,
          [update.update_id, chatIdOf(update) ?? null, JSON.stringify(update)],
        );
        if (rows.length > 0) fresh.push(update);
      }
      return fresh;
    },
    async claim(updateId) {
      const { rows } = await sql.query(
        `UPDATE "TelegramUpdate" AS u SET "state" = 'handling', "leaseUntil" = now() + ${handlingLease}
         WHERE u."updateId" = $1 AND (u."state" = 'received' OR (u."state" = 'handling' AND u."leaseUntil" < now()))
           AND NOT EXISTS (
             SELECT 1 FROM "TelegramUpdate" AS e
             WHERE e."chatId" = u."chatId" AND e."updateId" < u."updateId" AND e."state" <> 'done' AND e."leaseUntil" > now())
         RETURNING 1`,
        [updateId],
      );
      if (rows.length > 0) return 'claimed';
      const state = await sql.query<{ state: string }>(`SELECT "state" FROM "TelegramUpdate" WHERE "updateId" = $1`, [updateId]);
      return state.rows[0] && state.rows[0].state !== 'done' ? 'wait' : 'skip';
    },
    async stranded(olderThanSeconds, limit) {
      const { rows } = await sql.query<{ update: Update }>(
        `SELECT "update" FROM "TelegramUpdate"
         WHERE "update" IS NOT NULL AND (
           ("state" = 'received' AND "receivedAt" < now() - make_interval(secs => $1))
           OR ("state" = 'handling' AND "leaseUntil" < now()))
         ORDER BY "updateId" LIMIT $2`,
        [olderThanSeconds, limit],
      );
      return rows.map((row) => row.update);
    },
    async renew(updateId) {
      await sql.query(`UPDATE "TelegramUpdate" SET "leaseUntil" = now() + ${handlingLease} WHERE "updateId" = $1 AND "state" = 'handling'`, [updateId]);
    },
    async finish(updateId) {
      // What the resident wrote is not kept once handled.
      await sql.query(`UPDATE "TelegramUpdate" SET "state" = 'done', "update" = NULL WHERE "updateId" = $1`, [updateId]);
    },
    async deleteOld() {
      const { rows } = await sql.query(
        `DELETE FROM "TelegramUpdate" WHERE "receivedAt" < now() - interval '${updateRetentionDays} days' RETURNING 1`,
      );
      return rows.length;
    },
  };
}
