-- The demo outbox keeps each message's own headers (List-Unsubscribe, List-Unsubscribe-Post, Message-ID …), so a
-- visitor can read them on the message's page as a mail client would show them.
ALTER TABLE "OutboxMessage" ADD COLUMN "headers" JSONB;
