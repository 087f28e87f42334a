import type { IncomingMessage, RequestListener, Server } from "node:http";

export declare const CLIENT_ADDRESS_HEADER: string;
export declare const SERVED_METHODS: string[];
export declare function securityHeadersFor(options?: {
  appOrigin?: string;
}): (req?: IncomingMessage) => Array<[string, string]>;
export declare function frontListener(listener: RequestListener, options?: { appOrigin?: string }): RequestListener;
export declare function installFront(server: Server, options?: { appOrigin?: string }): void;
