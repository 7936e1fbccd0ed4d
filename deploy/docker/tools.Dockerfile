# One-shot jobs that run TypeScript from source with @swc-node/register
# (a dev dependency), today: provisioning the Kafka topics.
#
#   docker build -f deploy/docker/tools.Dockerfile -t hiring/tools .
#   docker run --rm -e KAFKA_BROKERS=kafka:9092 hiring/tools
#
# tools/provision-topics.ts reads TOPIC_SPECS from libs/contracts through the
# @hiring/contracts path alias; swc-node takes the aliases from tsconfig.json
# (which extends tsconfig.base.json) in the working directory. It exits 0 when
# every topic exists with at least its specified partitions, so compose can
# gate the services on `service_completed_successfully`.
# Classic Dockerfile syntax only, so docker-compose v1 (legacy builder) builds it.

ARG NODE_IMAGE=node:20-bookworm-slim
FROM ${NODE_IMAGE}
WORKDIR /app
ENV SCARF_ANALYTICS=false \
    NX_DAEMON=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY tsconfig.base.json tsconfig.json .swcrc ./
COPY libs/contracts ./libs/contracts
COPY tools/provision-topics.ts ./tools/provision-topics.ts
USER node
ENV KAFKA_BROKERS=kafka:9092
CMD ["node", "-r", "@swc-node/register", "tools/provision-topics.ts"]
