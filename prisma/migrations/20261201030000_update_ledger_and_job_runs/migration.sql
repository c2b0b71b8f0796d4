-- CreateTable
CREATE TABLE "TelegramUpdate" (
    "updateId" BIGINT NOT NULL,
    "chatId" BIGINT,
    "state" TEXT NOT NULL DEFAULT 'received',
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TelegramUpdate_pkey" PRIMARY KEY ("updateId")
);

-- CreateTable
CREATE TABLE "JobOccurrence" (
    "jobName" TEXT NOT NULL,
    "occursAt" TIMESTAMP(3) NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobOccurrence_pkey" PRIMARY KEY ("jobName","occursAt")
);

-- CreateIndex
CREATE INDEX "TelegramUpdate_chatId_updateId_idx" ON "TelegramUpdate"("chatId", "updateId");

-- CreateIndex
CREATE INDEX "TelegramUpdate_receivedAt_idx" ON "TelegramUpdate"("receivedAt");
