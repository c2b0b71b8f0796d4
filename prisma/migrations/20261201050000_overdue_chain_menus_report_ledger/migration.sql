-- AlterEnum
ALTER TYPE "OpinionEventType" ADD VALUE 'CHASED';
ALTER TYPE "OpinionEventType" ADD VALUE 'REASSIGNED';

-- CreateTable
CREATE TABLE "OpinionDeadlineStep" (
    "id" SERIAL NOT NULL,
    "deadlineId" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpinionDeadlineStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommandMenuPublication" (
    "scope" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommandMenuPublication_pkey" PRIMARY KEY ("scope")
);

-- CreateTable
CREATE TABLE "ReportDelivery" (
    "month" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportDelivery_pkey" PRIMARY KEY ("month","personId","scope")
);

-- CreateIndex
CREATE UNIQUE INDEX "OpinionDeadlineStep_deadlineId_step_key" ON "OpinionDeadlineStep"("deadlineId", "step");

-- AddForeignKey
ALTER TABLE "OpinionDeadlineStep" ADD CONSTRAINT "OpinionDeadlineStep_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "OpinionDeadline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
