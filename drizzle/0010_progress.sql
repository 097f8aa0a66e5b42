CREATE TABLE "fx_rates" (
	"currency" text NOT NULL,
	"date" date NOT NULL,
	"usd_per_unit" numeric(30, 12) NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rates_currency_date_pk" PRIMARY KEY("currency","date"),
	CONSTRAINT "fx_rates_positive_check" CHECK ("fx_rates"."usd_per_unit" > 0)
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text,
	"status" text DEFAULT 'validating' NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_written" integer DEFAULT 0 NOT NULL,
	"rows_total" integer,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "imports_kind_check" CHECK ("imports"."kind" in ('values', 'pledges')),
	CONSTRAINT "imports_format_check" CHECK ("imports"."format" in ('csv', 'xlsx')),
	CONSTRAINT "imports_status_check" CHECK ("imports"."status" in ('validating', 'writing', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "indicator_rollups" (
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"category" text NOT NULL,
	"sum" numeric(24, 6) NOT NULL,
	"max" numeric(24, 6) NOT NULL,
	"members" integer NOT NULL,
	CONSTRAINT "indicator_rollups_indicator_id_category_period_pk" PRIMARY KEY("indicator_id","category","period")
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" numeric(24, 6) NOT NULL,
	CONSTRAINT "indicator_targets_indicator_id_period_pk" PRIMARY KEY("indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"names" jsonb NOT NULL,
	"unit" text NOT NULL,
	"line_of_effort_id" uuid NOT NULL,
	"member_aggregation" text NOT NULL,
	"time_aggregation" text NOT NULL,
	"period_type" text NOT NULL,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visibility" text NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_key_unique" UNIQUE("key"),
	CONSTRAINT "indicators_member_aggregation_check" CHECK ("indicators"."member_aggregation" in ('sum', 'max', 'mean')),
	CONSTRAINT "indicators_time_aggregation_check" CHECK ("indicators"."time_aggregation" in ('flow', 'stock')),
	CONSTRAINT "indicators_period_type_check" CHECK ("indicators"."period_type" in ('month', 'quarter', 'year')),
	CONSTRAINT "indicators_visibility_check" CHECK ("indicators"."visibility" in ('public', 'coalition')),
	CONSTRAINT "indicators_categories_check" CHECK (jsonb_typeof("indicators"."categories") = 'array')
);
--> statement-breakpoint
CREATE TABLE "lines_of_effort" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"number" integer NOT NULL,
	"names" jsonb NOT NULL,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lines_of_effort_key_unique" UNIQUE("key"),
	CONSTRAINT "lines_of_effort_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "pledge_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pledge_id" uuid NOT NULL,
	"status" text NOT NULL,
	"on" date NOT NULL,
	"amount_minor" bigint,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledge_events_status_check" CHECK ("pledge_events"."status" in ('committed', 'disbursed', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"line_of_effort_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pledged' NOT NULL,
	"amount_minor" bigint,
	"currency" text,
	"value_date" date,
	"description" text,
	"quantity" numeric(24, 6),
	"unit" text,
	"note" text,
	"committed_minor" bigint,
	"disbursed_minor" bigint DEFAULT 0 NOT NULL,
	"import_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledges_kind_check" CHECK ("pledges"."kind" in ('financial', 'in_kind')),
	CONSTRAINT "pledges_status_check" CHECK ("pledges"."status" in ('pledged', 'committed', 'disbursed', 'withdrawn')),
	CONSTRAINT "pledges_fields_check" CHECK (case "pledges"."kind"
        when 'financial' then "pledges"."amount_minor" > 0 and "pledges"."currency" is not null and "pledges"."value_date" is not null and "pledges"."quantity" is null
        else "pledges"."description" is not null and "pledges"."quantity" > 0 and "pledges"."unit" is not null and "pledges"."amount_minor" is null and "pledges"."currency" is null end),
	CONSTRAINT "pledges_amounts_check" CHECK ("pledges"."disbursed_minor" >= 0 and ("pledges"."committed_minor" is null or "pledges"."disbursed_minor" <= "pledges"."committed_minor"))
);
--> statement-breakpoint
CREATE TABLE "report_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"member_id" uuid NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"value" numeric(24, 6) NOT NULL,
	"note" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_value" numeric(24, 6),
	"approved_at" timestamp with time zone,
	"return_reason" text,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_values_status_check" CHECK ("report_values"."status" in ('draft', 'submitted', 'approved', 'returned')),
	CONSTRAINT "report_values_approved_check" CHECK (("report_values"."approved_value" is null) = ("report_values"."approved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"type" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_periods_period_unique" UNIQUE("period"),
	CONSTRAINT "reporting_periods_type_check" CHECK ("reporting_periods"."type" in ('month', 'quarter', 'year'))
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_status_check" CHECK ("reports"."status" in ('not_started', 'draft', 'submitted', 'approved', 'returned')),
	CONSTRAINT "reports_status_stored_check" CHECK ("reports"."status" <> 'not_started')
);
--> statement-breakpoint
CREATE TABLE "working_group_offices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"working_group_id" uuid NOT NULL,
	"member_id" uuid,
	"role" text NOT NULL,
	"from_on" date,
	"to_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_group_offices_role_check" CHECK ("working_group_offices"."role" in ('co_lead', 'participant')),
	CONSTRAINT "working_group_offices_dates_check" CHECK ("working_group_offices"."from_on" is null or "working_group_offices"."to_on" is null or "working_group_offices"."to_on" >= "working_group_offices"."from_on"),
	CONSTRAINT "working_group_offices_holder_check" CHECK ("working_group_offices"."member_id" is not null or "working_group_offices"."note" is not null)
);
--> statement-breakpoint
CREATE TABLE "working_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"names" jsonb NOT NULL,
	"line_of_effort_id" uuid,
	"formed_on" date,
	"formed_note" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_groups_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_rollups" ADD CONSTRAINT "indicator_rollups_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_line_of_effort_id_lines_of_effort_id_fk" FOREIGN KEY ("line_of_effort_id") REFERENCES "public"."lines_of_effort"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_events" ADD CONSTRAINT "pledge_events_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_events" ADD CONSTRAINT "pledge_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_line_of_effort_id_lines_of_effort_id_fk" FOREIGN KEY ("line_of_effort_id") REFERENCES "public"."lines_of_effort"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_period_reporting_periods_period_fk" FOREIGN KEY ("period") REFERENCES "public"."reporting_periods"("period") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_offices" ADD CONSTRAINT "working_group_offices_working_group_id_working_groups_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_offices" ADD CONSTRAINT "working_group_offices_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_groups" ADD CONSTRAINT "working_groups_line_of_effort_id_lines_of_effort_id_fk" FOREIGN KEY ("line_of_effort_id") REFERENCES "public"."lines_of_effort"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicators_line_idx" ON "indicators" USING btree ("line_of_effort_id");--> statement-breakpoint
CREATE INDEX "pledge_events_pledge_idx" ON "pledge_events" USING btree ("pledge_id","on");--> statement-breakpoint
CREATE INDEX "pledges_member_idx" ON "pledges" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "pledges_line_idx" ON "pledges" USING btree ("line_of_effort_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_values_report_idx" ON "report_values" USING btree ("report_id","indicator_id","category");--> statement-breakpoint
CREATE INDEX "report_values_approved_idx" ON "report_values" USING btree ("indicator_id","period","member_id","category") WHERE "report_values"."approved_value" is not null;--> statement-breakpoint
CREATE INDEX "report_values_member_idx" ON "report_values" USING btree ("indicator_id","member_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_period_member_idx" ON "reports" USING btree ("period","member_id");--> statement-breakpoint
CREATE INDEX "reports_member_idx" ON "reports" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "working_group_offices_group_idx" ON "working_group_offices" USING btree ("working_group_id");--> statement-breakpoint
CREATE INDEX "working_group_offices_member_idx" ON "working_group_offices" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "working_groups_line_idx" ON "working_groups" USING btree ("line_of_effort_id");--> statement-breakpoint
-- Agenda items named their line of effort as free text: each key they used becomes a line of
-- effort (its name the key, until the secretariat or the demo seed names it), so that the
-- reference below holds for the data already there.
INSERT INTO "lines_of_effort" ("key", "number", "names")
SELECT k, row_number() OVER (ORDER BY k), jsonb_build_object('en', k)
FROM (SELECT DISTINCT "line_of_effort" AS k FROM "agenda_items" WHERE "line_of_effort" IS NOT NULL) AS used;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_line_of_effort_lines_of_effort_key_fk" FOREIGN KEY ("line_of_effort") REFERENCES "public"."lines_of_effort"("key") ON DELETE restrict ON UPDATE cascade;