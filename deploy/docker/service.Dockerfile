# syntax=docker/dockerfile:1.20
# One image recipe for every deployable; SERVICE picks which. Build context: the repository root.
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=gateway -t openday/gateway .
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- manifests: only what npm needs, so the install layers stay cached
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# Every workspace's package.json in its folder (COPY --parents is GA since dockerfile 1.20).
COPY --parents libs/*/package.json services/*/package.json tools/*/package.json scripts/package.json e2e/package.json e2e-portal/package.json ./

# ---- production dependencies only (npm install, not npm ci: the lockfile is
#      made on one platform and lacks other platforms' optional binaries)
FROM manifests AS prod-deps
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- build: all dependencies, compile the libraries this service needs and the service
FROM manifests AS build
ARG SERVICE
ENV CI=true NX_DAEMON=false NX_TUI=false NX_NO_CLOUD=true NX_INTERACTIVE=false
RUN npm install --no-audit --no-fund
COPY nx.json tsconfig.base.json jest.preset.js eslint.config.mjs ./
COPY libs/ libs/
COPY services/${SERVICE}/ services/${SERVICE}/
RUN test -n "${SERVICE}" && npx nx run ${SERVICE}:build --outputStyle=static
# collect every workspace's package.json (so node_modules/@openday/* links resolve)
# and every dist/ that was built (this service and the libraries it depends on)
RUN set -eu; mkdir -p /out; \
    for dir in libs/* services/* e2e; do \
      [ -f "$dir/package.json" ] || continue; \
      mkdir -p "/out/$dir"; cp "$dir/package.json" "/out/$dir/"; \
      if [ -d "$dir/dist" ]; then cp -R "$dir/dist" "/out/$dir/"; fi; \
    done; \
    test -f "/out/services/${SERVICE}/dist/main.js"

# ---- runtime
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    PORT=${PORT}
WORKDIR /app
COPY --from=prod-deps /app/package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /out/ ./
USER node
EXPOSE ${PORT}
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["sh", "-c", "exec node services/${SERVICE}/dist/main.js"]
