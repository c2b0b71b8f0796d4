-- A proposal belongs to a station, and through its region to a district: only that
-- district's admins review, assign and supervise it (an admin of another district saw
-- and could assign every proposal).
ALTER TABLE "Proposal" ADD COLUMN "stationId" INTEGER;

-- Existing proposals: the station of the first opinion they came from; else that of their
-- representative's first representative role (active ones first); else the first station
-- (a proposal always has a representative, who was invited to a station).
UPDATE "Proposal" p SET "stationId" = (
  SELECT o."stationId" FROM "Opinion" o WHERE o."proposalId" = p.id ORDER BY o.id LIMIT 1
);
UPDATE "Proposal" p SET "stationId" = (
  SELECT r."stationId" FROM "StaffRole" r
  WHERE r."personId" = p."representativeId" AND r.kind = 'REPRESENTATIVE' AND r."stationId" IS NOT NULL
  ORDER BY r."revokedAt" IS NOT NULL, r.id LIMIT 1
) WHERE p."stationId" IS NULL;
UPDATE "Proposal" SET "stationId" = (SELECT min(id) FROM "Station") WHERE "stationId" IS NULL;

ALTER TABLE "Proposal" ALTER COLUMN "stationId" SET NOT NULL;
CREATE INDEX "Proposal_stationId_idx" ON "Proposal"("stationId");
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
