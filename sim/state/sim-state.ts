/** Everything the simulator remembers; reset() returns it to the seed. */
import { type Config, defaultConfig } from "./config";
import { SimClock } from "./clock";
import { FaultStore } from "./faults";
import { FileStore } from "./files";
import { OAuthStore } from "./oauth-store";
import { RequestLog } from "./request-log";
import { TaskStore } from "./tasks";
import { TokenStore } from "./tokens";

export class SimState {
  config: Config;
  readonly clock = new SimClock();
  readonly tokens = new TokenStore();
  readonly oauth = new OAuthStore();
  readonly tasks = new TaskStore();
  readonly files = new FileStore(this.tasks);
  readonly faults = new FaultStore();
  readonly log = new RequestLog();

  constructor(
    private readonly initialConfig: Partial<Config> = {},
    readonly redirectUris: readonly string[] = [],
  ) {
    this.config = { ...defaultConfig(), ...initialConfig };
  }

  reset(): void {
    this.config = { ...defaultConfig(), ...this.initialConfig };
    this.clock.reset();
    this.tokens.clear();
    this.oauth.clear();
    this.tasks.clear();
    this.files.clear();
    this.faults.clear();
    this.log.clear();
  }
}
