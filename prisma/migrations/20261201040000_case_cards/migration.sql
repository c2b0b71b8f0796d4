-- AlterTable
ALTER TABLE "OpinionEvent" ADD COLUMN     "version" INTEGER;

-- CreateTable
CREATE TABLE "CaseCard" (
    "opinionId" INTEGER NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseCard_pkey" PRIMARY KEY ("opinionId","chatId")
);
