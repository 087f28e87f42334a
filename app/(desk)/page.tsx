import type { Metadata } from "next";
import { requirePageSession } from "@/lib/dal";
import { getModels, getWorkspaces } from "@/lib/data/queries";
import { AppHeader } from "@/app/ui/app-header";
import { PageShell } from "@/app/ui/page-shell";
import { ModelPicker, type PickerWorkspace } from "@/app/ui/picker/model-picker";

export const metadata: Metadata = { title: "Choose a model" };

export default async function PickerPage() {
  const { info, api } = await requirePageSession("/");
  const { workspaces } = await getWorkspaces(api);
  const groups: PickerWorkspace[] = await Promise.all(
    workspaces.map(async (w) => {
      try {
        return { workspace: w, models: (await getModels(api, w.id)).models };
      } catch {
        return { workspace: w, models: [], failed: true };
      }
    }),
  );

  return (
    <>
      <AppHeader user={info.user} />
      <PageShell title="Choose a model" subtitle="Your Anaplan workspaces and models. Pick one to see its exports.">
        <ModelPicker groups={groups} />
      </PageShell>
    </>
  );
}
