"""Data migrations carry what they need: they import no project code that may change later.

A migration that imports a live helper (a schedule builder, the roles, a seed list) silently changes
what it does when the helper changes, and a fresh database then differs from an old one. The
migrations freeze a copy instead; these tests scan them, and check that, today, the frozen copies
still do what the live code describes (the test database is built by running every migration from
zero).
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

# References that Django's migration writer puts in field definitions: they must stay importable
# (changing them is a schema change with its own migration), so they are not frozen.
FIELD_REFERENCES = {
    "portal.storage": "FileField(storage=private_storage)",
    "portal.people.nip": "the NIP field's validators",
}


def project_packages() -> set[str]:
    base = Path(settings.BASE_DIR)
    return {path.parent.name for path in base.glob("*/__init__.py")}


def migration_files() -> list[Path]:
    base = Path(settings.BASE_DIR)
    found = []
    for app_config in apps.get_app_configs():
        folder = Path(app_config.path) / "migrations"
        if folder.is_dir() and base in folder.resolve().parents and ".venv" not in folder.parts:
            found += sorted(path for path in folder.glob("*.py") if path.name != "__init__.py")
    return found


def project_imports(path: Path, packages: set[str]) -> list[str]:
    """The project modules `path` imports (anywhere in it, functions included), but migrations."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        for module in modules:
            if module.split(".")[0] in packages and ".migrations" not in f".{module}":
                found.append(f"{path.name}:{node.lineno} imports {module}")
    return found


def test_the_scan_sees_every_migration_and_every_kind_of_import(tmp_path):
    names = {f"{path.parent.parent.name}/{path.name}" for path in migration_files()}
    assert {"people/0002_roles.py", "competency/0002_dictionary.py", "courses/0002_catalog_and_moderation.py"} <= names
    assert {"portal", "competency", "courses", "appraisal_link"} <= project_packages()
    sample = tmp_path / "0009_sample.py"
    sample.write_text(
        "import portal.storage\n"
        "from django.db import migrations\n"
        "from competency.migrations import helpers\n"
        "def seed(apps, schema_editor):\n"
        "    from portal.notifications.schedules import schedules_operation\n",
        encoding="utf-8",
    )
    assert project_imports(sample, project_packages()) == [
        "0009_sample.py:1 imports portal.storage",
        "0009_sample.py:5 imports portal.notifications.schedules",
    ]


def test_no_migration_imports_live_project_code():
    packages = project_packages()
    offending = [
        line
        for path in migration_files()
        for line in project_imports(path, packages)
        if line.rsplit(" imports ", 1)[1] not in FIELD_REFERENCES
    ]
    assert offending == [], "Freeze what the migration needs inside it:\n" + "\n".join(offending)


# --- the frozen copies still match the live code (as built by the migrations) --------------------------


@pytest.mark.django_db
def test_roles_are_as_the_live_roles_describe():
    from django.contrib.auth.models import Group

    from portal.people import roles

    for name, permissions in roles.ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        held |= {
            f"{p.permission.content_type.app_label}.{p.permission.codename}"
            for p in group.collection_permissions.select_related("permission__content_type")
        }
        assert set(permissions) <= held, name


@pytest.mark.django_db
def test_seed_data_is_as_the_live_lists_describe():
    from appraisal_link.mapping import DEFAULT_MAPPING
    from appraisal_link.models import WeakAreaMapping
    from competency.dictionary import COMPETENCIES, indicators
    from competency.models import Competency
    from portal.change import adkar
    from portal.change.models import PulseSurvey

    for code, name, kind, definition, topic in COMPETENCIES:
        competency = Competency.objects.get(code=code)
        assert (competency.name, competency.kind, competency.description) == (name, kind, definition)
        assert competency.indicator_3 == indicators(topic)["indicator_3"]
    for area, codes, technical in DEFAULT_MAPPING:
        mapped = set(
            WeakAreaMapping.objects.filter(area=area, competency__isnull=False).values_list(
                "competency__code", flat=True
            )
        )
        assert mapped == set(codes), area
        assert WeakAreaMapping.objects.filter(area=area, position_technical=True).exists() == technical
    template = PulseSurvey.objects.get(title=adkar.TEMPLATE_TITLE)
    assert template.intro == adkar.TEMPLATE_INTRO
    assert list(template.questions.order_by("sort_order").values_list("dimension", "text")) == adkar.STATEMENTS


@pytest.mark.django_db
def test_sections_and_schedules_exist():
    from django_celery_beat.models import PeriodicTask
    from wagtail.models import Page, WorkflowPage

    for slug, workflow in (("kursus", "Moderasi kursus"), ("perubahan", "Moderasi materi perubahan")):
        section = Page.objects.get(depth=3, slug=slug)
        assert section.live and section.url_path.endswith(f"/{slug}/")
        assert WorkflowPage.objects.get(page=section).workflow.name == workflow
    names = set(PeriodicTask.objects.values_list("name", flat=True))
    assert {
        "Pengingat tenggat pelatihan",
        "Pengingat acara sosialisasi",
        "Kirim ulang e-mail notifikasi yang gagal",
        "Hapus data pribadi yang melewati masa simpan",
    } <= names
    assert all(task.crontab.timezone.key == "Asia/Jakarta" for task in PeriodicTask.objects.exclude(crontab=None))
