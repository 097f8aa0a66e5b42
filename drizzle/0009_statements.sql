CREATE TABLE "decision_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_members" (
	"decision_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "decision_members_decision_id_member_id_pk" PRIMARY KEY("decision_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"title" text NOT NULL,
	"method" text NOT NULL,
	"statement_id" uuid NOT NULL,
	"text_version_id" uuid NOT NULL,
	"procedure_id" uuid,
	"meeting_id" uuid,
	"adopted_at" timestamp with time zone NOT NULL,
	"adopted_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_method_check" CHECK ("decisions"."method" in ('silence', 'endorsement', 'meeting_consensus'))
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner_member_id" uuid,
	"owner_working_group" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_status_check" CHECK ("follow_ups"."status" in ('open', 'in_progress', 'done', 'dropped')),
	CONSTRAINT "follow_ups_one_owner_check" CHECK (("follow_ups"."owner_member_id" is null) <> ("follow_ups"."owner_working_group" is null))
);
--> statement-breakpoint
CREATE TABLE "procedure_members" (
	"procedure_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "procedure_members_procedure_id_member_id_pk" PRIMARY KEY("procedure_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "procedure_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"response" text NOT NULL,
	"reason" text,
	"paragraph" integer,
	"proposed_text" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_responses_response_check" CHECK ("procedure_responses"."response" in ('break', 'endorse')),
	CONSTRAINT "procedure_responses_paragraph_check" CHECK ("procedure_responses"."paragraph" is null or "procedure_responses"."paragraph" >= 1)
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"text_version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"reason" text,
	"reminded_early_at" timestamp with time zone,
	"reminded_late_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_kind_check" CHECK ("procedures"."kind" in ('silence', 'endorsement')),
	CONSTRAINT "procedures_status_check" CHECK ("procedures"."status" in ('open', 'broken', 'adopted', 'closed', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "statement_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statement_positions_kind_check" CHECK ("statement_positions"."kind" in ('reservation', 'explanation_of_position'))
);
--> statement-breakpoint
CREATE TABLE "statement_restricted_members" (
	"statement_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "statement_restricted_members_statement_id_member_id_pk" PRIMARY KEY("statement_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "statement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"note" text,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statement_versions_number_check" CHECK ("statement_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"language" text NOT NULL,
	"visibility" text NOT NULL,
	"meeting_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statements_kind_check" CHECK ("statements"."kind" in ('joint_statement', 'chair_statement', 'communique', 'press_release')),
	CONSTRAINT "statements_language_check" CHECK ("statements"."language" in ('en', 'fr', 'ar')),
	CONSTRAINT "statements_visibility_check" CHECK ("statements"."visibility" in ('public', 'coalition', 'restricted')),
	CONSTRAINT "statements_status_check" CHECK ("statements"."status" in ('draft', 'in_procedure', 'adopted', 'withdrawn')),
	CONSTRAINT "statements_translations_check" CHECK (jsonb_typeof("statements"."translations") = 'object'
        and ("statements"."translations" - array['en', 'fr', 'ar']) = '{}'::jsonb
        and not ("statements"."translations" ? "statements"."language"))
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "decision_members" ADD CONSTRAINT "decision_members_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_members" ADD CONSTRAINT "decision_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_text_version_id_statement_versions_id_fk" FOREIGN KEY ("text_version_id") REFERENCES "public"."statement_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_members" ADD CONSTRAINT "procedure_members_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_members" ADD CONSTRAINT "procedure_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_responses" ADD CONSTRAINT "procedure_responses_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_responses" ADD CONSTRAINT "procedure_responses_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_responses" ADD CONSTRAINT "procedure_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_text_version_id_statement_versions_id_fk" FOREIGN KEY ("text_version_id") REFERENCES "public"."statement_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_positions" ADD CONSTRAINT "statement_positions_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_positions" ADD CONSTRAINT "statement_positions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_positions" ADD CONSTRAINT "statement_positions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_restricted_members" ADD CONSTRAINT "statement_restricted_members_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_restricted_members" ADD CONSTRAINT "statement_restricted_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD CONSTRAINT "statement_versions_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD CONSTRAINT "statement_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_number_idx" ON "decisions" USING btree ("year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_statement_idx" ON "decisions" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "follow_ups_decision_idx" ON "follow_ups" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "procedure_members_member_idx" ON "procedure_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "procedure_responses_member_idx" ON "procedure_responses" USING btree ("procedure_id","member_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_one_open_idx" ON "procedures" USING btree ("statement_id") WHERE "procedures"."status" = 'open';--> statement-breakpoint
CREATE INDEX "procedures_open_deadline_idx" ON "procedures" USING btree ("deadline") WHERE "procedures"."status" = 'open';--> statement-breakpoint
CREATE INDEX "procedures_statement_idx" ON "procedures" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "statement_positions_statement_idx" ON "statement_positions" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statement_versions_number_idx" ON "statement_versions" USING btree ("statement_id","number");--> statement-breakpoint
CREATE INDEX "statements_meeting_idx" ON "statements" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('delegation_invited', 'procedure_circulated', 'procedure_reminder', 'procedure_adopted', 'procedure_broken'));