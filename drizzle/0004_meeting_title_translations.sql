ALTER TABLE "meetings" ADD COLUMN "title_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_title_translations_check" CHECK (jsonb_typeof("meetings"."title_translations") = 'object'
        and ("meetings"."title_translations" - array['en', 'fr', 'ar']) = '{}'::jsonb
        and not ("meetings"."title_translations" ? "meetings"."working_language"));