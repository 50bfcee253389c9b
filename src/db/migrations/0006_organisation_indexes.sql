CREATE INDEX "annual_targets_organisation" ON "annual_targets" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "budget_lines_organisation" ON "budget_lines" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "candidates_organisation" ON "candidates" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "documents_organisation" ON "documents" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "goals_organisation" ON "goals" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "hearing_responses_organisation" ON "hearing_responses" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "indicators_organisation" ON "indicators" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "initiatives_organisation" ON "initiatives" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "observations_organisation" ON "observations" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "policies_organisation" ON "policies" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "provenance_organisation" ON "provenance" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "status_reports_organisation" ON "status_reports" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "themes_organisation" ON "themes" USING btree ("organisation_id","id");