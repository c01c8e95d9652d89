"""The load test's nginx (bench/proxy.py): the deployment's own proxy block, in front of a server that
records what reaches it, the way gunicorn sits behind it."""

import http.server
import threading

import pytest

from bench.load_run import stop
from bench.proxy import DEPLOYED, config, nginx_binary, start_proxy
from bench.server import fetch, free_port


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[dict] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        self.seen.append({"path": self.path, **{name.lower(): value for name, value in self.headers.items()}})
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def upstream():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), _Recorder)
    _Recorder.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_the_config_is_the_deployments_proxy_block_on_plain_http(tmp_path):
    text = config(9001, 9002, tmp_path)
    deployed = DEPLOYED.read_text()
    assert "server 127.0.0.1:9001 fail_timeout=0;" in text
    assert "listen 127.0.0.1:9002" in text
    for line in ("proxy_http_version 1.1;", 'proxy_set_header Connection "";', "proxy_read_timeout 65s;"):
        assert line in deployed and line in text
    assert "X-Forwarded-Proto https;" in text and "$scheme" not in text
    assert "ssl" not in text


def test_requests_reach_the_server_behind_it_as_from_the_tls_proxy(tmp_path, upstream):
    if nginx_binary() is None:
        pytest.fail("nginx is missing: `make deploy-tools` installs it")
    proxy, port = start_proxy(upstream.server_address[1], tmp_path)
    try:
        status, _headers = fetch(f"http://127.0.0.1:{port}/kursus/?q=sql", "sessionid=abc")
    finally:
        stop(proxy)
    assert status == 200
    asked = _Recorder.seen[-1]
    assert asked["path"] == "/kursus/?q=sql"
    assert asked["x-forwarded-proto"] == "https"
    assert asked["host"] == f"127.0.0.1:{port}"  # the port the clients' Origin names
    assert asked["cookie"] == "sessionid=abc"
    assert (tmp_path / "nginx-access.log").read_text().count("/kursus/?q=sql") == 1
