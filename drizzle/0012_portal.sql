CREATE TABLE "source_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"member_id" uuid,
	"person_id" uuid,
	"meeting_id" uuid,
	"statement_id" uuid,
	"decision_id" uuid,
	"indicator_id" uuid,
	CONSTRAINT "source_links_subject_check" CHECK ("source_links"."subject" in ('member', 'person', 'meeting', 'statement', 'decision', 'indicator')),
	CONSTRAINT "source_links_one_subject_check" CHECK (num_nonnulls("source_links"."member_id", "source_links"."person_id", "source_links"."meeting_id", "source_links"."statement_id", "source_links"."decision_id", "source_links"."indicator_id") = 1
        and ("source_links"."member_id" is null or "source_links"."subject" = 'member')
        and ("source_links"."person_id" is null or "source_links"."subject" = 'person')
        and ("source_links"."meeting_id" is null or "source_links"."subject" = 'meeting')
        and ("source_links"."statement_id" is null or "source_links"."subject" = 'statement')
        and ("source_links"."decision_id" is null or "source_links"."subject" = 'decision')
        and ("source_links"."indicator_id" is null or "source_links"."subject" = 'indicator'))
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"published_on" date,
	"url" text,
	"language" text,
	"excerpt" text,
	"note" text,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_ref_unique" UNIQUE("ref"),
	CONSTRAINT "sources_kind_check" CHECK ("sources"."kind" in ('source', 'press')),
	CONSTRAINT "sources_visibility_check" CHECK ("sources"."visibility" in ('public', 'coalition', 'restricted'))
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "city_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "source_links_unique_idx" ON "source_links" USING btree ("source_id",coalesce("member_id", "person_id", "meeting_id", "statement_id", "decision_id", "indicator_id"));--> statement-breakpoint
CREATE INDEX "source_links_member_idx" ON "source_links" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "source_links_person_idx" ON "source_links" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "source_links_meeting_idx" ON "source_links" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "source_links_statement_idx" ON "source_links" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "source_links_decision_idx" ON "source_links" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "source_links_indicator_idx" ON "source_links" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "sources_published_idx" ON "sources" USING btree ("published_on");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_city_translations_check" CHECK (jsonb_typeof("meetings"."city_translations") = 'object'
        and ("meetings"."city_translations" - array['en', 'fr', 'ar']) = '{}'::jsonb);--> statement-breakpoint
-- Text as search compares it (src/server/modules/search): lower-cased, accents, Arabic diacritics
-- (tashkeel, the superscript alef, Quranic marks) and tatweel dropped, hamza seats folded by NFD,
-- alef wasla to alef, alef maksura to ya, ta marbuta to ha: "الْعِرَاق" is "العراق", "Genève" is "geneve".
CREATE FUNCTION entente_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
  translate(regexp_replace(normalize(lower(coalesce(t, '')), NFD), '[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]', '', 'g'), 'ٱىة', 'ايه');
