CREATE TABLE "revoked_sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "token_refreshes" (
	"key" text PRIMARY KEY NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "revoked_sessions_until" ON "revoked_sessions" USING btree ("until");--> statement-breakpoint
CREATE INDEX "token_refreshes_created_at" ON "token_refreshes" USING btree ("created_at");