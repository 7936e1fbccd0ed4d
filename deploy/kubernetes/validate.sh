#!/usr/bin/env bash
# Lint tier: renders every Kustomize overlay and validates each object with
# kubeconform -strict against the schemas vendored in schemas/ (built-in
# kinds of Kubernetes 1.36, and the CRDs of Strimzi, CloudNativePG and KEDA;
# see schemas/sources.md). No network at validation time: an object without a
# vendored schema fails. Also checks the KafkaTopics match the topic catalogue.
#
# Tools are installed once into .cache/tools/bin with `go install` (pinned):
# kubeconform always; kustomize only when neither kustomize nor kubectl
# (which embeds it) is on PATH.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${DIR}/../.." && pwd)"
TOOLS="${HIRING_CACHE_DIR:-${REPO_ROOT}/.cache}/tools/bin"
KUBECONFORM_VERSION=v0.8.0
KUSTOMIZE_VERSION=v5.8.1

say() { printf '[kubernetes] %s\n' "$*"; }
die() { printf '[kubernetes] ERROR: %s\n' "$*" >&2; exit 1; }

go_install() {
  command -v go >/dev/null 2>&1 || die "'go' not found: install Go 1.22+ (it builds $1 once into ${TOOLS})."
  say "installing $1 (first run only) ..."
  mkdir -p "${TOOLS}"
  GOBIN="${TOOLS}" GOFLAGS=-buildvcs=false go install "$1" || die "go install $1 failed (network to the Go module proxy?)"
}

# `go install` builds carry no version string: a marker file records it.
kubeconform="${TOOLS}/kubeconform"
if [[ ! -x "${kubeconform}" || "$(cat "${kubeconform}.version" 2>/dev/null)" != "${KUBECONFORM_VERSION}" ]]; then
  go_install "github.com/yannh/kubeconform/cmd/kubeconform@${KUBECONFORM_VERSION}"
  echo "${KUBECONFORM_VERSION}" >"${kubeconform}.version"
fi

render() {
  if [[ -x "${TOOLS}/kustomize" ]]; then
    "${TOOLS}/kustomize" build "$1"
  elif command -v kustomize >/dev/null 2>&1; then
    kustomize build "$1"
  elif command -v kubectl >/dev/null 2>&1; then
    kubectl kustomize "$1"
  else
    [[ -x "${TOOLS}/kustomize" ]] || go_install "sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}"
    "${TOOLS}/kustomize" build "$1"
  fi
}

(cd "${REPO_ROOT}" && node -r @swc-node/register tools/kubernetes/kafka-topics.ts --check)

out="$(mktemp -d)"
trap 'rm -rf "${out}"' EXIT
for k in "${DIR}/base" "${DIR}"/overlays/*/; do
  name="$(basename "${k}")"
  render "${k}" >"${out}/${name}.yaml" || die "kustomize could not render ${k}"
  "${kubeconform}" -strict -summary -output text \
    -schema-location "${DIR}/schemas/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json" \
    "${out}/${name}.yaml" || die "${name}: invalid manifests (above)"
done
say "manifests valid"
