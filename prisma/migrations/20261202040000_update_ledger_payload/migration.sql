-- The update kept until it is done, so that an update the queue lost is queued again.
ALTER TABLE "TelegramUpdate" ADD COLUMN "update" JSONB;

CREATE INDEX "TelegramUpdate_state_receivedAt_idx" ON "TelegramUpdate"("state", "receivedAt");
