import { PickerLoading } from "@/app/ui/loading-views";

export default function Loading() {
  return <PickerLoading />;
}
