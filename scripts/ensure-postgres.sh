#!/usr/bin/env bash
# Make sure a PostgreSQL server accepts connections on 127.0.0.1:$IZVEDBA_PG_PORT
# (default 5432) with a role `izvedba` (password `izvedba`, LOGIN CREATEDB) and
# a database `izvedba` owned by it, in UTF8.
#
# Silent when everything is already in place; prints one status line when it
# had to start a server or create the role/database. Installs Debian's
# `postgresql` package if needed and starts its cluster with pg_ctlcluster
# (no systemd needed). Runs as root, or as a user with sudo.
set -euo pipefail

PORT=${IZVEDBA_PG_PORT:-5432}
HOST=127.0.0.1
ROLE=izvedba
PASSWORD=izvedba
DB=izvedba
WAIT_SECONDS=30

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

die() {
    echo "ensure-postgres: error: $*" >&2
    exit 1
}

case "$PORT" in
    '' | *[!0-9]*) die "IZVEDBA_PG_PORT must be a port number, not '$PORT'" ;;
esac

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
    as_postgres=(runuser -u postgres --)
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
    as_postgres=(sudo -u postgres)
else
    as_root=(no_root_access)
    as_postgres=(no_root_access)
fi
no_root_access() {
    echo "not running as root and sudo is not available; as root, run: $*" >&2
    return 1
}

server_ready() {
    pg_isready -q -h "$HOST" -p "$PORT" -t 3 >/dev/null 2>&1
}

# Prints "t UTF8" when the app role can log in to its database, may create
# databases, and the cluster's template1 (which Django's test databases copy)
# is UTF8.
app_state() {
    PGPASSWORD=$PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -w -A -t -F ' ' \
        -h "$HOST" -p "$PORT" -U "$ROLE" -d "$DB" \
        -c "SELECT r.rolcreatedb, pg_encoding_to_char(t.encoding)
              FROM pg_roles r, pg_database t
             WHERE r.rolname = current_user AND t.datname = 'template1'" 2>/dev/null || true
}

# Runs SQL from stdin as the postgres superuser over the local socket.
admin_sql() {
    (cd / && "${as_postgres[@]}" psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres)
}

ensure_role_and_db() {
    admin_sql >/dev/null <<SQL || die "could not create role/database '$ROLE' as the postgres OS user on port $PORT.
    If this server is not a Debian cluster, create them yourself:
      CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
      CREATE DATABASE $DB OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0;"
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
        CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
    ELSE
        ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
    END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DB OWNER $ROLE ENCODING ''UTF8'' TEMPLATE template0'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB')
\gexec
ALTER DATABASE $DB OWNER TO $ROLE;
SQL
}

# Version directory names under /usr/lib/postgresql, highest first.
installed_versions() {
    local d
    for d in /usr/lib/postgresql/*/bin/postgres; do
        [ -x "$d" ] || continue
        d=${d#/usr/lib/postgresql/}
        echo "${d%%/*}"
    done | sort -rV
}

# Fields of the cluster configured on $PORT: "VERSION NAME STATUS".
cluster_on_port() {
    pg_lsclusters -h 2>/dev/null | awk -v port="$PORT" '$3 == port { print $1, $2, $4; exit }'
}

start_server() {
    if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(installed_versions)" ]; then
        bash "$here/ensure-system-packages.sh" postgresql
        # Installing the package may have created and started a cluster.
        if server_ready; then
            status_line="PostgreSQL installed and running on $HOST:$PORT"
            return 0
        fi
    fi

    local version name status cluster log
    read -r version name status < <(cluster_on_port) || true
    if [ -z "${version:-}" ]; then
        version=$(installed_versions | head -n 1)
        [ -n "$version" ] || die "no PostgreSQL server found under /usr/lib/postgresql"
        if pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1 == v && $2 == "main" { f = 1 } END { exit !f }'; then
            name=izvedba # "main" exists on another port: add a cluster of our own
        else
            name=main
        fi
        log=$("${as_root[@]}" pg_createcluster --encoding=UTF8 --locale=C.UTF-8 -p "$PORT" "$version" "$name" 2>&1) \
            || die "pg_createcluster $version $name failed:
$log"
        cluster="$version/$name"
        read -r version name status < <(cluster_on_port) || true
        [ -n "${version:-}" ] || die "created cluster $cluster but it is not on port $PORT"
    fi
    cluster="$version/$name"

    if [ "$status" != online ]; then
        # pg_ctlcluster itself removes a postmaster.pid left by a killed server.
        log=$("${as_root[@]}" pg_ctlcluster "$version" "$name" start 2>&1) \
            || die "could not start PostgreSQL cluster $cluster:
$log"
    fi

    local waited=0
    until server_ready; do
        if [ "$waited" -ge "$WAIT_SECONDS" ]; then
            die "PostgreSQL cluster $cluster did not accept connections on $HOST:$PORT within ${WAIT_SECONDS}s
(see /var/log/postgresql/postgresql-$version-$name.log)"
        fi
        sleep 1
        waited=$((waited + 1))
    done
    status_line="PostgreSQL $cluster started on $HOST:$PORT"
}

if ! command -v pg_isready >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
    bash "$here/ensure-system-packages.sh" postgresql
fi

status_line=""
if ! server_ready; then
    start_server
fi

state=$(app_state)
if [ "$state" != "t UTF8" ]; then
    if [ -z "$state" ] || [ "${state%% *}" != t ]; then
        ensure_role_and_db
        state=$(app_state)
        [ -n "$state" ] || die "role '$ROLE' still cannot log in to database '$DB' on $HOST:$PORT"
        status_line="${status_line:-PostgreSQL on $HOST:$PORT ready}; set up role and database '$DB'"
    fi
    encoding=${state#* }
    if [ "$encoding" != UTF8 ]; then
        die "the PostgreSQL cluster on port $PORT uses encoding $encoding, not UTF8; Django's test databases
would inherit it. Recreate it, e.g.: pg_dropcluster --stop VERSION NAME &&
pg_createcluster --encoding=UTF8 --locale=C.UTF-8 -p $PORT VERSION NAME"
    fi
fi

if [ -n "$status_line" ]; then
    echo "$status_line"
fi
