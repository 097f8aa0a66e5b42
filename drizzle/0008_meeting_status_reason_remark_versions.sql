ALTER TABLE "meetings" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "remarks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "remarks" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;