-- References between the tables of an organisation now go through (organisation_id, id):
-- each parent declares that pair unique, and each child's (organisation_id, parent_id) must
-- name one of its own organisation's rows. Pejl's commands and imports only ever link rows of
-- one organisation, so existing data passes; should a database hold a row that points into
-- another organisation (written by hand, or by a bug), the migration stops before changing
-- anything and names every such reference, rather than failing on the first constraint.
DO $$
DECLARE
  problems text := '';
  n bigint;
BEGIN
  SELECT count(*) INTO n FROM "annual_targets" c JOIN "initiatives" p ON p.id = c."initiative_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of annual_targets.initiative_id point at initiatives of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "api_tokens" c JOIN "users" p ON p.id = c."user_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of api_tokens.user_id point at users of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "budget_lines" c JOIN "initiatives" p ON p.id = c."initiative_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of budget_lines.initiative_id point at initiatives of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "candidates" c JOIN "documents" p ON p.id = c."document_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of candidates.document_id point at documents of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "documents" c JOIN "documents" p ON p.id = c."previous_version_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of documents.previous_version_id point at documents of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "goal_committees" c JOIN "goals" p ON p.id = c."goal_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of goal_committees.goal_id point at goals of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "goal_committees" c JOIN "committees" p ON p.id = c."committee_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of goal_committees.committee_id point at committees of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "goals" c JOIN "policies" p ON p.id = c."policy_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of goals.policy_id point at policies of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "goals" c JOIN "themes" p ON p.id = c."theme_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of goals.theme_id point at themes of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "goals" c JOIN "administrations" p ON p.id = c."administration_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of goals.administration_id point at administrations of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "hearing_responses" c JOIN "hearings" p ON p.id = c."hearing_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of hearing_responses.hearing_id point at hearings of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "hearing_responses" c JOIN "committees" p ON p.id = c."from_committee_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of hearing_responses.from_committee_id point at committees of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "hearing_responses" c JOIN "documents" p ON p.id = c."attachment_document_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of hearing_responses.attachment_document_id point at documents of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "hearing_responses" c JOIN "documents" p ON p.id = c."document_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of hearing_responses.document_id point at documents of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "hearings" c JOIN "policies" p ON p.id = c."policy_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of hearings.policy_id point at policies of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "hearings" c JOIN "documents" p ON p.id = c."draft_document_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of hearings.draft_document_id point at documents of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "hearings" c JOIN "documents" p ON p.id = c."adopted_document_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of hearings.adopted_document_id point at documents of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "indicators" c JOIN "goals" p ON p.id = c."goal_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of indicators.goal_id point at goals of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "initiative_goals" c JOIN "initiatives" p ON p.id = c."initiative_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of initiative_goals.initiative_id point at initiatives of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "initiative_goals" c JOIN "goals" p ON p.id = c."goal_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of initiative_goals.goal_id point at goals of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "initiatives" c JOIN "policies" p ON p.id = c."policy_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of initiatives.policy_id point at policies of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "initiatives" c JOIN "administrations" p ON p.id = c."administration_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of initiatives.administration_id point at administrations of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "initiatives" c JOIN "committees" p ON p.id = c."committee_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of initiatives.committee_id point at committees of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "inquiries" c JOIN "administrations" p ON p.id = c."administration_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of inquiries.administration_id point at administrations of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "inquiries" c JOIN "users" p ON p.id = c."approved_by" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of inquiries.approved_by point at users of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "inquiries" c JOIN "documents" p ON p.id = c."document_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of inquiries.document_id point at documents of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "inquiry_administrations" c JOIN "inquiries" p ON p.id = c."inquiry_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of inquiry_administrations.inquiry_id point at inquiries of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "inquiry_administrations" c JOIN "administrations" p ON p.id = c."administration_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of inquiry_administrations.administration_id point at administrations of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "observations" c JOIN "indicators" p ON p.id = c."indicator_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of observations.indicator_id point at indicators of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "policies" c JOIN "administrations" p ON p.id = c."owner_administration_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of policies.owner_administration_id point at administrations of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "policies" c JOIN "committees" p ON p.id = c."owner_committee_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of policies.owner_committee_id point at committees of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "policies" c JOIN "policies" p ON p.id = c."parent_policy_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of policies.parent_policy_id point at policies of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "policies" c JOIN "documents" p ON p.id = c."document_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of policies.document_id point at documents of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "provenance" c JOIN "documents" p ON p.id = c."document_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of provenance.document_id point at documents of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "role_assignments" c JOIN "users" p ON p.id = c."user_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of role_assignments.user_id point at users of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "role_assignments" c JOIN "administrations" p ON p.id = c."administration_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of role_assignments.administration_id point at administrations of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "round_administrations" c JOIN "status_rounds" p ON p.id = c."round_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of round_administrations.round_id point at status_rounds of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "round_administrations" c JOIN "administrations" p ON p.id = c."administration_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of round_administrations.administration_id point at administrations of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "sessions" c JOIN "users" p ON p.id = c."user_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of sessions.user_id point at users of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "status_reports" c JOIN "status_rounds" p ON p.id = c."round_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of status_reports.round_id point at status_rounds of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "status_reports" c JOIN "initiatives" p ON p.id = c."initiative_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of status_reports.initiative_id point at initiatives of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "status_reports" c JOIN "goals" p ON p.id = c."goal_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of status_reports.goal_id point at goals of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "status_reports" c JOIN "administrations" p ON p.id = c."administration_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of status_reports.administration_id point at administrations of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "status_reports" c JOIN "users" p ON p.id = c."author_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of status_reports.author_id point at users of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "status_reports" c JOIN "users" p ON p.id = c."reviewed_by" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of status_reports.reviewed_by point at users of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "status_rounds" c JOIN "policies" p ON p.id = c."policy_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of status_rounds.policy_id point at policies of another organisation', n); END IF;
  SELECT count(*) INTO n FROM "themes" c JOIN "policies" p ON p.id = c."policy_id" WHERE p.organisation_id <> c.organisation_id;
  IF n > 0 THEN problems := problems || format(E'\n  %s row(s) of themes.policy_id point at policies of another organisation', n); END IF;
  IF problems <> '' THEN
    RAISE EXCEPTION 'Migration 0007_org_integrity cannot tie references to their organisation: rows point into another organisation:%', problems
      USING HINT = 'Move each such row to its parent''s organisation, or remove it, then migrate again. Nothing was changed.';
  END IF;
END $$;
--> statement-breakpoint
ALTER TABLE "administrations" ADD CONSTRAINT "administrations_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "status_rounds" ADD CONSTRAINT "status_rounds_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id" UNIQUE("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "annual_targets" DROP CONSTRAINT "annual_targets_initiative_id_initiatives_id_fk";
--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "budget_lines" DROP CONSTRAINT "budget_lines_initiative_id_initiatives_id_fk";
--> statement-breakpoint
ALTER TABLE "candidates" DROP CONSTRAINT "candidates_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_previous_version_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_committees" DROP CONSTRAINT "goal_committees_goal_id_goals_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_committees" DROP CONSTRAINT "goal_committees_committee_id_committees_id_fk";
--> statement-breakpoint
ALTER TABLE "goals" DROP CONSTRAINT "goals_policy_id_policies_id_fk";
--> statement-breakpoint
ALTER TABLE "goals" DROP CONSTRAINT "goals_theme_id_themes_id_fk";
--> statement-breakpoint
ALTER TABLE "goals" DROP CONSTRAINT "goals_administration_id_administrations_id_fk";
--> statement-breakpoint
ALTER TABLE "hearing_responses" DROP CONSTRAINT "hearing_responses_hearing_id_hearings_id_fk";
--> statement-breakpoint
ALTER TABLE "hearing_responses" DROP CONSTRAINT "hearing_responses_from_committee_id_committees_id_fk";
--> statement-breakpoint
ALTER TABLE "hearing_responses" DROP CONSTRAINT "hearing_responses_attachment_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "hearing_responses" DROP CONSTRAINT "hearing_responses_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "hearings" DROP CONSTRAINT "hearings_policy_id_policies_id_fk";
--> statement-breakpoint
ALTER TABLE "hearings" DROP CONSTRAINT "hearings_draft_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "hearings" DROP CONSTRAINT "hearings_adopted_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "indicators" DROP CONSTRAINT "indicators_goal_id_goals_id_fk";
--> statement-breakpoint
ALTER TABLE "initiative_goals" DROP CONSTRAINT "initiative_goals_initiative_id_initiatives_id_fk";
--> statement-breakpoint
ALTER TABLE "initiative_goals" DROP CONSTRAINT "initiative_goals_goal_id_goals_id_fk";
--> statement-breakpoint
ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_policy_id_policies_id_fk";
--> statement-breakpoint
ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_administration_id_administrations_id_fk";
--> statement-breakpoint
ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_committee_id_committees_id_fk";
--> statement-breakpoint
ALTER TABLE "inquiries" DROP CONSTRAINT "inquiries_administration_id_administrations_id_fk";
--> statement-breakpoint
ALTER TABLE "inquiries" DROP CONSTRAINT "inquiries_approved_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "inquiries" DROP CONSTRAINT "inquiries_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "inquiry_administrations" DROP CONSTRAINT "inquiry_administrations_inquiry_id_inquiries_id_fk";
--> statement-breakpoint
ALTER TABLE "inquiry_administrations" DROP CONSTRAINT "inquiry_administrations_administration_id_administrations_id_fk";
--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_indicator_id_indicators_id_fk";
--> statement-breakpoint
ALTER TABLE "policies" DROP CONSTRAINT "policies_owner_administration_id_administrations_id_fk";
--> statement-breakpoint
ALTER TABLE "policies" DROP CONSTRAINT "policies_owner_committee_id_committees_id_fk";
--> statement-breakpoint
ALTER TABLE "policies" DROP CONSTRAINT "policies_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "policies" DROP CONSTRAINT "policies_parent_policy_id_policies_id_fk";
--> statement-breakpoint
ALTER TABLE "provenance" DROP CONSTRAINT "provenance_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_administration_id_administrations_id_fk";
--> statement-breakpoint
ALTER TABLE "round_administrations" DROP CONSTRAINT "round_administrations_round_id_status_rounds_id_fk";
--> statement-breakpoint
ALTER TABLE "round_administrations" DROP CONSTRAINT "round_administrations_administration_id_administrations_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "status_reports" DROP CONSTRAINT "status_reports_round_id_status_rounds_id_fk";
--> statement-breakpoint
ALTER TABLE "status_reports" DROP CONSTRAINT "status_reports_initiative_id_initiatives_id_fk";
--> statement-breakpoint
ALTER TABLE "status_reports" DROP CONSTRAINT "status_reports_goal_id_goals_id_fk";
--> statement-breakpoint
ALTER TABLE "status_reports" DROP CONSTRAINT "status_reports_administration_id_administrations_id_fk";
--> statement-breakpoint
ALTER TABLE "status_reports" DROP CONSTRAINT "status_reports_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "status_reports" DROP CONSTRAINT "status_reports_reviewed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "status_rounds" DROP CONSTRAINT "status_rounds_policy_id_policies_id_fk";
--> statement-breakpoint
ALTER TABLE "themes" DROP CONSTRAINT "themes_policy_id_policies_id_fk";
--> statement-breakpoint
DROP INDEX "documents_organisation";
--> statement-breakpoint
DROP INDEX "goals_organisation";
--> statement-breakpoint
DROP INDEX "indicators_organisation";
--> statement-breakpoint
DROP INDEX "initiatives_organisation";
--> statement-breakpoint
DROP INDEX "policies_organisation";
--> statement-breakpoint
DROP INDEX "themes_organisation";
--> statement-breakpoint
ALTER TABLE "annual_targets" ADD CONSTRAINT "annual_targets_initiative_id_org_fk" FOREIGN KEY ("organisation_id","initiative_id") REFERENCES "public"."initiatives"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_org_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_initiative_id_org_fk" FOREIGN KEY ("organisation_id","initiative_id") REFERENCES "public"."initiatives"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_document_id_org_fk" FOREIGN KEY ("organisation_id","document_id") REFERENCES "public"."documents"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_previous_version_id_org_fk" FOREIGN KEY ("organisation_id","previous_version_id") REFERENCES "public"."documents"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goal_committees" ADD CONSTRAINT "goal_committees_goal_id_org_fk" FOREIGN KEY ("organisation_id","goal_id") REFERENCES "public"."goals"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goal_committees" ADD CONSTRAINT "goal_committees_committee_id_org_fk" FOREIGN KEY ("organisation_id","committee_id") REFERENCES "public"."committees"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_policy_id_org_fk" FOREIGN KEY ("organisation_id","policy_id") REFERENCES "public"."policies"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_theme_id_org_fk" FOREIGN KEY ("organisation_id","theme_id") REFERENCES "public"."themes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_administration_id_org_fk" FOREIGN KEY ("organisation_id","administration_id") REFERENCES "public"."administrations"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "hearing_responses" ADD CONSTRAINT "hearing_responses_hearing_id_org_fk" FOREIGN KEY ("organisation_id","hearing_id") REFERENCES "public"."hearings"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "hearing_responses" ADD CONSTRAINT "hearing_responses_from_committee_id_org_fk" FOREIGN KEY ("organisation_id","from_committee_id") REFERENCES "public"."committees"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "hearing_responses" ADD CONSTRAINT "hearing_responses_attachment_document_id_org_fk" FOREIGN KEY ("organisation_id","attachment_document_id") REFERENCES "public"."documents"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "hearing_responses" ADD CONSTRAINT "hearing_responses_document_id_org_fk" FOREIGN KEY ("organisation_id","document_id") REFERENCES "public"."documents"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_policy_id_org_fk" FOREIGN KEY ("organisation_id","policy_id") REFERENCES "public"."policies"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_draft_document_id_org_fk" FOREIGN KEY ("organisation_id","draft_document_id") REFERENCES "public"."documents"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_adopted_document_id_org_fk" FOREIGN KEY ("organisation_id","adopted_document_id") REFERENCES "public"."documents"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_goal_id_org_fk" FOREIGN KEY ("organisation_id","goal_id") REFERENCES "public"."goals"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "initiative_goals" ADD CONSTRAINT "initiative_goals_initiative_id_org_fk" FOREIGN KEY ("organisation_id","initiative_id") REFERENCES "public"."initiatives"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "initiative_goals" ADD CONSTRAINT "initiative_goals_goal_id_org_fk" FOREIGN KEY ("organisation_id","goal_id") REFERENCES "public"."goals"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_policy_id_org_fk" FOREIGN KEY ("organisation_id","policy_id") REFERENCES "public"."policies"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_administration_id_org_fk" FOREIGN KEY ("organisation_id","administration_id") REFERENCES "public"."administrations"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_committee_id_org_fk" FOREIGN KEY ("organisation_id","committee_id") REFERENCES "public"."committees"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_administration_id_org_fk" FOREIGN KEY ("organisation_id","administration_id") REFERENCES "public"."administrations"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_approved_by_org_fk" FOREIGN KEY ("organisation_id","approved_by") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_document_id_org_fk" FOREIGN KEY ("organisation_id","document_id") REFERENCES "public"."documents"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inquiry_administrations" ADD CONSTRAINT "inquiry_administrations_inquiry_id_org_fk" FOREIGN KEY ("organisation_id","inquiry_id") REFERENCES "public"."inquiries"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inquiry_administrations" ADD CONSTRAINT "inquiry_administrations_administration_id_org_fk" FOREIGN KEY ("organisation_id","administration_id") REFERENCES "public"."administrations"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_org_fk" FOREIGN KEY ("organisation_id","indicator_id") REFERENCES "public"."indicators"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_owner_administration_id_org_fk" FOREIGN KEY ("organisation_id","owner_administration_id") REFERENCES "public"."administrations"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_owner_committee_id_org_fk" FOREIGN KEY ("organisation_id","owner_committee_id") REFERENCES "public"."committees"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_parent_policy_id_org_fk" FOREIGN KEY ("organisation_id","parent_policy_id") REFERENCES "public"."policies"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_document_id_org_fk" FOREIGN KEY ("organisation_id","document_id") REFERENCES "public"."documents"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "provenance" ADD CONSTRAINT "provenance_document_id_org_fk" FOREIGN KEY ("organisation_id","document_id") REFERENCES "public"."documents"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_org_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_administration_id_org_fk" FOREIGN KEY ("organisation_id","administration_id") REFERENCES "public"."administrations"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "round_administrations" ADD CONSTRAINT "round_administrations_round_id_org_fk" FOREIGN KEY ("organisation_id","round_id") REFERENCES "public"."status_rounds"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "round_administrations" ADD CONSTRAINT "round_administrations_administration_id_org_fk" FOREIGN KEY ("organisation_id","administration_id") REFERENCES "public"."administrations"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_org_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_round_id_org_fk" FOREIGN KEY ("organisation_id","round_id") REFERENCES "public"."status_rounds"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_initiative_id_org_fk" FOREIGN KEY ("organisation_id","initiative_id") REFERENCES "public"."initiatives"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_goal_id_org_fk" FOREIGN KEY ("organisation_id","goal_id") REFERENCES "public"."goals"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_administration_id_org_fk" FOREIGN KEY ("organisation_id","administration_id") REFERENCES "public"."administrations"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_author_id_org_fk" FOREIGN KEY ("organisation_id","author_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_reviewed_by_org_fk" FOREIGN KEY ("organisation_id","reviewed_by") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "status_rounds" ADD CONSTRAINT "status_rounds_policy_id_org_fk" FOREIGN KEY ("organisation_id","policy_id") REFERENCES "public"."policies"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_policy_id_org_fk" FOREIGN KEY ("organisation_id","policy_id") REFERENCES "public"."policies"("organisation_id","id") ON DELETE cascade ON UPDATE no action;
