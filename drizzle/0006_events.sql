CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" bigint NOT NULL,
	"subscription_id" uuid,
	"client_pk" uuid,
	"url" text,
	"secret_sealed" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"attempts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"url" text NOT NULL,
	"events" jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"secret_sealed" text NOT NULL,
	"previous_secret_sealed" text,
	"previous_secret_expires_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "type" text;--> statement-breakpoint
UPDATE "audit_log" SET "type" = split_part("action", '.', 1) || '.' || CASE split_part("action", '.', 2)
	WHEN 'create' THEN 'created' WHEN 'update' THEN 'updated' WHEN 'delete' THEN 'deleted' WHEN 'revoke' THEN 'revoked'
	WHEN 'revoke_all' THEN 'revoked' WHEN 'enable' THEN 'enabled' WHEN 'disable' THEN 'disabled'
	WHEN 'deactivate' THEN 'deactivated' WHEN 'reactivate' THEN 'activated' WHEN 'rotate' THEN 'rotated'
	WHEN 'recover' THEN 'recovered' WHEN 'rotate_secret' THEN 'secret_rotated' WHEN 'webhook_secret' THEN 'webhook_secret_rotated'
	WHEN 'associate_scopes' THEN 'scopes_associated' WHEN 'disassociate_scope' THEN 'scope_disassociated'
	WHEN 'grant_role' THEN 'role_granted' WHEN 'revoke_role' THEN 'role_revoked' WHEN 'master_key_reseal' THEN 'master_key_resealed'
	ELSE split_part("action", '.', 2) END;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "type" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "client_id" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "webhook_url" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_audit_log_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_subscription" ON "webhook_deliveries" USING btree ("subscription_id","created_at","id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_event" ON "webhook_deliveries" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_space_created" ON "webhook_subscriptions" USING btree ("space_id","created_at","id");