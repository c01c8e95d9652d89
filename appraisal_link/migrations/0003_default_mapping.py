"""Seed the weak-area → competency mapping, and let HR edit it and appraisals."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HR_MODELS = ["appraisal", "appraisalimport", "weakareamapping", "assignment"]


# Frozen copy of the default mapping as it was when this migration was written: a migration must
# behave the same whatever the live code becomes.
# (area, competency codes, also the position's technical competencies)
DEFAULT_MAPPING = [
    ("hasil_kerja", ["orientasi-pada-hasil"], True),
    ("berorientasi_pelayanan", ["pelayanan-publik"], False),
    ("akuntabel", ["integritas", "orientasi-pada-hasil"], False),
    ("kompeten", ["pengembangan-diri-dan-orang-lain"], True),
    ("harmonis", ["perekat-bangsa", "kerjasama"], False),
    ("loyal", ["integritas"], False),
    ("adaptif", ["mengelola-perubahan"], False),
    ("kolaboratif", ["kerjasama", "komunikasi"], False),
]


def seed(apps, schema_editor):
    mapping_model = apps.get_model("appraisal_link", "WeakAreaMapping")
    competency_model = apps.get_model("competency", "Competency")
    for area, codes, technical in DEFAULT_MAPPING:
        for competency in competency_model.objects.filter(code__in=codes):
            mapping_model.objects.get_or_create(area=area, competency=competency)
        if technical:
            mapping_model.objects.get_or_create(area=area, competency=None, position_technical=True)

    for label in ("appraisal_link", "competency"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    hr = apps.get_model("auth", "Group").objects.get(name="hr")
    permission_model = apps.get_model("auth", "Permission")
    hr.permissions.add(
        *permission_model.objects.filter(content_type__app_label="appraisal_link", content_type__model__in=HR_MODELS),
        *permission_model.objects.filter(
            content_type__app_label="competency", content_type__model__in=["positionstandard", "assessment", "gap"]
        ),
    )


def unseed(apps, schema_editor):
    apps.get_model("appraisal_link", "WeakAreaMapping").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("appraisal_link", "0002_initial"),
        ("competency", "0003_assessment_gap_positionstandard"),
        ("people", "0002_roles"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
