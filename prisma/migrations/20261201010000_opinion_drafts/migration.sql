-- AlterEnum
ALTER TYPE "AttachmentKind" ADD VALUE 'VOICE';

-- AlterTable
ALTER TABLE "Opinion" ADD COLUMN "submissionKey" TEXT;

-- CreateTable
CREATE TABLE "OpinionDraft" (
    "id" SERIAL NOT NULL,
    "residentId" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpinionDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Opinion_submissionKey_key" ON "Opinion"("submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "OpinionDraft_residentId_key" ON "OpinionDraft"("residentId");

-- AddForeignKey
ALTER TABLE "OpinionDraft" ADD CONSTRAINT "OpinionDraft_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
