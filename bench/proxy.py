"""nginx in front of gunicorn for the load test, as production runs it (deploy/nginx/kompeten.conf).

A sync worker of gunicorn, once it has sent a response, half-closes the connection and waits for
its client to close its side before it takes the next request. In production that client is nginx,
which closes at once; a load generator that is itself short of CPU closes late, and every worker
waits for it (about 3 ms a request at 3,000 simulated employees on two cores, 0.3 s at worst). So
the load test talks to nginx, configured with the upstream and `location /` of the deployment's own
file (TLS aside: the proxy tells the portal the request came over HTTPS, as the real one does).
"""

import getpass
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

from bench.server import fetch, free_port

ROOT = Path(__file__).resolve().parent.parent
DEPLOYED = ROOT / "deploy" / "nginx" / "kompeten.conf"


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def config(upstream_port: int, port: int, folder: Path) -> str:
    """nginx.conf for the load test: the deployment's upstream and `location /`, on plain HTTP."""
    deployed = DEPLOYED.read_text()
    upstream = re.search(r"^upstream kompeten \{\n.*?^\}\n", deployed, re.S | re.M)
    location = re.search(r"^    location / \{\n.*?^    \}\n", deployed, re.S | re.M)
    if upstream is None or location is None:
        raise SystemExit(f"{DEPLOYED}: its upstream or `location /` block was not found")
    upstream_text = upstream.group(0).replace("127.0.0.1:8000", f"127.0.0.1:{upstream_port}")
    # TLS aside, and on a port of its own: the portal must see the port its clients' Origin names.
    location_text = (
        location.group(0)
        .replace("X-Forwarded-Proto $scheme", "X-Forwarded-Proto https")
        .replace("Host $host;", "Host $http_host;")
    )
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""  # its temporary files are in `folder`
    return f"""{user}worker_processes auto;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 8192; }}
http {{
    access_log {folder}/nginx-access.log;
    client_body_temp_path {folder}/nginx-body;
    proxy_temp_path {folder}/nginx-proxy;
    fastcgi_temp_path {folder}/nginx-fastcgi;
    uwsgi_temp_path {folder}/nginx-uwsgi;
    scgi_temp_path {folder}/nginx-scgi;
    {upstream_text}
    server {{
        listen 127.0.0.1:{port} backlog=4096;
        server_name localhost;
        client_max_body_size 20m;
{location_text}    }}
}}
"""


def start_proxy(upstream_port: int, folder: Path) -> tuple[subprocess.Popen, int]:
    """nginx on a free local port in front of gunicorn at `upstream_port`, once it answers /healthz."""
    binary = nginx_binary()
    if binary is None:
        raise SystemExit("nginx is missing: `make deploy-tools` installs it (or run with --proxy none)")
    port = free_port()
    path = folder / "nginx.conf"
    path.write_text(config(upstream_port, port, folder))
    command = [binary, "-c", str(path), "-p", str(folder), "-g", "daemon off;"]
    proxy = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            fetch(f"http://127.0.0.1:{port}/healthz", "")
            return proxy, port
        except OSError:
            if proxy.poll() is not None:
                raise SystemExit(f"nginx did not start: see {folder}/nginx-error.log") from None
            time.sleep(0.2)
    proxy.terminate()
    raise SystemExit("nginx did not answer /healthz within 20 s")
