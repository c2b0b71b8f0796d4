-- Simultaneous check-ins (a double tap, two instances) each found no open reception and
-- both wrote one. The database decides now: one open reception per host, and one
-- reception per scheduled reception day. Neither index is in schema.prisma (Prisma cannot
-- declare a partial index; a unique receptionDayId would make the relation one-to-one).

-- Earlier duplicates, so the indexes can be built: a host's older open receptions are
-- closed when the newest began; a day's later receptions keep their record but no longer
-- claim the day.
UPDATE "Reception" r SET "checkedOutAt" = (
  SELECT max(n."checkedInAt") FROM "Reception" n WHERE n."hostId" = r."hostId" AND n."checkedOutAt" IS NULL AND n.id > r.id
) WHERE r."checkedOutAt" IS NULL
  AND EXISTS (SELECT 1 FROM "Reception" n WHERE n."hostId" = r."hostId" AND n."checkedOutAt" IS NULL AND n.id > r.id);
UPDATE "Reception" r SET "receptionDayId" = NULL
WHERE r."receptionDayId" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "Reception" e WHERE e."receptionDayId" = r."receptionDayId" AND e.id < r.id);

CREATE UNIQUE INDEX "Reception_open_hostId_key" ON "Reception"("hostId") WHERE "checkedOutAt" IS NULL;
CREATE UNIQUE INDEX "Reception_receptionDayId_key" ON "Reception"("receptionDayId");
