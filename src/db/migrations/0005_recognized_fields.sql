ALTER TABLE "annual_targets" ADD COLUMN "from_year" integer;--> statement-breakpoint
ALTER TABLE "hearing_responses" ADD COLUMN "period_start" integer;--> statement-breakpoint
ALTER TABLE "hearing_responses" ADD COLUMN "period_end" integer;--> statement-breakpoint
ALTER TABLE "hearing_responses" ADD COLUMN "addressed_to_role" text;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "signer_title" text;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "subtitle" text;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "equality_grounds" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "hearing_responses" ADD CONSTRAINT "hearing_responses_period" CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end);--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_equality_grounds" CHECK (equality_grounds <@ ARRAY['gender','race_ethnicity','religion_belief','age','disability','sexual_orientation','gender_identity','gender_expression','sex_characteristics']::text[]);