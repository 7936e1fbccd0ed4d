#!/usr/bin/env bash
# Validates the container setup without a Docker engine:
#   1. `docker-compose config -q` on docker-compose.yml (schema, interpolation,
#      anchors, depends_on conditions) -- docker-compose v1 (Debian package
#      `docker-compose`) or Compose v2 (`docker compose`), whichever exists;
#   2. a small Dockerfile lint of deploy/docker/*.Dockerfile: known instructions,
#      every `COPY --from=` / `FROM <stage>` names an earlier stage, COPY sources
#      exist in the build context and are not dropped by .dockerignore, no
#      BuildKit-only syntax (docker-compose v1 uses the legacy builder);
#   3. compose cross-checks: build files exist, build arg SERVICE names an app
#      under apps/, long-running services have a healthcheck, images are pinned.
#
# Usage: bash deploy/docker/check-compose.sh     (exit 0 = all good)
# Env:   COMPOSE_BIN="docker compose" to force a tool.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COMPOSE_FILE="${ROOT}/docker-compose.yml"
say() { printf '[check-compose] %s\n' "$*"; }
die() { printf '[check-compose] ERROR: %s\n' "$*" >&2; exit 1; }

[[ -f "${COMPOSE_FILE}" ]] || die "${COMPOSE_FILE} not found"

# --- 1. compose schema ------------------------------------------------------
compose=()
if [[ -n "${COMPOSE_BIN:-}" ]]; then
  read -r -a compose <<<"${COMPOSE_BIN}"
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  die "no Compose tool found: install the Debian package (sudo apt-get update && sudo apt-get install -y docker-compose) or the Docker Compose v2 plugin, then re-run."
fi
version="$("${compose[@]}" version 2>/dev/null | head -n1 || true)"
say "using ${compose[*]} (${version:-version unknown})"

# Interpolation defaults live in the file (${VAR:-default}); ignore any .env of
# the caller so the check is reproducible.
config_out="$(mktemp)"
trap 'rm -f "${config_out}"' EXIT
if ! (cd "${ROOT}" && "${compose[@]}" -f "${COMPOSE_FILE}" --project-directory "${ROOT}" config -q); then
  die "docker-compose.yml is invalid (see the messages above)"
fi
(cd "${ROOT}" && "${compose[@]}" -f "${COMPOSE_FILE}" --project-directory "${ROOT}" config >"${config_out}")
say "docker-compose.yml: config OK"

# --- 2 + 3. Dockerfile lint and cross-checks ---------------------------------
command -v python3 >/dev/null 2>&1 || die "python3 is needed for the Dockerfile lint (apt-get install -y python3)"

python3 - "${ROOT}" "${config_out}" <<'PY' || die "Dockerfile / compose lint failed (see the messages above)"
import fnmatch, glob, os, re, sys

root, config_path = sys.argv[1], sys.argv[2]
errors, warnings = [], []

KNOWN = {"FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
         "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}

def dockerignore_patterns():
    path = os.path.join(root, ".dockerignore")
    if not os.path.exists(path):
        return []
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out

IGNORE = dockerignore_patterns()

def ignored(rel):
    """Approximates Docker's matcher: last matching pattern wins, '!' re-includes."""
    rel = os.path.normpath(rel)
    parts = rel.split(os.sep)
    verdict = False
    for pat in IGNORE:
        neg = pat.startswith("!")
        p = os.path.normpath(pat[1:] if neg else pat).lstrip("/")
        prefixes = [os.sep.join(parts[:i]) for i in range(1, len(parts) + 1)]
        hit = any(fnmatch.fnmatch(pre, p) for pre in prefixes)
        if p.startswith("**" + os.sep):
            hit = hit or any(fnmatch.fnmatch(pre.split(os.sep)[-1], p[3:]) for pre in prefixes)
        if hit:
            verdict = not neg
    return verdict

def logical_lines(text):
    buf, start = "", None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not buf and (not line.strip() or line.lstrip().startswith("#")):
            if n == 1 and re.match(r"#\s*syntax\s*=", line):
                yield n, "#SYNTAX"
            continue
        if buf and line.lstrip().startswith("#"):
            continue  # comment inside a continuation
        if start is None:
            start = n
        if line.endswith("\\"):
            buf += line[:-1] + " "
            continue
        buf += line
        yield start, buf.strip()
        buf, start = "", None
    if buf:
        yield start, buf.strip()

def lint(path):
    rel = os.path.relpath(path, root)
    stages, n_from, has_cmd = [], 0, False
    text = open(path, encoding="utf-8").read()
    for lineno, line in logical_lines(text):
        where = f"{rel}:{lineno}"
        if line == "#SYNTAX":
            errors.append(f"{where}: '# syntax=' directive needs BuildKit; docker-compose v1 uses the legacy builder")
            continue
        instr, _, rest = line.partition(" ")
        instr = instr.upper()
        if instr not in KNOWN:
            errors.append(f"{where}: unknown instruction {instr!r}")
            continue
        if "<<" in rest and instr in ("RUN", "COPY") and re.search(r"<<-?\s*['\"]?[A-Z]+", rest):
            errors.append(f"{where}: heredoc needs BuildKit")
        flags = re.findall(r"(?:^|\s)--([a-z-]+)(?:=(\S+))?", rest)
        if instr == "FROM":
            n_from += 1
            has_cmd = False
            m = re.match(r"(?:--platform=\S+\s+)?(\S+)(?:\s+[Aa][Ss]\s+(\S+))?\s*$", rest)
            if not m:
                errors.append(f"{where}: cannot parse FROM {rest!r}")
                continue
            image, name = m.group(1), m.group(2)
            if name:
                if name.lower() in stages:
                    errors.append(f"{where}: stage name {name!r} used twice")
                stages.append(name.lower())
            else:
                stages.append(f"#{n_from - 1}")
        elif n_from == 0 and instr != "ARG":
            errors.append(f"{where}: {instr} before the first FROM")
        if instr == "RUN" and any(f == "mount" for f, _ in flags):
            errors.append(f"{where}: RUN --mount needs BuildKit")
        if instr in ("COPY", "ADD"):
            for f, v in flags:
                if f in ("chmod", "link", "parents", "exclude"):
                    errors.append(f"{where}: {instr} --{f} needs BuildKit")
            src_from = dict(flags).get("from")
            if src_from:
                ref = src_from.lower()
                earlier = stages[:-1]
                if ref.isdigit():
                    if int(ref) >= len(stages) - 1:
                        errors.append(f"{where}: COPY --from={src_from}: no earlier stage with that index")
                elif ref not in earlier and not re.search(r"[:/]", ref):
                    errors.append(f"{where}: COPY --from={src_from}: no earlier stage named so (stages: {', '.join(earlier) or 'none'})")
                elif ref == stages[-1]:
                    errors.append(f"{where}: COPY --from={src_from}: a stage cannot copy from itself")
            elif instr == "COPY":
                args = re.sub(r"(?:^|\s)--[a-z-]+(?:=\S+)?", " ", rest).split()
                if rest.lstrip().startswith("["):
                    import json
                    args = json.loads(rest[rest.index("["):])
                for src in args[:-1]:
                    if "$" in src:
                        continue
                    matches = glob.glob(os.path.join(root, src))
                    if not matches:
                        errors.append(f"{where}: COPY source {src!r} does not exist in the build context")
                    elif all(ignored(os.path.relpath(m, root)) for m in matches):
                        errors.append(f"{where}: COPY source {src!r} is excluded by .dockerignore")
        if instr in ("CMD", "ENTRYPOINT"):
            has_cmd = True
    if n_from == 0:
        errors.append(f"{rel}: no FROM")
    elif not has_cmd:
        warnings.append(f"{rel}: final stage sets no CMD/ENTRYPOINT of its own")
    return stages

dockerfiles = sorted(glob.glob(os.path.join(root, "deploy", "docker", "*.Dockerfile")))
if not dockerfiles:
    errors.append("no deploy/docker/*.Dockerfile found")
for path in dockerfiles:
    stages = lint(path)
    print(f"[check-compose] {os.path.relpath(path, root)}: stages {', '.join(stages)}")

# Compose cross-checks on the resolved config.
try:
    import yaml
except ImportError:
    yaml = None
    warnings.append("python3-yaml missing: compose cross-checks skipped")
if yaml:
    cfg = yaml.safe_load(open(config_path, encoding="utf-8")) or {}
    services = cfg.get("services") or {}
    for name, svc in services.items():
        build = svc.get("build")
        if isinstance(build, dict):
            ctx = build.get("context", root)
            df = os.path.join(ctx, build.get("dockerfile", "Dockerfile"))
            if not os.path.isfile(df):
                errors.append(f"services.{name}: dockerfile {df} not found")
            args = build.get("args") or {}
            if isinstance(args, list):
                args = dict(a.split("=", 1) for a in args if "=" in a)
            svc_arg = args.get("SERVICE")
            if svc_arg is not None and not os.path.isfile(os.path.join(root, "apps", str(svc_arg), "project.json")):
                errors.append(f"services.{name}: build arg SERVICE={svc_arg} is not an app (apps/{svc_arg}/project.json missing)")
        elif not svc.get("image"):
            errors.append(f"services.{name}: neither build nor image")
        image = svc.get("image", "")
        if not build and (":" not in image.rsplit("/", 1)[-1] or image.endswith(":latest")):
            errors.append(f"services.{name}: image {image!r} is not pinned to a tag")
        one_shot = str(svc.get("restart", "no")) == "no"
        if not one_shot and not svc.get("healthcheck"):
            errors.append(f"services.{name}: long-running service without a healthcheck")
        deps = svc.get("depends_on") or {}
        for dep, spec in (deps.items() if isinstance(deps, dict) else ((d, {}) for d in deps)):
            if dep not in services:
                errors.append(f"services.{name}: depends_on unknown service {dep!r}")
                continue
            cond = (spec or {}).get("condition")
            if cond == "service_healthy" and not services[dep].get("healthcheck"):
                errors.append(f"services.{name}: waits for {dep} healthy, but {dep} has no healthcheck")
    print(f"[check-compose] compose cross-checks: {len(services)} services")

for w in warnings:
    print(f"[check-compose] WARN: {w}")
for e in errors:
    print(f"[check-compose] ERROR: {e}", file=sys.stderr)
sys.exit(1 if errors else 0)
PY
say "all checks passed"
