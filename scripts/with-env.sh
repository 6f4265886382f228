#!/usr/bin/env bash
# Prepares a machine for the suite and runs one of its commands. Safe to run again: each step does nothing
# when its work is already done.
#   Node 24      the project's Node, from the npm registry into .tools/ when the machine has an older one
#   packages     `npm ci` when node_modules is missing or older than package-lock.json
#   services     PostgreSQL and RabbitMQ: used when they answer; otherwise started (local install, or the
#                compose file's containers where a Docker engine runs)
#   databases    each registered service's (scripts/services.json), created when missing
#   nginx        the gateway's test runs it (test/gateway.e2e-spec.ts): installed with apt-get when missing and
#                this user may (root), otherwise named in a hint
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
NODE_VERSION=24.21.0

log() { printf '\033[1;34m[motcua]\033[0m %s\n' "$*" >&2; }

ensure_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -ge 24 ] && [ "$major" -lt 25 ]; then return; fi
  if [ ! -x "$ROOT/.tools/node_modules/.bin/node" ] || ! "$ROOT/.tools/node_modules/.bin/node" --version | grep -q "^v$NODE_VERSION$"; then
    log "installing Node $NODE_VERSION into .tools/ (this machine has $(node --version 2>/dev/null || echo none))"
    mkdir -p "$ROOT/.tools"
    [ -f "$ROOT/.tools/package.json" ] || echo '{"private":true}' > "$ROOT/.tools/package.json"
    (cd "$ROOT/.tools" && npm install --no-audit --no-fund --no-save "node@$NODE_VERSION" >&2)
  fi
  export PATH="$ROOT/.tools/node_modules/.bin:$PATH"
}

ensure_packages() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    # a node_modules shared from another checkout (a git worktree's symlink): npm ci would empty the other's
    if [ -L node_modules ]; then
      log "node_modules is a link to another checkout's and looks older than package-lock.json: run npm ci there"
      return
    fi
    log "installing packages (npm ci)"
    npm ci --no-audit --no-fund >&2
  fi
}

answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
AMQP_HOST=${AMQP_HOST:-127.0.0.1}; AMQP_PORT=${AMQP_PORT:-5672}
export PGHOST PGPORT PGUSER

ensure_services() {
  if answers "$PGHOST" "$PGPORT" && answers "$AMQP_HOST" "$AMQP_PORT"; then return; fi
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    log "starting PostgreSQL and RabbitMQ with docker compose"
    docker compose up -d --wait postgres rabbitmq >&2
  else
    if ! answers "$PGHOST" "$PGPORT" && command -v pg_ctlcluster >/dev/null 2>&1; then
      log "starting the local PostgreSQL"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start >&2 || true
    fi
    if ! answers "$AMQP_HOST" "$AMQP_PORT" && command -v rabbitmq-server >/dev/null 2>&1; then
      log "starting the local RabbitMQ"
      rabbitmq-server -detached >&2 || true
    fi
  fi
  for _ in $(seq 1 60); do
    if answers "$PGHOST" "$PGPORT" && answers "$AMQP_HOST" "$AMQP_PORT"; then return; fi
    sleep 1
  done
  log "PostgreSQL ($PGHOST:$PGPORT) or RabbitMQ ($AMQP_HOST:$AMQP_PORT) does not answer: install them (see README) or start Docker"
  exit 1
}

ensure_databases() {
  node scripts/create-databases.mjs >&2
}

ensure_nginx() {
  if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing nginx (the gateway's test runs it)"
    { apt-get update -qq && { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; }; } >&2 \
      || log "could not install nginx: the gateway's test will fail"
  else
    log "nginx is missing: the gateway's test needs it (sudo apt-get install nginx-light, or brew install nginx)"
  fi
}

prepare() { ensure_node; ensure_packages; ensure_services; ensure_databases; ensure_nginx; }

cmd=${1:-}; shift || true
case "$cmd" in
  test)
    prepare
    exec bash scripts/test.sh "$@" ;;
  jest)
    ensure_node; ensure_packages
    exec node --experimental-vm-modules node_modules/jest/bin/jest.js "$@" ;;
  start-all)
    prepare
    npm run build >&2
    exec node scripts/start-all.mjs "$@" ;;
  migrate)
    prepare
    npm run build >&2
    exec node scripts/migrate.mjs "$@" ;;
  token)
    ensure_node; ensure_packages
    exec node -r ts-node/register/transpile-only scripts/token.ts "$@" ;;
  asyncapi)
    ensure_node; ensure_packages
    exec node -r ts-node/register/transpile-only scripts/asyncapi.ts "$@" ;;
  openapi)
    # each service's document is made from its build without starting it (no database or broker needed); then the
    # typed client's types from the documents written (not with --check, which writes nothing)
    ensure_node; ensure_packages
    npm run build >&2
    node -r ts-node/register/transpile-only scripts/openapi.ts "$@" || exit $?
    case " $* " in *" --check "*) ;; *) exec node -r ts-node/register/transpile-only scripts/client.ts ;; esac ;;
  client)
    ensure_node; ensure_packages
    exec node -r ts-node/register/transpile-only scripts/client.ts "$@" ;;
  bench)
    prepare
    npm run build >&2
    TS_NODE_TRANSPILE_ONLY=1 exec node --expose-gc -r ts-node/register -r tsconfig-paths/register bench/run.ts "$@" ;;
  env)
    prepare
    if [ $# -gt 0 ]; then exec "$@"; fi ;;
  *)
    echo "usage: scripts/with-env.sh test|jest|start-all|migrate|token|asyncapi|openapi|client|bench|env [args]" >&2; exit 2 ;;
esac
