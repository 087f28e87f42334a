# syntax=docker/dockerfile:1
# Export Desk: multi-stage build of the standalone Next.js server. All settings come from the environment
# (see .env.example); nothing is baked into the image.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# `npm run build` = next build + scripts/prepare-standalone.mjs (the same script the tests run).
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/app/data
RUN groupadd --system --gid 1001 exportdesk && useradd --system --uid 1001 --gid exportdesk exportdesk
COPY --from=build --chown=exportdesk:exportdesk /app/.next/standalone ./
# The embedded ledger database (PGlite) lives here unless DATABASE_URL points at a PostgreSQL server.
RUN mkdir -p /app/data && chown exportdesk:exportdesk /app/data
VOLUME ["/app/data"]
USER exportdesk
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# start.mjs wraps server.js: unserved methods answer 405, every answer carries the security headers, and the
# client address for the sign-in limits comes from the socket (server/front.mjs).
CMD ["node", "start.mjs"]
