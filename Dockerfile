# syntax=docker/dockerfile:1
# One image for both processes of the product; docker-compose.yml picks the command:
#   worker: node dist/worker.js        api: node dist/src/api/server.js
# The embedded Temporal dev server is not in the image (npm ci --ignore-scripts skips the
# postinstall that pip-installs it): in a container the product talks to a real cluster. Only
# better-sqlite3 runs its install (a prebuilt binary for this Node): the outbox's SQLite ledger,
# for a container started without OUTBOX_DATABASE_URL.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json worker.ts ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/var/lib/passend-onderwijs \
    PORT=3000
WORKDIR /app
# The state directory must exist and belong to the runtime user before a named volume is
# mounted on it: Docker then copies this ownership into the fresh volume.
RUN mkdir -p /var/lib/passend-onderwijs/outbox \
 && chown -R node:node /var/lib/passend-onderwijs
# Application files stay root-owned (read-only for the process).
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read at runtime next to dist/: the mail templates and the werkbak's pages and stylesheet.
COPY templates ./templates
COPY src/werkbak/views ./src/werkbak/views
COPY src/werkbak/static ./src/werkbak/static
# Non-root: the `node` user (uid 1000) of the official image.
USER node
EXPOSE 3000
CMD ["node", "dist/worker.js"]
