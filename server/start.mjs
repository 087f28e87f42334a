// Starts the standalone server (`node .next/standalone/start.mjs`, `npm start`, the container's CMD) with the front
// (server/front.mjs) around the HTTP server that server.js creates. Everything else — PORT, HOSTNAME, SIGTERM
// handling and the shutdown bound — is server.js's own behaviour, unchanged.
import http from "node:http";
import { createRequire } from "node:module";
import { frontListener, installFront } from "./front.mjs";

const options = { appOrigin: process.env.APP_ORIGIN };
const createServer = http.createServer;
http.createServer = function createFrontedServer(...args) {
  http.createServer = createServer;
  const index = args.findIndex((arg) => typeof arg === "function");
  if (index >= 0) args[index] = frontListener(args[index], options);
  const server = createServer.apply(this, args);
  installFront(server, options);
  return server;
};

createRequire(import.meta.url)("./server.js");
