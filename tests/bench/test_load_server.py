"""The load test runs gunicorn as the deployment does: the same timeout and recycling of workers,
and as many workers by default (deploy/systemd/kompeten-web.service)."""

import shlex
from pathlib import Path

from bench.load_run import GUNICORN_ARGS, parse_args

SERVICE = Path(__file__).resolve().parents[2] / "deploy" / "systemd" / "kompeten-web.service"


def _deployed() -> dict[str, str]:
    text = SERVICE.read_text().replace("\\\n", " ")
    command = next(line for line in text.splitlines() if line.startswith("ExecStart="))
    words = shlex.split(command.removeprefix("ExecStart="))
    return {word: value for word, value in zip(words, words[1:], strict=False) if word.startswith("--")}


def test_the_load_tests_gunicorn_is_the_deployments():
    deployed = _deployed()
    assert dict(zip(GUNICORN_ARGS[::2], GUNICORN_ARGS[1::2], strict=True)) == {
        flag: deployed[flag] for flag in ("--timeout", "--max-requests", "--max-requests-jitter")
    }
    assert str(parse_args([]).workers) == deployed["--workers"]
