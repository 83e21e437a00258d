# Sourced by run.sh (uses its helpers): roles with SCRAM-SHA-256 passwords, host rules, TLS,
# a role without privileges reading nothing, statement_timeout, idle_in_transaction timeout
# and max_connections, with real psql.

# expect_error NAME TEXT COMMAND...: COMMAND's output (stdout and stderr) contains TEXT.
expect_error() {
  local name=$1 want=$2 got
  shift 2
  got=$("$@" 2>&1)
  case "$got" in *"$want"*) pass ;; *) fail "$name: got '$got', expected '$want'" ;; esac
}

# Roles and tables, made under trust (tester names no role: it runs as heliosdb).
start_server "$work/authdb" --max-connections 1 || { echo "$passed passed, $((failed + 1)) failed"; exit 1; }
expect "roles setup" "ALTER ROLE
CREATE ROLE
CREATE ROLE
CREATE TABLE
INSERT 0 2
CREATE TABLE
INSERT 0 1
GRANT" "ALTER ROLE heliosdb PASSWORD 'adminpw';
CREATE ROLE alice LOGIN PASSWORD 'alicepw';
CREATE ROLE locked PASSWORD 'lockedpw';
CREATE TABLE secret (id int PRIMARY KEY, v text);
INSERT INTO secret VALUES (1, 'x'), (2, 'y');
CREATE TABLE pub (id int);
INSERT INTO pub VALUES (1);
GRANT SELECT ON pub TO alice"
# max_connections: one idle session holds the only slot.
mkfifo "$work/hold"
psql -X -q < "$work/hold" > /dev/null 2>&1 &
holder=$!
disown $holder
exec 5> "$work/hold"
sleep 0.5
expect_error "max_connections" "sorry, too many clients already" psql -X -At -c "SELECT 1"
exec 5>&-
kill_client $holder
expect_error "no TLS configured: sslmode=require refused" "server does not support SSL" \
  psql -X -At "sslmode=require" -c "SELECT 1"
stop_server TERM "trust server stops"

# Host rules and TLS with a self-signed certificate made here.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$work/server.key" -out "$work/server.crt" > /dev/null 2>&1
cat > "$work/hba.conf" << 'HBA'
# blocked may never connect in the clear; everyone else needs a password
hostnossl all blocked 127.0.0.1/32 reject
host      all all     127.0.0.1/32 scram-sha-256
HBA
start_server "$work/authdb" --hba "$work/hba.conf" --tls-cert "$work/server.crt" \
  --tls-key "$work/server.key" || { echo "$passed passed, $((failed + 1)) failed"; exit 1; }
got=$(PGPASSWORD=alicepw psql -X -At -U alice -c "SELECT count(*) FROM pub" 2>&1)
[ "$got" = "1" ] && pass || fail "alice with her password: $got"
expect_error "wrong password" 'password authentication failed for user "alice"' \
  env PGPASSWORD=wrong psql -X -At -U alice -c "SELECT 1"
expect_error "no password" "no password supplied" psql -X -At -w -U alice -c "SELECT 1"
expect_error "unknown role" 'password authentication failed for user "nobody"' \
  env PGPASSWORD=alicepw psql -X -At -U nobody -c "SELECT 1"
expect_error "NOLOGIN role" 'role "locked" is not permitted to log in' \
  env PGPASSWORD=lockedpw psql -X -At -U locked -c "SELECT 1"
expect_error "host rule reject" "pg_hba.conf rejects connection" \
  env PGPASSWORD=x psql -X -At "sslmode=disable user=blocked" -c "SELECT 1"
got=$(PGPASSWORD=adminpw psql -X -At "sslmode=require user=heliosdb" -c '\conninfo' 2>&1)
case "$got" in *"SSL connection"*) pass ;; *) fail "TLS with sslmode=require: $got" ;; esac
got=$(PGPASSWORD=adminpw psql -X -At "sslmode=require user=heliosdb" -c "SELECT count(*) FROM secret" 2>&1)
[ "$got" = "2" ] && pass || fail "superuser over TLS: $got"

# A role without SELECT reads nothing, through any query shape, COPY included.
for sql in "SELECT * FROM secret" "SELECT p.id FROM pub p JOIN secret s ON s.id = p.id" \
    "SELECT * FROM pub WHERE id IN (SELECT id FROM secret)" \
    "WITH c AS (SELECT * FROM secret) SELECT * FROM c" "COPY secret TO STDOUT" \
    "COPY (SELECT v FROM secret) TO STDOUT" "EXPLAIN ANALYZE SELECT * FROM secret"; do
  expect_error "alice: $sql" "permission denied for table secret" \
    env PGPASSWORD=alicepw psql -X -At -U alice -c "$sql"
done
expect_error "alice: COPY FROM" "permission denied for table secret" \
  env PGPASSWORD=alicepw psql -X -At -U alice -c "COPY secret FROM STDIN" <<< "3	z"

# statement_timeout with pg_sleep; idle_in_transaction_session_timeout closes the session.
expect_error "statement_timeout" "canceling statement due to statement timeout" \
  env PGPASSWORD=alicepw psql -X -At -U alice -c "SET statement_timeout = 200" \
  -c "SELECT pg_sleep(5)"
mkfifo "$work/idle_tx"
PGPASSWORD=alicepw psql -X -q -U alice < "$work/idle_tx" > "$work/idle_tx.out" 2>&1 &
idler=$!
disown $idler
exec 6> "$work/idle_tx"
echo "SET idle_in_transaction_session_timeout = 300; BEGIN; SELECT 1;" >&6
sleep 1.5
echo "SELECT 2;" >&6
exec 6>&-
for _ in $(seq 50); do kill -0 $idler 2> /dev/null || break; sleep 0.1; done
kill_client $idler
got=$(cat "$work/idle_tx.out")
case "$got" in *"terminating connection due to idle-in-transaction timeout"*) pass ;;
  *) fail "idle_in_transaction_session_timeout: $got" ;; esac
stop_server TERM "password server stops"

# --auth scram-sha-256 without host rules: the password is required of everyone.
start_server "$work/authdb" --auth scram-sha-256 || { echo "$passed passed, $((failed + 1)) failed"; exit 1; }
expect_error "scram: no password for heliosdb" "no password supplied" \
  psql -X -At -w -U heliosdb -c "SELECT 1"
got=$(PGPASSWORD=adminpw psql -X -At -U heliosdb -c "SELECT 1" 2>&1)
[ "$got" = "1" ] && pass || fail "scram: heliosdb with its password: $got"
stop_server TERM "scram server stops"
