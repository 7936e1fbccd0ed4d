# One image recipe for every NestJS service of the pipeline.
#
#   docker build -f deploy/docker/service.Dockerfile \
#     --build-arg SERVICE=sourcing --build-arg PORT=3001 -t hiring/sourcing .
#
# SERVICE is the Nx project name (sourcing | screening | scoring | offer); PORT
# must be that service's own default port (its config class: 3001..3004): it
# is what EXPOSE and the HEALTHCHECK use unless a PORT env var is set at run
# time. Build context: the repository root.
#
# Kept to classic Dockerfile syntax (no BuildKit-only flags such as
# RUN --mount or COPY --chmod) so that docker-compose v1, which drives the
# legacy builder, builds it too. With the legacy builder every stage is built
# even when a later one does not need it, so every stage must succeed on its own.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
# deps: the full dependency tree (dev deps included: nx, swc) for the build.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force

# ---------------------------------------------------------------------------
# builder: `nx run <service>:build` builds the service and, through
# dependsOn ^build, every lib it imports into dist/libs/...
FROM deps AS builder
ARG SERVICE
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false
COPY nx.json tsconfig.base.json tsconfig.json .swcrc ./
COPY tools/build-project.mjs tools/bundle-service.mjs tools/source-map-own.mjs ./tools/
COPY libs ./libs
COPY apps ./apps
RUN test -n "${SERVICE}" || { echo "build arg SERVICE is required (sourcing|screening|scoring|offer)" >&2; exit 1; } \
 && test -f "apps/${SERVICE}/project.json" || { echo "no such service: apps/${SERVICE}" >&2; exit 1; } \
 && npx nx run "${SERVICE}:build" --skip-nx-cache --outputStyle=stream \
 && test -f "dist/apps/${SERVICE}/src/main.js" \
 && test -f "dist/apps/${SERVICE}/src/migrate.js"

# ---------------------------------------------------------------------------
# prod-deps: runtime node_modules only (package.json "dependencies").
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
# @scarf/scarf (pulled in by swagger-ui-dist) phones home from its install script.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---------------------------------------------------------------------------
# runtime: node + production deps + the compiled service and its libs.
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT=3000
# ARG values do not reach CMD/HEALTHCHECK at run time; ENV does. In a
# container the service listens on every interface (HOST), not loopback.
# GLIBC_TUNABLES: allocations over 128 KiB (bulk bodies, Kafka fetches) get
# their own mapping, returned when freed, instead of staying in glibc's heap
# (docs/performance.md "Peak RSS: V8 and malloc settings").
# NODE_OPTIONS: below a 2048 MB old-space limit V8 grows the old generation
# to at most 2x what survived the last full collection, not 4x: peaks of
# ~170-250 MB instead of ~250-380 for ~1-6 % more of the pipeline's CPU
# (docs/performance.md "Sourcing's and screening's peaks (lane 22c)"), the
# same as deploy/local/services.sh. Kubernetes sets its own (base/config.yaml).
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    PORT=${PORT} \
    HOST=0.0.0.0 \
    GLIBC_TUNABLES=glibc.malloc.mmap_threshold=131072 \
    NODE_OPTIONS=--max-old-space-size=2047
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
# dist/apps/<service>/src/{main,migrate}.js are bundles that carry the libs;
# they require from node_modules only what tools/bundle-service.mjs keeps external.
COPY --from=builder --chown=node:node /app/dist/apps/${SERVICE} ./dist/apps/${SERVICE}
COPY deploy/docker/entrypoint.sh /usr/local/bin/hiring-entrypoint
RUN chmod 0755 /usr/local/bin/hiring-entrypoint
USER node
EXPOSE ${PORT}
# Liveness only (never depends on Kafka or the database); readiness is
# /health/ready, checked by compose / the orchestrator. No curl in slim images.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/local/bin/hiring-entrypoint"]
# Exec form does not expand variables, so go through sh for ${SERVICE}; exec
# keeps node as the process that receives SIGTERM (graceful drain).
# No --heap-growing-percent: it bounds the heap's growth but cost a third of
# the throughput (docs/performance.md). No --enable-source-maps: it keeps every
# module's source map on the heap; libs/platform maps our own frames when a
# stack is printed.
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
