CREATE TABLE "activity_counts" (
	"space_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "activity_counts_space_id_hour_kind_key_pk" PRIMARY KEY("space_id","hour","kind","key")
);
--> statement-breakpoint
ALTER TABLE "activity_counts" ADD CONSTRAINT "activity_counts_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;