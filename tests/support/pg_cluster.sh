#!/usr/bin/env bash
# pg_cluster.sh start|stop DIR — a private PostgreSQL cluster for the tests
# (ctest fixture "pg"): initdb and pg_ctl from Debian's postgresql package,
# a Unix socket in DIR, no TCP port, trust for the socket only. Run as root
# (CI, this shell), the cluster belongs to `nobody`: PostgreSQL refuses root.
# The tests connect as superuser "district": postgresql://district@/postgres?host=DIR
# Missing binaries fail here, and with them every PostgreSQL test (not skipped).
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?socket and data directory}

bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && bindir=$d; done
if [ -z "$bindir" ]; then
  echo "pg_cluster: PostgreSQL server binaries not found (bash scripts/setup.sh installs postgresql)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "$cmd" in
  stop) stop ;;
  start)
    stop
    mkdir -p "$dir"
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown nobody "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U district --auth=trust --no-sync -E UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # Durability is not what these tests measure (the benches say so too);
    # max_connections covers 4 servers x 16 threads plus the tests.
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    psql -q -h "$dir" -U district -d postgres -c "SELECT 1" >/dev/null
    echo "pg_cluster: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
