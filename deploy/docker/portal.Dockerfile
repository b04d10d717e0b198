# syntax=docker/dockerfile:1.20
# The citizen portal (services/web) as static files behind nginx, non-root. It proxies
# nothing: the ingress sends /api to the gateway (docker compose mounts a proxy in its place).
# Build context: the repository root (portal.Dockerfile.dockerignore beside this file applies).
#   docker build -f deploy/docker/portal.Dockerfile -t openday/portal .
ARG NODE_IMAGE=node:24-bookworm-slim
# nginx built to run as an unprivileged user (uid 101) on port 8080; pin a digest in CI.
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:stable-alpine

# ---- build: the workspace's dependencies, then the web project's own build
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true NX_DAEMON=false NX_TUI=false NX_NO_CLOUD=true NX_INTERACTIVE=false
COPY package.json package-lock.json .npmrc ./
# Every workspace's package.json in its folder, so npm sees the same workspaces as the lockfile.
COPY --parents libs/*/package.json services/*/package.json tools/*/package.json scripts/package.json e2e/package.json e2e-portal/package.json ./
# npm install, not npm ci: the lockfile is made on one platform and lacks other platforms' optional binaries
RUN npm install --no-audit --no-fund
COPY nx.json tsconfig.base.json jest.preset.js eslint.config.mjs ./
# the portal imports the domain's identity rules from source (see services/web/vite.config.ts)
COPY libs/ libs/
COPY services/web/ services/web/
RUN npx nx run @openday/web:build --outputStyle=static && test -f services/web/dist/index.html

# ---- runtime: the built files and the nginx configuration, nothing else
FROM ${NGINX_IMAGE} AS runtime
COPY deploy/docker/portal/default.conf /etc/nginx/conf.d/default.conf
COPY deploy/docker/portal/security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY deploy/docker/portal/api.conf /etc/nginx/portal.d/api.conf
COPY --from=build /app/services/web/dist/ /usr/share/nginx/html/
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
