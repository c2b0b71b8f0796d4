-- CreateEnum
CREATE TYPE "OpinionChannel" AS ENUM ('CHAT', 'RECEPTION', 'LEADER_RECEPTION', 'VISIT');

-- CreateEnum
CREATE TYPE "ReceptionKind" AS ENUM ('STATION', 'LEADER');

-- CreateEnum
CREATE TYPE "ProposalStage" AS ENUM ('AWAITING_CONFIRMATION', 'SUBMITTED', 'ASSIGNED', 'ANSWERED', 'IMPLEMENTING', 'CLOSED');

-- CreateEnum
CREATE TYPE "ProposalSession" AS ENUM ('SESSION', 'INTERIM');

-- CreateEnum
CREATE TYPE "ProposalAnswerClass" AS ENUM ('A', 'B', 'C');

-- CreateEnum
CREATE TYPE "ProposalAgencyRole" AS ENUM ('LEAD', 'CO');

-- CreateEnum
CREATE TYPE "ProposalEvaluationKind" AS ENUM ('FIRST', 'SECOND');

-- CreateEnum
CREATE TYPE "ProposalEventType" AS ENUM ('DRAFTED', 'SUBMITTED', 'CONFIRMED', 'ASSIGNED', 'ANSWERED', 'EVALUATED', 'REOPENED', 'KEY_MARKED', 'PROGRESS', 'IMPLEMENTED', 'CLOSED', 'WITHDRAWN', 'REMINDED');

-- AlterTable
ALTER TABLE "Opinion" ADD COLUMN     "channel" "OpinionChannel" NOT NULL DEFAULT 'CHAT',
ADD COLUMN     "proposalId" INTEGER,
ADD COLUMN     "receptionId" INTEGER,
ADD COLUMN     "recordedById" INTEGER;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "proposalId" INTEGER;

-- CreateTable
CREATE TABLE "Reception" (
    "id" SERIAL NOT NULL,
    "kind" "ReceptionKind" NOT NULL DEFAULT 'STATION',
    "stationId" INTEGER NOT NULL,
    "receptionDayId" INTEGER,
    "hostId" INTEGER NOT NULL,
    "checkedInAt" TIMESTAMP(3) NOT NULL,
    "checkedOutAt" TIMESTAMP(3),
    "residentsReceived" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reception_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "representativeId" INTEGER NOT NULL,
    "escalatedById" INTEGER,
    "session" "ProposalSession" NOT NULL DEFAULT 'INTERIM',
    "stage" "ProposalStage" NOT NULL DEFAULT 'SUBMITTED',
    "round" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "assignedAt" TIMESTAMP(3),
    "answerDueAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "answerClass" "ProposalAnswerClass",
    "answerText" TEXT,
    "isKey" BOOLEAN NOT NULL DEFAULT false,
    "supervisorId" INTEGER,
    "implementedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalAgency" (
    "proposalId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "role" "ProposalAgencyRole" NOT NULL,

    CONSTRAINT "ProposalAgency_pkey" PRIMARY KEY ("proposalId","agencyId")
);

-- CreateTable
CREATE TABLE "ProposalEvent" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "type" "ProposalEventType" NOT NULL,
    "actorId" INTEGER,
    "actorRole" TEXT,
    "fromStage" "ProposalStage",
    "toStage" "ProposalStage" NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "note" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalEvaluation" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "kind" "ProposalEvaluationKind" NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "rating" "Rating" NOT NULL,
    "comment" TEXT,
    "personId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reception_stationId_checkedInAt_idx" ON "Reception"("stationId", "checkedInAt");

-- CreateIndex
CREATE INDEX "Reception_hostId_checkedInAt_idx" ON "Reception"("hostId", "checkedInAt");

-- CreateIndex
CREATE INDEX "Reception_checkedInAt_idx" ON "Reception"("checkedInAt");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_number_key" ON "Proposal"("number");

-- CreateIndex
CREATE INDEX "Proposal_stage_idx" ON "Proposal"("stage");

-- CreateIndex
CREATE INDEX "Proposal_representativeId_idx" ON "Proposal"("representativeId");

-- CreateIndex
CREATE INDEX "Proposal_assignedAt_idx" ON "Proposal"("assignedAt");

-- CreateIndex
CREATE INDEX "Proposal_createdAt_idx" ON "Proposal"("createdAt");

-- CreateIndex
CREATE INDEX "ProposalAgency_agencyId_idx" ON "ProposalAgency"("agencyId");

-- CreateIndex
CREATE INDEX "ProposalEvent_proposalId_at_idx" ON "ProposalEvent"("proposalId", "at");

-- CreateIndex
CREATE INDEX "ProposalEvent_type_at_idx" ON "ProposalEvent"("type", "at");

-- CreateIndex
CREATE INDEX "ProposalEvaluation_kind_at_idx" ON "ProposalEvaluation"("kind", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalEvaluation_proposalId_kind_round_key" ON "ProposalEvaluation"("proposalId", "kind", "round");

-- CreateIndex
CREATE INDEX "Opinion_receptionId_idx" ON "Opinion"("receptionId");

-- CreateIndex
CREATE INDEX "Opinion_proposalId_idx" ON "Opinion"("proposalId");

-- CreateIndex
CREATE INDEX "Opinion_channel_createdAt_idx" ON "Opinion"("channel", "createdAt");

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_receptionId_fkey" FOREIGN KEY ("receptionId") REFERENCES "Reception"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reception" ADD CONSTRAINT "Reception_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reception" ADD CONSTRAINT "Reception_receptionDayId_fkey" FOREIGN KEY ("receptionDayId") REFERENCES "ReceptionDay"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reception" ADD CONSTRAINT "Reception_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_escalatedById_fkey" FOREIGN KEY ("escalatedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAgency" ADD CONSTRAINT "ProposalAgency_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAgency" ADD CONSTRAINT "ProposalAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalEvent" ADD CONSTRAINT "ProposalEvent_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalEvent" ADD CONSTRAINT "ProposalEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalEvaluation" ADD CONSTRAINT "ProposalEvaluation_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalEvaluation" ADD CONSTRAINT "ProposalEvaluation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

