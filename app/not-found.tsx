import { LinkButton, StatePanel } from "@/app/ui/states";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
      <StatePanel title="Page not found" icon="?" action={<LinkButton href="/">Choose a model</LinkButton>}>
        <p>
          There is nothing at this address. If someone sent you this link, the model or export may have moved, or you
          may not have access to it.
        </p>
      </StatePanel>
    </main>
  );
}
