#!/usr/bin/env bash
# The one test command:  bash scripts/test.sh  [extra `dotnet test` arguments, e.g. --filter Browser]
#
# On a fresh Debian 12 with only the .NET SDK it first installs what the tests need (Debian's
# chromium, for the browser tests; python3-aiosmtpd and dovecot-imapd, the SMTP and IMAP servers of the mail tests;
# postgresql-15, whose binaries the PostgreSQL tests start a temporary cluster with; redis-server, the
# SignalR backplane of the several-servers tests), then runs the whole test project in Release, writes
# .test-results/results.trx (and screenshots under .test-results/screenshots/), then the Core tests
# again on PostgreSQL (.test-results/postgres.trx; only when run without arguments), and ends with one
# line of its own, alone on the last line, which CI reads:
#     tests: N passed, N failed, N skipped
# Exit code: 0 only when the build succeeded and no test failed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$repo/.test-results"
trx="$results/results.trx"

say() { printf 'test.sh: %s\n' "$*"; }
summary() { printf 'tests: %s passed, %s failed, %s skipped\n' "$1" "$2" "$3"; }

# --- what the tests need -------------------------------------------------------------------------
# apt_install PACKAGE...: Debian packages, as root or through sudo (never waiting for a password in CI).
apt_install() {
    local -a root=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            say "not root and no sudo: install it yourself with 'apt-get install -y $*'"
            return 1
        fi
        root=(sudo)
        [ -t 0 ] || root=(sudo -n)   # no terminal (CI): never wait for a password
    fi
    "${root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
    "${root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" || return 1
}

ensure_chromium() {
    [ -x /usr/bin/chromium ] && return 0
    say "/usr/bin/chromium is missing: installing Debian's chromium package (browser tests drive it)"
    apt_install chromium && [ -x /usr/bin/chromium ]
}

# The mail tests start a real SMTP server on loopback: aiosmtpd, run by Debian's own python3.
ensure_aiosmtpd() {
    /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 && return 0
    say "python3-aiosmtpd is missing: installing it (the mail tests run a real SMTP server)"
    apt_install python3-aiosmtpd && /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1
}

if ! ensure_chromium; then
    # Carry on: the browser tests then fail with a message naming the missing browser.
    say "WARNING: could not install chromium; browser tests will fail"
fi
# The mail intake tests start a real IMAP server on loopback: Debian's Dovecot (the package does
# not start the system service here; the tests run their own instance).
ensure_dovecot() {
    [ -x /usr/sbin/dovecot ] && return 0
    say "dovecot-imapd is missing: installing it (the mail intake tests run a real IMAP server)"
    apt_install dovecot-imapd && [ -x /usr/sbin/dovecot ]
}

if ! ensure_dovecot; then
    say "WARNING: could not install dovecot-imapd; the mail intake tests will fail"
fi

if ! ensure_aiosmtpd; then
    say "WARNING: could not install python3-aiosmtpd; the mail delivery tests will fail"
fi

# The Core tests run a second time on PostgreSQL 15, and the PostgreSQL tests start their own
# temporary cluster with Debian's binaries (initdb, pg_ctl; run as the postgres user under root).
ensure_postgres() {
    [ -x /usr/lib/postgresql/15/bin/initdb ] && [ -x /usr/lib/postgresql/15/bin/pg_ctl ] && return 0
    say "postgresql-15 is missing: installing it (the tests run a temporary PostgreSQL cluster)"
    apt_install postgresql-15 && [ -x /usr/lib/postgresql/15/bin/initdb ]
}

if ! ensure_postgres; then
    say "WARNING: could not install postgresql-15; the PostgreSQL tests will fail"
fi

# The several-servers tests run a real Redis (the SignalR backplane) on loopback, and stop and start it
# for the outage test: Debian's redis-server (the tests start their own instance, never the service).
ensure_redis() {
    [ -x /usr/bin/redis-server ] && return 0
    say "redis-server is missing: installing it (the several-servers tests run a real Redis)"
    apt_install redis-server && [ -x /usr/bin/redis-server ]
}

if ! ensure_redis; then
    say "WARNING: could not install redis-server; the Redis backplane tests will fail"
fi

if ! command -v dotnet >/dev/null 2>&1; then
    if [ -x "$HOME/.dotnet/dotnet" ]; then
        export PATH="$HOME/.dotnet:$PATH"
    else
        say "the .NET SDK ('dotnet') is not on PATH"
        summary 0 1 0
        exit 1
    fi
fi

# --- run -----------------------------------------------------------------------------------------
rm -rf "$results"                  # never report (or show screenshots of) a previous run
mkdir -p "$results"

set +e
dotnet test Helpdesk.Tests/Helpdesk.Tests.csproj -c Release \
    --results-directory "$results" \
    --logger "trx;LogFileName=results.trx" \
    --logger "console;verbosity=normal" \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    "$@" </dev/null
rc=$?

# Second pass, only for a full run (no extra arguments): the Core suite on PostgreSQL. Tests marked
# [Trait("Database", "SqliteOnly")] (SQLite's own query plans, pragmas) stay out of it.
pg_trx="$results/postgres.trx"
if [ "$#" -eq 0 ] && [ -f "$trx" ]; then
    say "second pass: the Core tests on PostgreSQL"
    HELPDESK_TEST_DATABASE=PostgreSQL dotnet test Helpdesk.Tests/Helpdesk.Tests.csproj -c Release --no-build \
        --filter "FullyQualifiedName~Helpdesk.Tests.Core&Database!=SqliteOnly" \
        --results-directory "$results" \
        --logger "trx;LogFileName=postgres.trx" \
        --logger "console;verbosity=normal" \
        --blame-hang-timeout 10m --blame-hang-dump-type none </dev/null
    pg_rc=$?
    [ "$pg_rc" -eq 0 ] || rc=$pg_rc
    if [ ! -f "$pg_trx" ]; then
        say "no PostgreSQL pass results at $pg_trx (dotnet test exit code $pg_rc)"
        rc=1
    fi
fi
set -e

# --- summary (always the last line) --------------------------------------------------------------
if [ ! -f "$trx" ]; then
    say "no test results at $trx: the build or the test run failed (dotnet test exit code $rc)"
    summary 0 1 0
    exit 1
fi

# <Counters total= executed= passed= failed= error= timeout= aborted= ... notExecuted= ... />
# summed over both passes (SQLite, then the Core tests on PostgreSQL).
counters="$(tr -d '\r\n' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
pg_counters=""
[ -f "$pg_trx" ] && pg_counters="$(tr -d '\r\n' <"$pg_trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
attr() {
    local v w
    v="$(printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9][0-9]*\)\".*/\1/p")"
    w="$(printf '%s' "$pg_counters" | sed -n "s/.* $1=\"\([0-9][0-9]*\)\".*/\1/p")"
    printf '%s' "$(( ${v:-0} + ${w:-0} ))"
}
total="$(attr total)"
executed="$(attr executed)"
passed="$(attr passed)"
failed=$(( $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted) ))
skipped=$(( total - executed ))
[ "$skipped" -ge 0 ] || skipped=0

if [ -z "$counters" ]; then
    say "$trx has no <Counters> element"
    summary 0 1 0
    exit 1
fi

status=0
if [ "$failed" -gt 0 ]; then
    status=1
elif [ "$rc" -ne 0 ]; then
    # e.g. the test host crashed or hung: results are incomplete, count the run itself as a failure.
    say "dotnet test exited with $rc although no test is marked failed: the run was aborted"
    failed=1
    status=1
fi

summary "$passed" "$failed" "$skipped"
exit "$status"
