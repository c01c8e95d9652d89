"""Other work on the machine (a test run, a browser) skews timings: measure only when it is quiet.

Linux only (reads /proc/stat); elsewhere the checks are skipped. While this process sleeps, the CPU time
the machine spends is other processes' work, so a short sample says whether the machine is idle now
(the load average would lag a minute behind and count this benchmark itself).
"""

import os
import time

# Quiet enough: other processes use at most half of the CPUs. On this 2-CPU machine that leaves a
# CPU to the request (this process and its PostgreSQL backend take turns, they do not run at once);
# what contention remains shows as "waited for CPU" (measure.CpuClock).
QUIET_BUSY = 0.50


def _cpu_times() -> tuple[int, int] | None:
    try:
        with open("/proc/stat") as stat:
            values = [int(v) for v in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    return sum(values), values[3] + values[4]  # total, idle + iowait


def busy_fraction(seconds: float = 2.0) -> float | None:
    """The share of all CPUs that other processes used during `seconds` (this one sleeps)."""
    first = _cpu_times()
    time.sleep(seconds)
    second = _cpu_times()
    if first is None or second is None or second[0] == first[0]:
        return None
    return 1 - (second[1] - first[1]) / (second[0] - first[0])


def wait_for_quiet(max_wait: float, *, label: str = "") -> float | None:
    """Wait (up to max_wait seconds) until other processes use at most QUIET_BUSY of the CPUs.
    Returns the last sampled busy fraction (None where it cannot be measured)."""
    deadline = time.monotonic() + max_wait
    busy = busy_fraction()
    announced = False
    while busy is not None and busy > QUIET_BUSY and time.monotonic() < deadline:
        if not announced:
            print(
                f"  other processes keep {busy:.0%} of the {os.cpu_count()} CPUs busy: waiting up to "
                f"{max_wait:.0f} s for quiet{' before ' + label if label else ''} ...",
                flush=True,
            )
            announced = True
        busy = busy_fraction(5.0)
    if busy is not None and busy > QUIET_BUSY:
        print(f"  warning: measuring{' ' + label if label else ''} while other processes use {busy:.0%} of the CPUs")
    return busy
