-- The station network in figures: when a station opened and closed (NULL openedAt:
-- opened before the product kept records), so a report can count stations by tier at
-- its cut-off and those opened and closed in its period.
ALTER TABLE "Station" ADD COLUMN "openedAt" TIMESTAMP(3),
ADD COLUMN "closedAt" TIMESTAMP(3);

-- Representatives' activity reads the opinions they recorded (few: the rest came by chat).
CREATE INDEX "Opinion_recordedById_idx" ON "Opinion"("recordedById");
