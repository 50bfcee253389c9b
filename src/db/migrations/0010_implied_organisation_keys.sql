ALTER TABLE "annual_targets" DROP CONSTRAINT "annual_targets_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "budget_lines" DROP CONSTRAINT "budget_lines_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "candidates" DROP CONSTRAINT "candidates_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_committees" DROP CONSTRAINT "goal_committees_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "goals" DROP CONSTRAINT "goals_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "indicators" DROP CONSTRAINT "indicators_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "initiative_goals" DROP CONSTRAINT "initiative_goals_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "inquiry_administrations" DROP CONSTRAINT "inquiry_administrations_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "provenance" DROP CONSTRAINT "provenance_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "round_administrations" DROP CONSTRAINT "round_administrations_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "status_reports" DROP CONSTRAINT "status_reports_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "status_rounds" DROP CONSTRAINT "status_rounds_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "themes" DROP CONSTRAINT "themes_organisation_id_organisations_id_fk";
