-- A person's private-chat dialogue state (grammY conversations) moves from the KeyValue
-- table to their row, which every update reads anyway: one statement less per update.
ALTER TABLE "Person" ADD COLUMN "conversation" JSONB;

-- Dialogues under way at the upgrade carry over.
UPDATE "Person" p SET "conversation" = kv."value"
FROM "KeyValue" kv
WHERE kv."key" = 'conversation:' || p."telegramId"::text AND p."erasedAt" IS NULL;

DELETE FROM "KeyValue" kv
USING "Person" p
WHERE kv."key" = 'conversation:' || p."telegramId"::text AND p."erasedAt" IS NULL;
