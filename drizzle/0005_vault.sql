CREATE TABLE "connect_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"link_hash" text NOT NULL,
	"state_hash" text,
	"verifier_sealed" text,
	"link_used_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"provider_client_id" uuid NOT NULL,
	"environment" text DEFAULT '' NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"availability" text DEFAULT 'global' NOT NULL,
	"bound_client_pk" uuid,
	"renewal_seconds" integer DEFAULT 3600 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"credentials_sealed" text,
	"access_token_sealed" text,
	"refresh_token_sealed" text,
	"token_type" text,
	"expires_at" timestamp (3) with time zone,
	"expiry_known" boolean DEFAULT true NOT NULL,
	"refresh_token_expires_at" timestamp (3) with time zone,
	"refresh_token_used_at" timestamp (3) with time zone,
	"last_refresh_at" timestamp (3) with time zone,
	"next_refresh_at" timestamp (3) with time zone,
	"refresh_count" integer DEFAULT 0 NOT NULL,
	"failure_count" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_error_at" timestamp (3) with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"connected_at" timestamp (3) with time zone,
	"lease_owner" text,
	"lease_until" timestamp (3) with time zone,
	"generation" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"name" text NOT NULL,
	"client_id" text DEFAULT '' NOT NULL,
	"client_secret_sealed" text,
	"private_key_sealed" text,
	"public_jwk" jsonb,
	"authorization_url" text,
	"token_url" text,
	"api_base_url" text,
	"token_endpoint_auth_method" text DEFAULT 'client_secret_basic' NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"access_token_expires_in" bigint,
	"refresh_token_expires_in" bigint,
	"expires_in_unit" text DEFAULT 's' NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connect_attempts" ADD CONSTRAINT "connect_attempts_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_provider_client_id_provider_clients_id_fk" FOREIGN KEY ("provider_client_id") REFERENCES "public"."provider_clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_bound_client_pk_clients_id_fk" FOREIGN KEY ("bound_client_pk") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_clients" ADD CONSTRAINT "provider_clients_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connect_attempts_link" ON "connect_attempts" USING btree ("link_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "connect_attempts_state" ON "connect_attempts" USING btree ("state_hash");--> statement-breakpoint
CREATE INDEX "connect_attempts_connection" ON "connect_attempts" USING btree ("connection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "connections_space_name" ON "connections" USING btree ("space_id",lower("name"));--> statement-breakpoint
CREATE INDEX "connections_space_created" ON "connections" USING btree ("space_id","created_at","id");--> statement-breakpoint
CREATE INDEX "connections_due" ON "connections" USING btree ("next_refresh_at") WHERE "connections"."next_refresh_at" is not null;--> statement-breakpoint
CREATE INDEX "connections_provider_client" ON "connections" USING btree ("provider_client_id");--> statement-breakpoint
CREATE INDEX "provider_clients_space_created" ON "provider_clients" USING btree ("space_id","created_at","id");