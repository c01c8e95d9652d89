"""Real processes for the tests that need them: a Redis server, a PostgreSQL cluster, a Celery
worker and gunicorn, each started on a free local port, stopped, killed and started again."""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check, *, timeout: float = 60, what: str = "the condition") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not met within {timeout} s")
        time.sleep(0.1)


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class Process:
    """A child process in its own process group, so that a kill takes its children too."""

    def __init__(self, args: list[str], *, env: dict | None = None, log: Path | None = None, user: str = ""):
        self.args, self.env, self.user = args, env, user
        self.log = log or Path(tempfile.mkstemp(prefix="process-", suffix=".log")[1])
        self.popen: subprocess.Popen | None = None

    def start(self) -> "Process":
        command = ["runuser", "-u", self.user, "--", *self.args] if self.user else self.args
        with open(self.log, "ab") as log:
            self.popen = subprocess.Popen(  # noqa: S603
                command, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def kill(self) -> None:
        """kill -9, as the kernel's OOM killer or a lost machine does."""
        os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=30)

    def stop(self) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()

    def output(self) -> str:
        return self.log.read_text(errors="replace")


class RedisServer(Process):
    """A Redis of the test's own (nothing on disk, like the machine's), so that it can be stopped."""

    def __init__(self):
        self.port = free_port()
        super().__init__(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        )

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        super().start()
        wait_until(lambda: _answers(self.port), timeout=20, what="redis-server answering")
        return self


class PostgresCluster:
    """A PostgreSQL cluster of the test's own (initdb in a temporary folder), so that it can be
    restarted; run as the user `postgres`, as initdb refuses root."""

    def __init__(self, folder: Path):
        self.folder, self.port = folder, free_port()
        self.data = folder / "data"
        self.log = folder / "postgres.log"

    def _pg(self, *args: str) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True)  # noqa: S603

    def start(self) -> "PostgresCluster":
        if not self.data.exists():
            shutil.chown(self.folder, "postgres")
            self._pg(shutil.which("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self._ctl("start")
        return self

    def restart(self) -> None:
        self._ctl("-m", "fast", "restart")

    def _ctl(self, *action: str) -> None:
        """pg_ctl, waiting for it, the server's output in the log (not a pipe it would hold open)."""
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._pg(shutil.which("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", *action, "-o", options)

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run(
                [
                    "runuser",
                    "-u",
                    "postgres",
                    "--",
                    shutil.which("pg_ctl"),
                    "-D",
                    str(self.data),  # noqa: S603
                    "-m",
                    "immediate",
                    "stop",
                ],
                capture_output=True,
            )

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


def celery_worker(env: dict, *, queue: str, log: Path | None = None) -> Process:
    """A worker with the solo pool (the task runs in the process that a kill -9 kills), consuming
    `queue` only, named after it: a worker started again under that name is the same worker."""
    return Process(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
            "-n",
            f"{queue}@%h",
        ],
        env=env,
        log=log,
    )


def worker_name(queue: str) -> str:
    return f"{queue}@{os.uname().nodename}"


def gunicorn(env: dict, *, port: int, workers: int = 2, log: Path | None = None) -> Process:
    return Process(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "portal.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--graceful-timeout",
            "5",
        ],
        env=env,
        log=log,
    )


def _answers_http(port: int) -> bool:
    """Whether a worker answers a request (any status): the socket accepts connections as soon as
    gunicorn's master binds it, while its workers may still be loading the portal for seconds."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/")
        connection.getresponse().read()
        return True
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()


def gunicorn_wait(process: Process, port: int) -> None:
    def up() -> bool:
        if process.popen.poll() is not None:
            raise AssertionError("gunicorn exited:\n" + process.output())
        return _answers_http(port)

    wait_until(up, timeout=60, what="gunicorn answering")
