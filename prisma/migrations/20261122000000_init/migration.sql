-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegionKind" AS ENUM ('DISTRICT', 'STREET', 'TOWN', 'COMMUNITY', 'VILLAGE');

-- CreateEnum
CREATE TYPE "StationTier" AS ENUM ('HOME', 'STATION', 'POINT');

-- CreateEnum
CREATE TYPE "StaffRoleKind" AS ENUM ('LIAISON_OFFICER', 'REPRESENTATIVE', 'AGENCY_HANDLER', 'STREET_ADMIN', 'DISTRICT_ADMIN');

-- CreateEnum
CREATE TYPE "OpinionStage" AS ENUM ('COLLECTED', 'ANALYZING', 'HANDLING', 'FEEDBACK', 'CLOSED');

-- CreateEnum
CREATE TYPE "Disposition" AS ENUM ('ON_THE_SPOT', 'REFERRED', 'PROPOSAL', 'SUPERVISION', 'DECLINED', 'MERGED');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "CloseReason" AS ENUM ('EVALUATED', 'NOT_EVALUATED', 'DECLINED', 'MERGED');

-- CreateEnum
CREATE TYPE "OpinionEventType" AS ENUM ('COLLECTED', 'ACKNOWLEDGED', 'CLASSIFIED', 'ANSWERED', 'REFERRED', 'ESCALATED', 'DECLINED', 'MERGED', 'HANDED_BACK', 'PROGRESS', 'CLARIFICATION_REQUESTED', 'CLARIFIED', 'RESULT_SUBMITTED', 'RESULT_DELIVERED', 'EVALUATED', 'REOPENED', 'CLOSED', 'REMINDED', 'OVERDUE_ESCALATED');

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('ACKNOWLEDGE', 'ANALYZE', 'HANDLE', 'EVALUATE');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('PHOTO', 'DOCUMENT');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'BLOCKED');

-- CreateTable
CREATE TABLE "Region" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "RegionKind" NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "parentId" INTEGER,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Station" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "tier" "StationTier" NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "regionId" INTEGER NOT NULL,
    "homeId" INTEGER,
    "addressZh" TEXT NOT NULL,
    "addressEn" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "openingHoursZh" TEXT NOT NULL,
    "openingHoursEn" TEXT NOT NULL,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Station_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionDay" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "representativeId" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "noteZh" TEXT,
    "noteEn" TEXT,

    CONSTRAINT "ReceptionDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "telegramId" BIGINT,
    "chatId" BIGINT,
    "displayName" TEXT,
    "phone" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "consentedAt" TIMESTAMP(3),
    "blockedAt" TIMESTAMP(3),
    "erasedAt" TIMESTAMP(3),
    "lastStationId" INTEGER,
    "representativeLevel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffRole" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "kind" "StaffRoleKind" NOT NULL,
    "stationId" INTEGER,
    "agencyId" INTEGER,
    "regionId" INTEGER,
    "grantedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "StaffRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffInvitation" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "StaffRoleKind" NOT NULL,
    "stationId" INTEGER,
    "agencyId" INTEGER,
    "regionId" INTEGER,
    "createdById" INTEGER,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" INTEGER,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "regionId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplyTemplate" (
    "id" SERIAL NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "bodyZh" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "categoryId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReplyTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" TEXT NOT NULL,
    "isWorkingDay" BOOLEAN NOT NULL,
    "note" TEXT,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Opinion" (
    "id" SERIAL NOT NULL,
    "trackingNo" TEXT NOT NULL,
    "residentId" INTEGER,
    "stationId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "contactPhone" TEXT,
    "contactName" TEXT,
    "shareContact" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "stage" "OpinionStage" NOT NULL DEFAULT 'COLLECTED',
    "disposition" "Disposition",
    "priority" "Priority" NOT NULL DEFAULT 'NORMAL',
    "round" INTEGER NOT NULL DEFAULT 1,
    "assignedOfficerId" INTEGER,
    "agencyId" INTEGER,
    "mergedIntoId" INTEGER,
    "resultText" TEXT,
    "closeReason" "CloseReason",
    "acknowledgedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackingCounter" (
    "month" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "TrackingCounter_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "OpinionEvent" (
    "id" SERIAL NOT NULL,
    "opinionId" INTEGER NOT NULL,
    "type" "OpinionEventType" NOT NULL,
    "actorId" INTEGER,
    "actorRole" TEXT,
    "fromStage" "OpinionStage",
    "toStage" "OpinionStage" NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "note" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpinionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpinionDeadline" (
    "id" SERIAL NOT NULL,
    "opinionId" INTEGER NOT NULL,
    "kind" "DeadlineKind" NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "setAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "metAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),

    CONSTRAINT "OpinionDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" SERIAL NOT NULL,
    "opinionId" INTEGER NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "telegramFileId" TEXT NOT NULL,
    "fileUniqueId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" SERIAL NOT NULL,
    "opinionId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "rating" "Rating" NOT NULL,
    "comment" TEXT,
    "personId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "personId" INTEGER,
    "chatId" BIGINT NOT NULL,
    "opinionId" INTEGER,
    "method" TEXT NOT NULL DEFAULT 'sendMessage',
    "payload" JSONB NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyValue" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeyValue_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE INDEX "Region_parentId_idx" ON "Region"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Station_code_key" ON "Station"("code");

-- CreateIndex
CREATE INDEX "Station_regionId_idx" ON "Station"("regionId");

-- CreateIndex
CREATE INDEX "Station_active_latitude_longitude_idx" ON "Station"("active", "latitude", "longitude");

-- CreateIndex
CREATE INDEX "ReceptionDay_stationId_startsAt_idx" ON "ReceptionDay"("stationId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Person_telegramId_key" ON "Person"("telegramId");

-- CreateIndex
CREATE INDEX "StaffRole_personId_idx" ON "StaffRole"("personId");

-- CreateIndex
CREATE INDEX "StaffRole_stationId_idx" ON "StaffRole"("stationId");

-- CreateIndex
CREATE INDEX "StaffRole_agencyId_idx" ON "StaffRole"("agencyId");

-- CreateIndex
CREATE INDEX "StaffRole_regionId_idx" ON "StaffRole"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvitation_code_key" ON "StaffInvitation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_code_key" ON "Agency"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Category_code_key" ON "Category"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Opinion_trackingNo_key" ON "Opinion"("trackingNo");

-- CreateIndex
CREATE INDEX "Opinion_stationId_stage_idx" ON "Opinion"("stationId", "stage");

-- CreateIndex
CREATE INDEX "Opinion_agencyId_stage_idx" ON "Opinion"("agencyId", "stage");

-- CreateIndex
CREATE INDEX "Opinion_residentId_createdAt_idx" ON "Opinion"("residentId", "createdAt");

-- CreateIndex
CREATE INDEX "Opinion_stage_idx" ON "Opinion"("stage");

-- CreateIndex
CREATE INDEX "Opinion_createdAt_idx" ON "Opinion"("createdAt");

-- CreateIndex
CREATE INDEX "Opinion_mergedIntoId_idx" ON "Opinion"("mergedIntoId");

-- CreateIndex
CREATE INDEX "OpinionEvent_opinionId_at_idx" ON "OpinionEvent"("opinionId", "at");

-- CreateIndex
CREATE INDEX "OpinionEvent_type_at_idx" ON "OpinionEvent"("type", "at");

-- CreateIndex
CREATE INDEX "OpinionEvent_at_idx" ON "OpinionEvent"("at");

-- CreateIndex
CREATE INDEX "OpinionDeadline_opinionId_idx" ON "OpinionDeadline"("opinionId");

-- CreateIndex
CREATE INDEX "OpinionDeadline_dueAt_idx" ON "OpinionDeadline"("dueAt");

-- CreateIndex
CREATE INDEX "OpinionDeadline_kind_dueAt_idx" ON "OpinionDeadline"("kind", "dueAt");

-- CreateIndex
CREATE INDEX "Attachment_opinionId_idx" ON "Attachment"("opinionId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_opinionId_round_key" ON "Evaluation"("opinionId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_chatId_idx" ON "Notification"("chatId");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Station" ADD CONSTRAINT "Station_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Station" ADD CONSTRAINT "Station_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Station"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionDay" ADD CONSTRAINT "ReceptionDay_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionDay" ADD CONSTRAINT "ReceptionDay_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_lastStationId_fkey" FOREIGN KEY ("lastStationId") REFERENCES "Station"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_usedById_fkey" FOREIGN KEY ("usedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyTemplate" ADD CONSTRAINT "ReplyTemplate_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyTemplate" ADD CONSTRAINT "ReplyTemplate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_assignedOfficerId_fkey" FOREIGN KEY ("assignedOfficerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Opinion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionEvent" ADD CONSTRAINT "OpinionEvent_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "Opinion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionEvent" ADD CONSTRAINT "OpinionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionDeadline" ADD CONSTRAINT "OpinionDeadline_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "Opinion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "Opinion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "Opinion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "Opinion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

