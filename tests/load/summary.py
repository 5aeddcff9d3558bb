"""Print the summary of a load test: `python tests/load/summary.py build/load`.

Reads locust_summary.json (the final figures, written by the locustfile when locust quits)
and gunicorn's log (server.log) from that folder. Exits with 1 when a request failed.
"""

import json
import sys
from pathlib import Path


def milliseconds(value):
    return "–" if value is None else f"{value:.0f}"


def main(folder):
    folder = Path(folder)
    summary = json.loads((folder / "locust_summary.json").read_text())
    log = folder / "server.log"
    workers = log.read_text(errors="replace").count("Booting worker") if log.exists() else 0
    print(f"\nLoad test summary ({folder}/), gunicorn workers: {workers}")
    header = (
        f"{'page':<16} {'requests':>9} {'failures':>9} {'req/s':>7} "
        f"{'median ms':>10} {'p95 ms':>7} {'max ms':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in summary["rows"]:
        if row["name"] == "overall":
            print("-" * len(header))
        print(
            f"{row['name']:<16} {row['requests']:>9} {row['failures']:>9} {row['rps']:>7.1f} "
            f"{milliseconds(row['median']):>10} {milliseconds(row['p95']):>7} "
            f"{milliseconds(row['max']):>7}"
        )
    failures = summary["rows"][-1]["failures"]
    if failures:
        print(f"\n{failures} requests failed; see {folder}/locust_failures.csv")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/load"))
