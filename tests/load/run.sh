#!/bin/sh
# `make load`: start `make serve-prod` in the background, wait until it answers, run locust
# against it, stop gunicorn and print the summary. Results in $LOAD_OUT (build/load/):
# locust_summary.json, locust_*.csv, report.html and server.log (migrations, demo content,
# gunicorn's access log).
set -eu

BIN=${BIN:-.venv/bin}
MAKE=${MAKE:-make}
URL="http://127.0.0.1:${PROD_PORT:-8001}"
OUT=${LOAD_OUT:-build/load}
USERS=${LOAD_USERS:-50}
RATE=${LOAD_RATE:-10}
DURATION=${LOAD_TIME:-2m}
# The first start migrates a new database and loads the demo content.
START_TIMEOUT=${LOAD_START_TIMEOUT:-600}

mkdir -p "$OUT"
rm -f "$OUT/gunicorn.pid" "$OUT"/locust_*
if curl -s -o /dev/null "$URL/"; then
    echo "Something already answers on $URL; stop it first." >&2
    exit 1
fi

# Its own process group (setsid), so that stopping it reaches make's children as well;
# gunicorn writes its master's pid for a graceful stop.
echo "Starting the production set-up on $URL (log: $OUT/server.log) ..."
GUNICORN_CMD_ARGS="--pid $OUT/gunicorn.pid" setsid "$MAKE" --no-print-directory serve-prod \
    >"$OUT/server.log" 2>&1 &
server=$!

stop() {
    if kill -0 "$server" 2>/dev/null; then
        if [ -s "$OUT/gunicorn.pid" ]; then
            kill -TERM "$(cat "$OUT/gunicorn.pid")" 2>/dev/null || true
        else
            kill -TERM -- "-$server" 2>/dev/null || true
        fi
        waited=0
        while kill -0 "$server" 2>/dev/null && [ "$waited" -lt 30 ]; do
            sleep 1
            waited=$((waited + 1))
        done
        kill -KILL -- "-$server" 2>/dev/null || true
        echo "gunicorn stopped."
    fi
}
trap stop EXIT
trap 'exit 130' INT TERM

waited=0
until curl -fs -o /dev/null "$URL/de/"; do
    if ! kill -0 "$server" 2>/dev/null; then
        echo "serve-prod ended before it answered; the end of $OUT/server.log:" >&2
        tail -n 30 "$OUT/server.log" >&2
        exit 1
    fi
    if [ "$waited" -ge "$START_TIMEOUT" ]; then
        echo "No answer from $URL after $START_TIMEOUT s; see $OUT/server.log" >&2
        exit 1
    fi
    sleep 2
    waited=$((waited + 2))
done
echo "Answering after ${waited} s."

status=0
"$BIN/locust" -f tests/load/locustfile.py --headless -u "$USERS" -r "$RATE" -t "$DURATION" \
    --host "$URL" --csv "$OUT/locust" --html "$OUT/report.html" --only-summary || status=$?
stop
"$BIN/python" tests/load/summary.py "$OUT" || status=$?
exit "$status"
