-- Delivery: a claim is a short lease on the database's clock, renewed while the worker
-- sends, so a row whose worker died is taken again within seconds (src/delivery/outbox.ts).
ALTER TABLE "Notification" ADD COLUMN "leaseExpiresAt" TIMESTAMP(3);

-- Nothing reads the method: the renderer chooses it from the message (a file or not).
ALTER TABLE "Notification" DROP COLUMN "method";
