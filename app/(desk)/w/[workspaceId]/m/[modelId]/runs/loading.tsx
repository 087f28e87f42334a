import { ActivityLoading } from "@/app/ui/loading-views";

export default function Loading() {
  return <ActivityLoading label="Loading runs" />;
}
