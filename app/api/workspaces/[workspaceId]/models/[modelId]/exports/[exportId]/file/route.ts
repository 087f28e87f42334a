import { downloadExportFile } from "@/lib/bff/download";
import { route } from "@/lib/bff/handler";

export const dynamic = "force-dynamic";

// stream the latest result file as an attachment
export const GET = route({ ids: ["workspaceId", "modelId", "exportId"], errorContext: "download" }, downloadExportFile);
