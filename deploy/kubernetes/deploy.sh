#!/usr/bin/env bash
# Rolls the pipeline out to the current kubectl context, migrations first:
#   bash deploy/kubernetes/deploy.sh [overlay dir]   (default overlays/production)
# Needs the Strimzi, CloudNativePG and KEDA operators installed, and the
# Secrets hiring-ops and hiring-key-service (key token each) and
# hiring-personal-data (docs/scaling.md) in the namespace.
#  1. platform objects (namespace, config, Kafka, topics, users, Postgres);
#  2. waits until Kafka and Postgres are ready;
#  3. the migrations Job (the previous one is deleted: a Job's pod template
#     is immutable), and waits until it completes;
#  4. everything else (Deployments, Services, PDBs, autoscalers).
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OVERLAY="${1:-${DIR}/overlays/production}"
NS="$(kubectl kustomize "${OVERLAY}" | sed -n 's/^  namespace: //p' | head -n1)"
NS="${NS:-default}"
TIMEOUT="${DEPLOY_TIMEOUT:-900s}"

kubectl apply -k "${OVERLAY}" -l app.kubernetes.io/component=platform
kubectl -n "${NS}" wait kafka/hiring --for=condition=Ready --timeout="${TIMEOUT}"
kubectl -n "${NS}" wait cluster.postgresql.cnpg.io/hiring-db --for=condition=Ready --timeout="${TIMEOUT}"
kubectl -n "${NS}" delete job hiring-migrate --ignore-not-found
kubectl apply -k "${OVERLAY}" -l app.kubernetes.io/component=migrations
kubectl -n "${NS}" wait job/hiring-migrate --for=condition=Complete --timeout="${TIMEOUT}"
kubectl apply -k "${OVERLAY}"
for d in sourcing screening scoring offer monitor; do
  kubectl -n "${NS}" rollout status "deployment/${d}" --timeout="${TIMEOUT}"
done
