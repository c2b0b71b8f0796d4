-- Network import (issue 11): every staff role gets a stable code, the key of its row in the
-- district's spreadsheet. Existing roles and roles granted later in chat get one from a
-- sequence; imported roles carry the office's own code.
CREATE SEQUENCE "StaffRole_code_seq";
ALTER TABLE "StaffRole" ADD COLUMN "code" TEXT NOT NULL DEFAULT ('ROLE-' || nextval('"StaffRole_code_seq"'));
CREATE UNIQUE INDEX "StaffRole_code_key" ON "StaffRole"("code");

-- An imported staff member exists before they join: the invitation binds their Telegram
-- account to that person (and so to their roles and reception days).
ALTER TABLE "StaffInvitation" ADD COLUMN "personId" INTEGER;
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "StaffInvitation_personId_idx" ON "StaffInvitation"("personId");

-- A category's own stage limits, edited in the spreadsheet: [{stage, amount, unit}].
ALTER TABLE "Category" ADD COLUMN "stageLimits" JSONB NOT NULL DEFAULT '[]';
