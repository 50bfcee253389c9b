ALTER TABLE "users" DROP CONSTRAINT "users_email";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_email" UNIQUE("organisation_id","email");