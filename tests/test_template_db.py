"""The template the test databases are copied from is named after every migration of the project."""

import subprocess

import pytest
from django.conf import settings

from .template_db import ROOT, digest, inputs, template_name


def test_every_migration_of_the_project_names_the_template():
    tracked = subprocess.run(
        ["git", "ls-files", "*migrations/*.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert tracked, "git lists no migration"
    assert {str(path.relative_to(ROOT)) for path in inputs()} >= set(tracked)
    assert len(digest()) == 12


@pytest.mark.skipif(not settings.IS_POSTGRES, reason="PostgreSQL only")
def test_this_runs_database_was_copied_from_the_template(db):
    template = settings.DATABASES["default"]["TEST"]["TEMPLATE"]
    assert template.endswith(f"_tpl_{digest()}")


def test_a_long_database_name_keeps_the_whole_digest():
    assert template_name("kompeten", "0123456789ab") == "test_kompeten_tpl_0123456789ab"
    long = template_name("k" * 80, "0123456789ab")
    assert len(long) == 63
    assert long.endswith("_tpl_0123456789ab")
