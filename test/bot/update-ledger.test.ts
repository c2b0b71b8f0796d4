// The update ledger's claim lives while its handler does: renewed during handling, it
// lapses soon after a crash, so a killed process does not hold its chat for minutes.
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpdateLedger, type UpdateLedger } from '../../src/bot/updates/ledger.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';

const message = (updateId: number, chatId: number): Update =>
  ({ update_id: updateId, message: { message_id: updateId, date: 0, chat: { id: chatId, type: 'private', first_name: 'x' }, text: 'hi' } }) as Update;

let db: TestDatabase;
let ledger: UpdateLedger;
beforeAll(async () => {
  db = await openTestDatabase('postgres');
  ledger = createUpdateLedger(db);
});
afterAll(() => db.destroy());

const leaseSeconds = async (updateId: number) =>
  Number((await db.sql.query<{ s: string }>(`SELECT extract(epoch FROM "leaseUntil" - now()) AS s FROM "TelegramUpdate" WHERE "updateId" = $1`, [updateId])).rows[0]!.s);

describe('update ledger leases', () => {
  it('holds a chat for seconds, renews while handling, and lets the chat go once a dead handler’s lease lapsed', async () => {
    await ledger.receive([message(1, 500), message(2, 500)]);
    expect(await ledger.claim(1)).toBe('claimed');
    expect(await leaseSeconds(1)).toBeLessThanOrEqual(15);
    expect(await ledger.claim(2)).toBe('wait');

    await db.sql.query(`UPDATE "TelegramUpdate" SET "leaseUntil" = now() + interval '1 second' WHERE "updateId" = 1`);
    await ledger.renew(1);
    expect(await leaseSeconds(1)).toBeGreaterThan(10);

    // The process handling update 1 died: once its lease lapsed, update 2 goes ahead…
    await db.sql.query(`UPDATE "TelegramUpdate" SET "leaseUntil" = now() - interval '1 second' WHERE "updateId" = 1`);
    expect(await ledger.claim(2)).toBe('claimed');
    // …and update 1 itself, queued again (a stalled job, a redelivery), is handled after all.
    expect(await ledger.claim(1)).toBe('claimed');
  });

  it('takes a redelivery of an update recorded but never queued (its instance was killed in between), once', async () => {
    await ledger.receive([message(10, 501)]);
    expect((await ledger.receive([message(10, 501)])).map((u) => u.update_id)).toEqual([10]);
    expect(await ledger.claim(10)).toBe('claimed');
    // A second copy of its job while the first runs waits for it, then finds it done.
    expect((await ledger.receive([message(10, 501)])).map((u) => u.update_id)).toEqual([10]);
    expect(await ledger.claim(10)).toBe('wait');
    await ledger.finish(10);
    expect(await ledger.claim(10)).toBe('skip');
    expect(await ledger.receive([message(10, 501)])).toEqual([]);
  });
});
