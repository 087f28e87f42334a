/**
 * The set-up every BFF test file shares: one simulator for the file, and before each test the stack's environment
 * back (tests change it), a clean simulator and process state, and optionally a fresh sign-in.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetAll, setEnv, signIn, stackEnv, startStack, type Stack } from "./helpers";

export interface StackOptions {
  /** Simulator settings for every test, on top of `resetAll`'s. */
  simConfig?: Record<string, unknown>;
  /** Signs ada in before each test, hands over the cookie, then clears the request log. */
  onSignIn?: (cookie: string) => void;
}

/** Call at the top of a test file; the stack is there from `beforeAll` on. */
export function setUpStack(options: StackOptions = {}): Stack {
  let current: Stack | undefined;
  const started = (): Stack => {
    if (!current) throw new Error("setUpStack: the simulator starts in beforeAll; use the stack in tests and hooks");
    return current;
  };
  beforeAll(async () => {
    current = await startStack();
  });
  afterAll(async () => {
    await current?.sim.close();
  });
  beforeEach(async () => {
    const stack = started();
    setEnv(stackEnv(stack.sim.url));
    await resetAll(stack.control, options.simConfig);
    if (options.onSignIn) {
      options.onSignIn(await signIn());
      await stack.control.clearRequests();
    }
  });

  return {
    get sim() {
      return started().sim;
    },
    get control() {
      return started().control;
    },
  };
}
