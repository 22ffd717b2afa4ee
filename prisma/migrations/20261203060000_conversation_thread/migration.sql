-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "threadId" INTEGER;
