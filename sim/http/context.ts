/** What every handler gets for one request. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimState } from "../state/sim-state";

export interface ServiceBases {
  /** Path prefix of the auth service (`/token/*`). */
  auth: string;
  /** Path prefix of the OAuth service (`/auth/authorize`, `/oauth/token`). */
  oauth: string;
  /** Path prefix of the Integration API (the API itself lives at `${api}/2/0`). */
  api: string;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  method: string;
  /** Full request pathname. */
  pathname: string;
  state: SimState;
  /** Origin of this simulator, e.g. http://127.0.0.1:4010 */
  origin: string;
  bases: ServiceBases;
  /** A body fault to apply when the response is written. */
  effect?: "truncate" | "malformed-json";
}
