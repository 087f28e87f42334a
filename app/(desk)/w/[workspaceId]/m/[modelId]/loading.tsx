import { CatalogueLoading } from "@/app/ui/loading-views";

export default function Loading() {
  return <CatalogueLoading />;
}
