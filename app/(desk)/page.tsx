import type { Metadata } from "next";
import { requirePageSession } from "@/lib/dal";
import { getPickerFacts } from "@/lib/data/picker-facts";
import { getModels, getWorkspaces } from "@/lib/data/queries";
import { AppHeader } from "@/app/ui/app-header";
import { PageShell } from "@/app/ui/page-shell";
import { ModelPicker, type PickerWorkspace } from "@/app/ui/picker/model-picker";

export const metadata: Metadata = { title: "Choose a model" };

export default async function PickerPage() {
  const session = await requirePageSession("/");
  const { info, api } = session;
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
  // Not awaited: the cards show at once, and access marks and the team's runs stream in.
  const facts = getPickerFacts(
    session,
    groups.map((g) => ({ workspaceId: g.workspace.id, models: g.models })),
  );

  return (
    <>
      <AppHeader user={info.user} />
      <PageShell title="Choose a model" subtitle="Your Anaplan workspaces and models. Pick one to see its exports.">
        <ModelPicker groups={groups} facts={facts} />
      </PageShell>
    </>
  );
}
