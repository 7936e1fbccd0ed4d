#!/usr/bin/env bash
# Local Apache Kafka: KRaft nodes (each broker + controller) run straight from
# Kafka's own jars (fetched by Maven through deploy/local/kafka/pom.xml),
# because this machine kind has a JDK and Maven but no Docker and no Kafka
# package. One node by default; KAFKA_BROKER_COUNT=3 (or `infra.sh up
# --brokers 3`) runs a replicated cluster. Sourced by infra.sh after lib.sh.

kafka_init_vars() {
  # The pom is the one place the version is pinned; KAFKA_VERSION overrides it
  # for experiments (the logging jars in the pom fit the 4.x line only).
  local pinned
  pinned="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "${LOCAL_DIR}/kafka/pom.xml" | head -n1)"
  KAFKA_VERSION="${KAFKA_VERSION:-${pinned}}"
  KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-${HIRING_CACHE_DIR}/kafka}"
  KAFKA_LIB_DIR="${KAFKA_LIB_DIR:-${KAFKA_HOME_DIR}/lib-${KAFKA_VERSION}}"
  KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-${KAFKA_HOME_DIR}/data}"
  KAFKA_LOG_FILE="${KAFKA_LOG_FILE:-${KAFKA_HOME_DIR}/kafka.log}"
  KAFKA_PID_FILE="${KAFKA_PID_FILE:-${KAFKA_HOME_DIR}/kafka.pid}"
  KAFKA_CLUSTER_ID_FILE="${KAFKA_HOME_DIR}/cluster.id"
  # Heap sized for a 2-core dev box / CI runner; the broker idles at ~300 MB.
  KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
  KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
  KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
  # KAFKA_BROKER_COUNT comes from env.sh (flag, variable, or the size of the
  # cluster last started here).
  [[ "${KAFKA_BROKER_COUNT}" =~ ^[1-9]$ ]] || die "KAFKA_BROKER_COUNT must be 1..9, got '${KAFKA_BROKER_COUNT}'."
}

# kafka_node <i>: points the KAFKA_NODE_* variables at node i (1-based). A
# one-node cluster keeps the historic layout directly under KAFKA_HOME_DIR;
# node i of a larger cluster lives in KAFKA_HOME_DIR/node-<i>, so switching
# sizes never mixes KRaft metadata of two clusters.
kafka_node() {
  local i="$1"
  KAFKA_NODE="${i}"
  KAFKA_NODE_PORT="$(kafka_node_port "${i}")"
  KAFKA_NODE_CONTROLLER_PORT="$(kafka_node_controller_port "${i}")"
  if ((KAFKA_BROKER_COUNT == 1)); then
    KAFKA_NODE_DIR="${KAFKA_HOME_DIR}"
    KAFKA_NODE_DATA_DIR="${KAFKA_DATA_DIR}"
    KAFKA_NODE_LOG_FILE="${KAFKA_LOG_FILE}"
    KAFKA_NODE_PID_FILE="${KAFKA_PID_FILE}"
  else
    KAFKA_NODE_DIR="${KAFKA_HOME_DIR}/node-${i}"
    KAFKA_NODE_DATA_DIR="${KAFKA_NODE_DIR}/data"
    KAFKA_NODE_LOG_FILE="${KAFKA_NODE_DIR}/kafka.log"
    KAFKA_NODE_PID_FILE="${KAFKA_NODE_DIR}/kafka.pid"
  fi
  KAFKA_NODE_OUT_FILE="${KAFKA_NODE_DIR}/kafka.out"
  KAFKA_NODE_CONFIG_FILE="${KAFKA_NODE_DIR}/server.properties"
}

# Every pid file a node of any cluster size may have left, so `down` stops
# what runs even after KAFKA_BROKER_COUNT changed.
kafka_all_pid_files() {
  printf '%s\n' "${KAFKA_PID_FILE}"
  compgen -G "${KAFKA_HOME_DIR}/node-*/kafka.pid" || true
}

kafka_voters() {
  local i voters=()
  for ((i = 1; i <= KAFKA_BROKER_COUNT; i++)); do
    voters+=("${i}@${KAFKA_HOST}:$(kafka_node_controller_port "${i}")")
  done
  (IFS=,; echo "${voters[*]}")
}

kafka_require_tools() {
  require_cmd java "Install a JDK 17+, e.g. 'apt-get install -y openjdk-17-jre-headless'."
  require_cmd mvn "Install Maven, e.g. 'apt-get install -y maven' (it fetches Kafka's jars once)."
  require_cmd node "Install Node.js 20 (the readiness probe and topic provisioning use kafkajs)."
  [[ -d "${REPO_ROOT}/node_modules/kafkajs" ]] ||
    die "node_modules/kafkajs is missing: run 'npm ci' in ${REPO_ROOT} first."
}

# Copies the broker's runtime classpath into lib-<version> once. Maven resolves
# into a temp folder that is renamed at the end, so an interrupted download
# never leaves a half-filled folder that later runs would trust.
kafka_fetch_jars() {
  if [[ -f "${KAFKA_LIB_DIR}/.complete" ]]; then
    KAFKA_FETCH_NOTE="cached"
    return 0
  fi
  local tmp="${KAFKA_LIB_DIR}.partial"
  log "fetching Apache Kafka ${KAFKA_VERSION} jars with Maven (first run only) ..."
  rm -rf "${tmp}"
  mkdir -p "${KAFKA_HOME_DIR}"
  # Maven's output goes to a log shown only on failure (it prints colour
  # resets even with -q -B). MAVEN_OPTS (e.g. -Dmaven.repo.local=...) applies.
  local mvn_log="${KAFKA_HOME_DIR}/mvn.log"
  if ! mvn -B -q -f "${LOCAL_DIR}/kafka/pom.xml" \
    -Dkafka.version="${KAFKA_VERSION}" -Dkafka.lib.dir="${tmp}" \
    dependency:copy-dependencies >"${mvn_log}" 2>&1; then
    rm -rf "${tmp}"
    tail_file "${mvn_log}"
    die "Maven could not fetch the Kafka ${KAFKA_VERSION} jars (network? ~/.m2/settings.xml mirror/proxy?). Full log: ${mvn_log}"
  fi
  [[ -n "$(compgen -G "${tmp}/kafka_2.13-*.jar")" ]] || die "Maven finished but ${tmp} holds no kafka_2.13 jar."
  echo "${KAFKA_VERSION}" >"${tmp}/.complete"
  rm -rf "${KAFKA_LIB_DIR}"
  mv "${tmp}" "${KAFKA_LIB_DIR}"
  KAFKA_FETCH_NOTE="downloaded $(find "${KAFKA_LIB_DIR}" -name '*.jar' | wc -l) jars"
}

# Rewritten on every start so port and cluster-size changes apply.
kafka_write_config() {
  mkdir -p "${KAFKA_NODE_DATA_DIR}"
  # Three replicas where three brokers exist, and writes need two of them
  # (acks=all): one broker can die without losing an acknowledged record or
  # stopping producers. A single node cannot do better than 1 / 1.
  local rf=$((KAFKA_BROKER_COUNT < 3 ? KAFKA_BROKER_COUNT : 3))
  local min_isr=$((rf >= 3 ? 2 : 1))
  cat >"${KAFKA_NODE_CONFIG_FILE}" <<PROPS
# Generated by deploy/local/kafka.sh on every 'up'; edit the script, not this file.
process.roles=broker,controller
node.id=${KAFKA_NODE}
controller.quorum.voters=$(kafka_voters)
listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_NODE_PORT},CONTROLLER://${KAFKA_HOST}:${KAFKA_NODE_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_NODE_PORT}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${KAFKA_NODE_DATA_DIR}
num.network.threads=2
num.io.threads=4
num.partitions=6
default.replication.factor=${rf}
min.insync.replicas=${min_isr}
unclean.leader.election.enable=false
# Internal topics with as many replicas as the cluster allows and one
# partition: their creation is on the critical path of the first consumer
# group / producer id.
offsets.topic.replication.factor=${rf}
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=${rf}
transaction.state.log.min.isr=${min_isr}
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=${rf}
share.coordinator.state.topic.min.isr=${min_isr}
share.coordinator.state.topic.num.partitions=1
# Tests start consumer groups constantly; do not wait 3 s for more members.
group.initial.rebalance.delay.ms=0
# Topics are provisioned explicitly (tools/provision-topics.ts): a typo in a
# topic name must fail, not silently create a 6-partition topic.
auto.create.topics.enable=false
PROPS
}

kafka_java() {
  java -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="${LOCAL_DIR}/kafka/log4j2.properties" \
    -Dhiring.kafka.log="$1" \
    -cp "${KAFKA_LIB_DIR}/*" "${@:2}"
}

# KRaft storage must be formatted once with a cluster id before the first
# start. meta.properties marks a formatted dir, so later runs skip the JVM.
# Every node of a cluster is formatted with the same id.
kafka_format() {
  if [[ -f "${KAFKA_NODE_DATA_DIR}/meta.properties" ]]; then
    KAFKA_FORMAT_NOTE="already formatted"
    return 0
  fi
  if [[ ! -s "${KAFKA_CLUSTER_ID_FILE}" ]]; then
    # A Kafka Uuid is 16 random bytes in unpadded URL-safe base64. Redraw one
    # that starts with '-': StorageTool's argument parser takes it for an option.
    local id="-"
    while [[ "${id}" == -* ]]; do
      id="$(head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    done
    printf '%s\n' "${id}" >"${KAFKA_CLUSTER_ID_FILE}"
  fi
  local format_log="${KAFKA_NODE_DIR}/format.log"
  # Static controller.quorum.voters: no --standalone. --ignore-formatted keeps
  # a re-run harmless should meta.properties have been removed by hand.
  if ! kafka_java "${format_log}" kafka.tools.StorageTool format \
    --cluster-id "$(tr -d '[:space:]' <"${KAFKA_CLUSTER_ID_FILE}")" -c "${KAFKA_NODE_CONFIG_FILE}" --ignore-formatted \
    >"${KAFKA_NODE_DIR}/format.out" 2>&1; then
    tail_file "${KAFKA_NODE_DIR}/format.out"
    tail_file "${format_log}"
    die "formatting KRaft storage in ${KAFKA_NODE_DATA_DIR} failed."
  fi
  KAFKA_FORMAT_NOTE="formatted, cluster id $(tr -d '[:space:]' <"${KAFKA_CLUSTER_ID_FILE}")"
}

kafka_pid_from() {
  local pid
  pid="$(read_pid_file "$1")"
  if pid_matches "${pid}" "kafka.Kafka"; then echo "${pid}"; fi
}

# Pid of the current node (kafka_node) when it runs.
kafka_running_pid() { kafka_pid_from "${KAFKA_NODE_PID_FILE}"; }

# Probes the node this script manages (its own listener), whatever
# KAFKA_BROKERS says for clients. --brokers N also waits until N brokers are
# registered in the cluster.
kafka_probe() {
  KAFKA_BROKERS="${KAFKA_HOST}:${KAFKA_NODE_PORT}" node "${LOCAL_DIR}/kafka/wait-ready.js" "$@"
}

kafka_start() {
  # setsid: the broker gets its own session, so it outlives this script and
  # the terminal / CI step that ran it, and a Ctrl-C here does not reach it.
  # The inner bash writes its own pid and then execs java, so the pid file
  # holds the JVM's pid whatever setsid decides about forking. 9>&- keeps
  # infra.sh's lock fd out of the broker (it would hold the lock forever).
  : >"${KAFKA_NODE_OUT_FILE}"
  # SC2016: $$ must expand in the inner bash. SC2086: KAFKA_HEAP_OPTS is a list of flags.
  # shellcheck disable=SC2016,SC2086
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "${KAFKA_NODE_PID_FILE}" \
    java ${KAFKA_HEAP_OPTS} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="${LOCAL_DIR}/kafka/log4j2.properties" \
    -Dhiring.kafka.log="${KAFKA_NODE_LOG_FILE}" \
    -cp "${KAFKA_LIB_DIR}/*" kafka.Kafka "${KAFKA_NODE_CONFIG_FILE}" \
    </dev/null >>"${KAFKA_NODE_OUT_FILE}" 2>&1 9>&- &
  # Wait for the pid file (written before exec, so within milliseconds).
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "${KAFKA_NODE_PID_FILE}" ]] && break
    sleep 0.1
  done
}

kafka_fail_start() {
  tail_file "${KAFKA_NODE_OUT_FILE}" 20
  tail_file "${KAFKA_NODE_LOG_FILE}" 40
  die "$1 (full log: ${KAFKA_NODE_LOG_FILE})"
}

# Node names in messages: plain "kafka" for the one-node default.
kafka_label() {
  if ((KAFKA_BROKER_COUNT == 1)); then echo "kafka"; else echo "kafka node ${KAFKA_NODE}"; fi
}

# A one-node and a three-node cluster of this checkout use the same first
# ports: refuse to start one while the other runs.
kafka_check_other_size() {
  local f pid
  while read -r f; do
    [[ -n "${f}" ]] || continue
    pid="$(kafka_pid_from "${f}")"
    [[ -n "${pid}" ]] || continue
    if ((KAFKA_BROKER_COUNT == 1)) && [[ "${f}" != "${KAFKA_PID_FILE}" ]]; then
      die "a ${f%/kafka.pid} node of a multi-broker cluster runs (pid ${pid}); 'infra.sh down' first, or keep KAFKA_BROKER_COUNT as it was."
    fi
    if ((KAFKA_BROKER_COUNT > 1)) && [[ "${f}" == "${KAFKA_PID_FILE}" ]]; then
      die "the single-broker Kafka runs (pid ${pid}); 'infra.sh down' first to start ${KAFKA_BROKER_COUNT} brokers."
    fi
  done < <(kafka_all_pid_files)
}

kafka_up() {
  kafka_init_vars
  kafka_require_tools
  local t0 pid rc i
  local -a to_start=()
  mkdir -p "${KAFKA_HOME_DIR}"
  kafka_check_other_size
  echo "${KAFKA_BROKER_COUNT}" >"${KAFKA_SIZE_FILE}"

  t0="$(now_ms)"
  for ((i = 1; i <= KAFKA_BROKER_COUNT; i++)); do
    kafka_node "${i}"
    mkdir -p "${KAFKA_NODE_DIR}"
    pid="$(kafka_running_pid)"
    if [[ -n "${pid}" ]]; then
      log "$(kafka_label) already running (pid ${pid}) on ${KAFKA_HOST}:${KAFKA_NODE_PORT}"
      continue
    fi
    rm -f "${KAFKA_NODE_PID_FILE}"
    if port_open "${KAFKA_HOST}" "${KAFKA_NODE_PORT}"; then
      if ((KAFKA_BROKER_COUNT == 1)) && kafka_probe --once >/dev/null 2>&1; then
        warn "a Kafka broker not started by these scripts answers on ${KAFKA_HOST}:${KAFKA_NODE_PORT}; using it as is."
        record_timing "kafka" "external broker"
        return 0
      fi
      die "port ${KAFKA_HOST}:${KAFKA_NODE_PORT} ($(kafka_label)) is taken by another process. Free it or set $(kafka_port_var "${i}")."
    fi
    if port_open "${KAFKA_HOST}" "${KAFKA_NODE_CONTROLLER_PORT}"; then
      die "controller port ${KAFKA_HOST}:${KAFKA_NODE_CONTROLLER_PORT} ($(kafka_label)) is taken. Free it or set $(kafka_controller_port_var "${i}")."
    fi
    to_start+=("${i}")
  done

  if ((${#to_start[@]} > 0)); then
    t0="$(now_ms)"
    kafka_fetch_jars
    record_timing "kafka jars" "$(fmt_ms $(($(now_ms) - t0))) (${KAFKA_FETCH_NOTE})"

    t0="$(now_ms)"
    for i in "${to_start[@]}"; do
      kafka_node "${i}"
      kafka_write_config
      kafka_format
    done
    record_timing "kafka format" "$(fmt_ms $(($(now_ms) - t0))) (${KAFKA_FORMAT_NOTE})"

    # All missing nodes start before any is probed: a KRaft quorum of three
    # answers nothing until two controllers have met.
    t0="$(now_ms)"
    for i in "${to_start[@]}"; do
      kafka_node "${i}"
      log "starting $(kafka_label) (Kafka ${KAFKA_VERSION}) on ${KAFKA_HOST}:${KAFKA_NODE_PORT} (controller ${KAFKA_HOST}:${KAFKA_NODE_CONTROLLER_PORT}) ..."
      kafka_start
      [[ -n "$(read_pid_file "${KAFKA_NODE_PID_FILE}")" ]] || kafka_fail_start "the $(kafka_label) JVM did not start."
    done
  fi

  # Every node answers, and (cluster) sees every broker registered: only then
  # can topics get all their replicas.
  for ((i = 1; i <= KAFKA_BROKER_COUNT; i++)); do
    kafka_node "${i}"
    pid="$(kafka_running_pid)"
    rc=0
    kafka_probe --timeout-ms "$((KAFKA_START_TIMEOUT * 1000))" --pid "${pid}" --brokers "${KAFKA_BROKER_COUNT}" >/dev/null || rc=$?
    case "${rc}" in
      0) ;;
      2) kafka_fail_start "$(kafka_label) exited during startup." ;;
      *) kafka_fail_start "$(kafka_label) (pid ${pid}) did not answer on ${KAFKA_HOST}:${KAFKA_NODE_PORT} with ${KAFKA_BROKER_COUNT} brokers registered within ${KAFKA_START_TIMEOUT}s (KAFKA_START_TIMEOUT; started with other ports? try 'infra.sh down' first)." ;;
    esac
    [[ " ${to_start[*]} " == *" ${i} "* ]] && log "$(kafka_label) up (pid ${pid}), log: ${KAFKA_NODE_LOG_FILE}"
  done
  if ((${#to_start[@]} > 0)); then
    record_timing "kafka start" "$(fmt_ms $(($(now_ms) - t0))) (${#to_start[@]} of ${KAFKA_BROKER_COUNT} node(s))"
  else
    record_timing "kafka" "already running ($(fmt_ms $(($(now_ms) - t0))) check)"
  fi
}

kafka_down() {
  kafka_init_vars
  local f pid label k i alive
  local -a pids=() labels=() files=()
  while read -r f; do
    [[ -n "${f}" ]] || continue
    pid="$(kafka_pid_from "${f}")"
    if [[ -z "${pid}" ]]; then
      rm -f "${f}"
      continue
    fi
    label="kafka"
    [[ "${f}" == "${KAFKA_PID_FILE}" ]] || label="kafka $(basename "$(dirname "${f}")")"
    pids+=("${pid}")
    labels+=("${label}")
    files+=("${f}")
  done < <(kafka_all_pid_files)
  if ((${#pids[@]} == 0)); then
    log "kafka not running"
    return 0
  fi
  # SIGTERM runs a controlled shutdown: logs flushed, clean-shutdown marker
  # written, so the next start skips log recovery. All nodes of a cluster get
  # it at once: stopped one by one, the last node would wait for a controller
  # quorum that left before it.
  for k in "${!pids[@]}"; do
    log "stopping ${labels[$k]} (pid ${pids[$k]}) ..."
    kill -TERM "${pids[$k]}" 2>/dev/null || true
  done
  for ((i = 0; i < KAFKA_STOP_TIMEOUT * 10; i++)); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "${pid}" 2>/dev/null && alive=1; done
    ((alive == 1)) || break
    sleep 0.1
  done
  for k in "${!pids[@]}"; do
    if kill -0 "${pids[$k]}" 2>/dev/null; then
      warn "${labels[$k]} (pid ${pids[$k]}) still alive after ${KAFKA_STOP_TIMEOUT}s; sending SIGKILL (next start will recover its logs)."
      kill -KILL "${pids[$k]}" 2>/dev/null || true
    fi
    rm -f "${files[$k]}"
  done
  log "kafka stopped"
}

kafka_status() {
  kafka_init_vars
  local pid state i rc=0
  for ((i = 1; i <= KAFKA_BROKER_COUNT; i++)); do
    kafka_node "${i}"
    pid="$(kafka_running_pid)"
    if [[ -n "${pid}" ]]; then
      if command -v node >/dev/null 2>&1 && kafka_probe --once >/dev/null 2>&1; then
        state="running, answering"
      else
        state="running, NOT answering yet"
      fi
    elif port_open "${KAFKA_HOST}" "${KAFKA_NODE_PORT}"; then
      state="port open, but not started by these scripts"
    else
      state="stopped"
    fi
    [[ -n "${pid}" ]] || rc=1
    printf '%-9s %s\n' "$(kafka_label)" "${state}"
    printf '  listener      %s:%s (controller %s:%s)\n' "${KAFKA_HOST}" "${KAFKA_NODE_PORT}" "${KAFKA_HOST}" "${KAFKA_NODE_CONTROLLER_PORT}"
    printf '  pid           %s\n' "${pid:--}"
    printf '  data dir      %s\n' "${KAFKA_NODE_DATA_DIR}"
    printf '  log           %s\n' "${KAFKA_NODE_LOG_FILE}"
  done
  printf 'kafka cluster %s broker(s), version %s\n' "${KAFKA_BROKER_COUNT}" "${KAFKA_VERSION}"
  printf '  clients use   KAFKA_BROKERS=%s\n' "${KAFKA_BROKERS}"
  printf '  jars          %s%s\n' "${KAFKA_LIB_DIR}" "$([[ -f "${KAFKA_LIB_DIR}/.complete" ]] || echo ' (not fetched)')"
  return "${rc}"
}
