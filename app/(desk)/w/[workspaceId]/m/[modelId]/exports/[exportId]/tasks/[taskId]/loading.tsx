import { TaskLoading } from "@/app/ui/loading-views";

export default function Loading() {
  return <TaskLoading />;
}
