import { getPageSession } from "@/lib/dal";
import { AppHeader } from "@/app/ui/app-header";
import { LinkButton, StatePanel } from "@/app/ui/states";

/** Every 404 (unknown address, malformed id) keeps the header, so the logo leads home and the user sees who they are. */
export default async function NotFound() {
  const session = await getPageSession();
  return (
    <>
      <AppHeader user={session?.info.user} />
      <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
        <StatePanel title="Page not found" icon="?" action={<LinkButton href="/">Choose a model</LinkButton>}>
          <p>
            This link looks incomplete, or what it pointed to has moved. Workspace, model and task ids are 32
            characters; export ids are 12 digits.
          </p>
        </StatePanel>
      </main>
    </>
  );
}
