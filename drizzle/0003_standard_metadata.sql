ALTER TABLE "clients" ADD COLUMN "allowed_cors_origins" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "token_endpoint_auth_signing_alg" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "id_token_signed_response_alg" text DEFAULT 'RS256' NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "application_type" text DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "software_id" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "software_version" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "default_max_age" integer;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "require_auth_time" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "given_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "family_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "middle_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "nickname" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "profile" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "picture" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "gender" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "birthdate" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "zoneinfo" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_number" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_number_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "address" jsonb;