"""The load test's figures, from every request locust made (the samples files) and its user count over
time (its stats history): per endpoint, per 10 s of the run, per stage; a Markdown table; the plot."""

import csv
import math
from pathlib import Path

TARGET_P95_MS = 300.0
BUCKET_S = 10


def samples_read(folder: Path) -> list[tuple[float, str, float, bool]]:
    """(time, name, milliseconds, ok) of every request, from every locust process, in time order."""
    rows = []
    for path in folder.glob("samples-*.csv"):
        for line in path.read_text().splitlines():
            when, name, ms, ok = line.rsplit(",", 3)
            rows.append((float(when), name, float(ms), ok == "1"))
    return sorted(rows)


def users_read(history_csv: Path) -> list[tuple[float, int]]:
    """(time, users) from locust's stats history (the aggregated rows)."""
    with history_csv.open() as handle:
        return [
            (float(row["Timestamp"]), int(row["User Count"]))
            for row in csv.DictReader(handle)
            if row["Name"] == "Aggregated"
        ]


def percentile(values: list[float], p: float) -> float | None:
    """Nearest rank."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def _summary(rows: list, seconds: float) -> dict:
    times = [row[2] for row in rows]
    failures = sum(1 for row in rows if not row[3])
    return {
        "requests": len(rows),
        "failures": failures,
        "requests_per_s": round(len(rows) / seconds, 1) if seconds > 0 else None,
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "p99_ms": percentile(times, 99),
        "max_ms": max(times) if times else None,
    }


def endpoints(samples: list, start: float, end: float) -> list[dict]:
    """Per endpoint between `start` and `end`, the slowest p95 first, then all of them together."""
    window = [row for row in samples if start <= row[0] < end]
    names = sorted({row[1] for row in window})
    table = [{"endpoint": name, **_summary([r for r in window if r[1] == name], end - start)} for name in names]
    table.sort(key=lambda row: -(row["p95_ms"] or 0))
    return [*table, {"endpoint": "all", **_summary(window, end - start)}]


def users_at(users: list[tuple[float, int]], when: float) -> int:
    count = 0
    for moment, value in users:
        if moment > when:
            break
        count = value
    return count


def timeline(samples: list, users: list, start: float) -> list[dict]:
    """Every BUCKET_S seconds of the run: users, requests/s, p50, p95, failures."""
    if not samples:
        return []
    buckets: dict[int, list] = {}
    for row in samples:
        buckets.setdefault(int((row[0] - start) // BUCKET_S), []).append(row)
    result = []
    for index in range(max(buckets) + 1):
        rows = buckets.get(index, [])
        moment = start + (index + 1) * BUCKET_S
        result.append({"t_s": (index + 1) * BUCKET_S, "users": users_at(users, moment), **_summary(rows, BUCKET_S)})
    return result


def stages(samples: list, shape: list, start: float, *, settle_s: float = 30.0) -> list[dict]:
    """Each stage of the shape, less its first `settle_s` seconds (users still arriving): whether it held
    p95 under the target with no failure."""
    result, begin = [], 0.0
    for until, users, _rate in shape:
        window = [row for row in samples if start + begin + settle_s <= row[0] < start + until]
        summary = _summary(window, until - begin - settle_s)
        held = summary["requests"] > 0 and summary["failures"] == 0 and summary["p95_ms"] < TARGET_P95_MS
        result.append({"users": users, "from_s": begin, "until_s": until, **summary, "held": held})
        begin = until
    return result


def _ms(value) -> str:
    return "" if value is None else f"{value:.0f}"


def markdown(result: dict) -> str:
    meta = result["meta"]
    lines = [
        f"Load test, {meta['when']}: {meta['employees']:,} employees and {meta['hr']} HR users, think time "
        f"20–40 s; {_proxy(meta)}gunicorn {meta['workers']} sync workers, "
        f"a Celery worker (concurrency {meta['concurrency']}), "
        f"locust {meta['processes']} process(es); {meta['shape_text']}.",
        "",
        f"Measured window: {result['window']['from_s']:.0f}–{result['window']['until_s']:.0f} s of the run "
        f"({result['window']['users']:,} users). Target: p95 < {TARGET_P95_MS:.0f} ms, no failure.",
        "",
        "| endpoint | requests | failures | requests/s | p50 ms | p95 ms | p99 ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["endpoints"]:
        lines.append(
            f"| {row['endpoint']} | {row['requests']:,} | {row['failures']:,} | {row['requests_per_s'] or 0:.1f} "
            f"| {_ms(row['p50_ms'])} | {_ms(row['p95_ms'])} | {_ms(row['p99_ms'])} | {_ms(row['max_ms'])} |"
        )
    if result.get("stages") and len(result["stages"]) > 1:
        lines += [
            "",
            "| users | requests/s | p50 ms | p95 ms | p99 ms | failures | held |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
        ]
        for row in result["stages"]:
            lines.append(
                f"| {row['users']:,} | {row['requests_per_s'] or 0:.1f} | {_ms(row['p50_ms'])} | {_ms(row['p95_ms'])} "
                f"| {_ms(row['p99_ms'])} | {row['failures']:,} | {'yes' if row['held'] else 'no'} |"
            )
    cpu = result.get("cpu") or {}
    if cpu:
        lines += [
            "",
            "CPU over the run (share of the machine's CPUs): " + ", ".join(f"{k} {v:.0%}" for k, v in cpu.items()),
        ]
    logged = result.get("logged_errors") or {}
    if logged:
        counts = ", ".join(f"{name} {found['count']:,}" for name, found in logged.items())
        firsts = [f"{name}: `{found['first']}`" for name, found in logged.items() if found["first"]]
        lines += ["", f"Errors logged: {counts}" + (" (first: " + "; ".join(firsts) + ")" if firsts else "")]
    work = result.get("work") or {}
    if work:
        lines += ["", "Work done: " + ", ".join(f"{k} {v:,}" for k, v in work.items())]
    return "\n".join(lines) + "\n"


def plot(rows: list[dict], path: Path, title: str) -> None:
    """Latency (p50, p95) and throughput, with the users, over the run."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    seconds = [row["t_s"] for row in rows]
    figure, (latency, load) = plt.subplots(2, 1, figsize=(10, 7), sharex=True)
    latency.plot(seconds, [row["p95_ms"] for row in rows], label="p95", color="#c0392b")
    latency.plot(seconds, [row["p50_ms"] for row in rows], label="p50", color="#2980b9")
    latency.axhline(TARGET_P95_MS, color="#7f8c8d", linestyle="--", label=f"target p95 {TARGET_P95_MS:.0f} ms")
    latency.set_ylabel("response time (ms)")
    latency.set_yscale("log")
    latency.legend(loc="upper left")
    latency.grid(True, which="both", alpha=0.3)
    latency.set_title(title)
    load.plot(seconds, [row["requests_per_s"] for row in rows], label="requests/s", color="#27ae60")
    load.set_ylabel("requests/s")
    load.set_xlabel("time since start (s)")
    load.grid(True, alpha=0.3)
    users = load.twinx()
    users.plot(seconds, [row["users"] for row in rows], label="users", color="#8e44ad", linestyle=":")
    users.set_ylabel("simulated users")
    handles = load.get_legend_handles_labels()[0] + users.get_legend_handles_labels()[0]
    load.legend(handles, ["requests/s", "users"], loc="upper left")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)


def _proxy(meta: dict) -> str:
    return "nginx, " if meta.get("proxy") == "nginx" else ""
