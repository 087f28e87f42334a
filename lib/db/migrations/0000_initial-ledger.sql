CREATE TABLE "downloads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"model_id" text NOT NULL,
	"export_id" text NOT NULL,
	"run_id" bigint,
	"by_user_id" text NOT NULL,
	"by_email" text NOT NULL,
	"by_name" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"complete" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" bigint NOT NULL,
	"outcome" text NOT NULL,
	"task_state" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"model_id" text NOT NULL,
	"task_id" text NOT NULL,
	"export_id" text NOT NULL,
	"export_name" text NOT NULL,
	"locale" text,
	"started_by_user_id" text,
	"started_by_email" text,
	"started_by_name" text,
	"started_at" timestamp with time zone NOT NULL,
	"task_state" text,
	"outcome" text NOT NULL,
	"progress" real,
	"finished_at" timestamp with time zone,
	"failure" text,
	"cancelled_by_user_id" text,
	"cancelled_by_email" text,
	"cancelled_by_name" text,
	"cancel_requested_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "downloads" ADD CONSTRAINT "downloads_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_transitions" ADD CONSTRAINT "run_transitions_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "downloads_by_run" ON "downloads" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "downloads_started_at" ON "downloads" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "run_transitions_once" ON "run_transitions" USING btree ("run_id","outcome");--> statement-breakpoint
CREATE UNIQUE INDEX "runs_task_key" ON "runs" USING btree ("tenant_id","workspace_id","model_id","task_id");--> statement-breakpoint
CREATE INDEX "runs_newest_first" ON "runs" USING btree ("tenant_id","workspace_id","model_id","started_at" DESC NULLS LAST,"id" DESC NULLS LAST);