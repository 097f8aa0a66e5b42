CREATE TABLE "calendar_tokens" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "official_names" jsonb;--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD CONSTRAINT "calendar_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The seeded states' display names: the common short name where the ISO list gave a long official
-- form, that form kept in official_names. Only a name still as the seed wrote it is changed: a name
-- the secretariat has edited since stays theirs.
UPDATE "members" SET "name_en" = 'North Macedonia', "official_names" = '{"en":"Republic of North Macedonia","fr":"République de Macédoine du Nord","ar":"جمهورية مقدونيا الشمالية"}'::jsonb WHERE "code" = 'MKD' AND "name_en" = 'The Republic of North Macedonia';--> statement-breakpoint
UPDATE "members" SET "name_en" = 'United States', "name_fr" = 'États-Unis', "official_names" = '{"en":"United States of America","fr":"États-Unis d''Amérique","ar":"الولايات المتحدة الأمريكية"}'::jsonb WHERE "code" = 'USA' AND "name_en" = 'United States of America';--> statement-breakpoint
UPDATE "members" SET "name_en" = 'Czechia', "name_fr" = 'Tchéquie', "name_ar" = 'التشيك', "official_names" = '{"en":"Czech Republic","fr":"République tchèque","ar":"الجمهورية التشيكية"}'::jsonb WHERE "code" = 'CZE' AND "name_en" = 'Czech Republic';--> statement-breakpoint
UPDATE "members" SET "name_en" = 'Moldova', "official_names" = '{"en":"Republic of Moldova","fr":"République de Moldova","ar":"جمهورية مولدوفا"}'::jsonb WHERE "code" = 'MDA' AND "name_en" = 'Republic of Moldova';--> statement-breakpoint
UPDATE "members" SET "official_names" = '{"en":"Republic of Korea","fr":"République de Corée","ar":"جمهورية كوريا"}'::jsonb WHERE "code" = 'KOR' AND "official_names" IS NULL;--> statement-breakpoint
UPDATE "members" SET "name_fr" = 'Émirats arabes unis' WHERE "code" = 'ARE' AND "name_fr" = 'Émirats Arabes Unis';--> statement-breakpoint
UPDATE "members" SET "name_fr" = 'Arabie saoudite' WHERE "code" = 'SAU' AND "name_fr" = 'Arabie Saoudite';
