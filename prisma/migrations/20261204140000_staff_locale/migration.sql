-- The staff app's language: each person's own choice, and the tenant's default for those who made none.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
ALTER TABLE "Organization" ADD COLUMN "staffLocale" TEXT NOT NULL DEFAULT 'en';
