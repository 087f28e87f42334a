ALTER TABLE "runs" ADD COLUMN "checked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "runs_by_export" ON "runs" USING btree ("tenant_id","workspace_id","model_id","export_id","started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "runs_active" ON "runs" USING btree ("tenant_id","workspace_id","model_id","checked_at") WHERE "runs"."outcome" in ('queued', 'running', 'cancelling');--> statement-breakpoint
CREATE INDEX "runs_started_at" ON "runs" USING btree ("started_at");