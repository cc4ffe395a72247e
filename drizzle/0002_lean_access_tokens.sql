ALTER TABLE "access_tokens" DROP CONSTRAINT "access_tokens_space_id_spaces_id_fk";
--> statement-breakpoint
DROP INDEX "access_tokens_grant";--> statement-breakpoint
DROP INDEX "access_tokens_user";--> statement-breakpoint
CREATE INDEX "access_tokens_grant" ON "access_tokens" USING btree ("grant_id") WHERE grant_id is not null;--> statement-breakpoint
CREATE INDEX "access_tokens_user" ON "access_tokens" USING btree ("user_id") WHERE user_id is not null;