"""A Learning Record Store for the tests: a real HTTP server on a free local port that takes
PUT /statements?statementId= as xAPI 1.0.3 says (Basic auth, the version header, 204 for a new or an
identical statement, 409 for another statement with the same id), and can be told to fail. Each
statement is parsed by Rustici's xAPI library (TinCanPython), as an LRS would check it: an unknown
property or a value of the wrong kind is refused with 400."""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import tincan

USERNAME, PASSWORD = "kompeten", "rahasia-lrs"


class FakeLRS:
    def __init__(self):
        self.statements: dict[str, dict] = {}
        self.requests: list[dict] = []
        self.fail_next: list[int] = []  # statuses to answer with, one per request, before working again
        self.lock = threading.Lock()
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_PUT(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                url = urlparse(self.path)
                with lrs.lock:
                    lrs.requests.append(
                        {"path": url.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
                    )
                    status = lrs.answer(url, self.headers, body)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/xapi"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, url, headers, body) -> int:
        if self.fail_next:
            return self.fail_next.pop(0)
        expected = "Basic " + base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
        if headers.get("Authorization") != expected:
            return 401
        if headers.get("X-Experience-API-Version") != "1.0.3" or url.path != "/xapi/statements":
            return 400
        statement_id = parse_qs(url.query).get("statementId", [""])[0]
        try:
            parsed = tincan.Statement.from_json(body.decode())
        except (ValueError, TypeError, AttributeError):
            return 400
        if str(parsed.id) != statement_id or parsed.actor.account is None:
            return 400
        statement = json.loads(body)
        if statement.get("id") != statement_id:
            return 400
        if statement_id in self.statements:
            return 204 if self.statements[statement_id] == statement else 409
        self.statements[statement_id] = statement
        return 204

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
