#!/bin/sh
# Entrypoint of the service images. INSTANCE_ID defaults to the process id,
# which is the same small number in every container; default it to the
# container hostname (unique per replica) instead, then run the command.
#
#   docker run IMAGE            -> the service (CMD)
#   docker run IMAGE migrate    -> the explicit migrations step, then exit
set -e
: "${INSTANCE_ID:=$(hostname)}"
export INSTANCE_ID
if [ "$1" = "migrate" ]; then
  shift
  exec node "dist/apps/${SERVICE}/src/migrate.js" "$@"
fi
exec "$@"
