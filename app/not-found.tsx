import { LinkButton, StatePanel } from "@/app/ui/states";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
      <StatePanel title="Page not found" icon="?" action={<LinkButton href="/">Choose a model</LinkButton>}>
        <p>
          There is nothing at this address. If someone sent you this link, it may be incomplete — workspace, model and
          task ids are 32 characters, export ids are 12 digits — or the model or export may have moved.
        </p>
      </StatePanel>
    </main>
  );
}
