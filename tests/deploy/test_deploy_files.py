"""The deployment files of deploy/ are usable as they are: systemd accepts the three units (with
their programs where the project installs them), nginx accepts the site with a certificate, and the
portal hands private files to nginx's internal location once it has checked who asks."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
VENV_BIN = Path(shutil.which("gunicorn") or ROOT / ".venv" / "bin" / "gunicorn").parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def installed(text: str, tmp_path: Path) -> str:
    """The file as it would be on the server, with this checkout's paths in place of /srv/kompeten."""
    return (
        text.replace("/srv/kompeten/.venv/bin/", f"{VENV_BIN}/")
        .replace("/etc/kompeten/kompeten.env", str(tmp_path / "kompeten.env"))
        .replace("/srv/kompeten", str(tmp_path))
    )


@pytest.mark.parametrize("unit", ["kompeten-web.service", "kompeten-worker.service", "kompeten-beat.service"])
def test_systemd_accepts_each_unit(unit, tmp_path):
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not on this machine")
    (tmp_path / "kompeten.env").write_text((DEPLOY / "kompeten.env.example").read_text())
    for folder in ("media", "private-media"):
        (tmp_path / folder).mkdir()
    path = tmp_path / unit
    path.write_text(installed((DEPLOY / "systemd" / unit).read_text(), tmp_path))
    checked = subprocess.run(["systemd-analyze", "verify", str(path)], capture_output=True, text=True)  # noqa: S603, S607
    problems = [line for line in checked.stderr.splitlines() if unit in line or "Unknown" in line]
    assert checked.returncode == 0 and not problems, checked.stderr


def test_nginx_accepts_the_site_with_a_certificate(tmp_path):
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: `make deploy-tools` installs it")
    ssl = tmp_path / "ssl"
    ssl.mkdir()
    subprocess.run(  # noqa: S603
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=kompeten.test",  # noqa: S607
            "-keyout",
            str(ssl / "privkey.pem"),
            "-out",
            str(ssl / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )
    site = installed((DEPLOY / "nginx" / "kompeten.conf").read_text(), tmp_path).replace("/etc/ssl/kompeten", str(ssl))
    site = site.replace("listen 80;", "listen 127.0.0.1:18080;").replace(
        "listen 443 ssl;", "listen 127.0.0.1:18443 ssl;"
    )
    site = site.replace("listen [::]:80;", "").replace("listen [::]:443 ssl http2;", "")
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {tmp_path};\n  include {tmp_path}/site.conf;\n}}\n"
    )
    checked = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )  # noqa: S603
    assert checked.returncode == 0, checked.stderr
    assert "/_private/" in site and "internal;" in site.split("location /_private/", 1)[1].split("}", 1)[0]


@pytest.mark.django_db
def test_a_private_file_leaves_through_nginx_after_the_check(client, settings, pegawai, make_person, record_of):
    settings.KOMPETEN_X_ACCEL_PREFIX = "/_private/"
    activity = record_of(pegawai.employee)
    url = reverse("external_proof", args=[activity.pk])
    client.force_login(pegawai)
    response = client.get(url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/_private/{activity.proof.name}"
    assert response["Cache-Control"] == "private, no-store" and "inline" in response["Content-Disposition"]
    client.force_login(make_person())
    assert client.get(url).status_code == 404 and "X-Accel-Redirect" not in client.get(url)
    activity.proof.delete(save=False)
    client.force_login(pegawai)
    assert client.get(url).status_code == 404


@pytest.fixture
def record_of():
    from courses.development.services import activity_record

    from ..development.conftest import pdf

    def make(employee):
        import datetime

        today = datetime.date.today()
        return activity_record(
            employee=employee,
            kind="bimtek",
            title="Bimtek",
            organiser="BSSN",
            starts_on=today,
            ends_on=today,
            jp=8,
            proof=pdf(),
        )

    return make
