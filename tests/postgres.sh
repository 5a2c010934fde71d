# A throwaway PostgreSQL server for the tests and benchmarks, sourced by test.sh and with-postgres.sh (no Docker):
# Debian's postgresql, installed when missing; a cluster initialised in a temporary folder by an unprivileged user;
# loopback only, on a free port; stopped and removed by postgres_stop. postgres_start exports ORCHESTRATOR_TEST_POSTGRES,
# the connection string the tests and benchmarks read (they create and drop databases of their own on it).

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

postgres_start() {
  local bin
  bin=$(postgres_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "== installing postgresql"
    local sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
    bin=$(postgres_bin)
  fi
  # The package's own cluster, if it started one, is left alone: ours has its own folder, port and socket.

  PG_DIR=$(mktemp -d /tmp/orchestrator-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  # PostgreSQL refuses to run as root: as root, run it as the package's unprivileged system user.
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres "$PG_DIR"
    run_as=(runuser -u postgres --)
  fi

  PG_PORT=$(postgres_free_port)
  "${run_as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U orchestrator --auth=trust --encoding=UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; return 1; }
  # Room for two server nodes and the tests' own connections; the socket stays in the folder, not in /var/run.
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c max_connections=400 -c shared_buffers=128MB ${POSTGRES_OPTIONS:-}" start >/dev/null \
    || { cat "$PG_DIR/server.log"; return 1; }
  PG_RUN_AS=("${run_as[@]}")
  PG_BIN=$bin
  export ORCHESTRATOR_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=orchestrator;Database=postgres"
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $PG_PORT"
}

postgres_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

# A loopback port nothing listens on (bash's /dev/tcp: a refused connection means free).
postgres_free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}
