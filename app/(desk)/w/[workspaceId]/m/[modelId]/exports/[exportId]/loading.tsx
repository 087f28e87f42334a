import { ExportLoading } from "@/app/ui/loading-views";

export default function Loading() {
  return <ExportLoading />;
}
