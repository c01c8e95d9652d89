"""Seed the default ADKAR readiness survey (a template round HR copies) and let HR manage surveys."""

import datetime

from django.contrib.auth.management import create_permissions
from django.db import migrations

HR_PERMISSIONS = ["add_pulsesurvey", "change_pulsesurvey", "delete_pulsesurvey", "view_pulsesurvey"]


# Frozen copy of the ADKAR questionnaire as it was when this migration was written: a migration must
# behave the same whatever the live code becomes.
# The template's period lies in the past on purpose: it is never open to employees by itself.
TEMPLATE_TITLE = "Survei Kesiapan Perubahan (ADKAR)"
TEMPLATE_OPENS_AT = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
TEMPLATE_CLOSES_AT = datetime.datetime(2000, 1, 2, tzinfo=datetime.UTC)
TEMPLATE_INTRO = (
    "Survei singkat (sekitar 3 menit) tentang kesiapan Anda menjalankan sistem manajemen kinerja yang baru. "
    "Tidak ada jawaban benar atau salah: pilihlah yang paling sesuai dengan keadaan Anda saat ini."
)

# (dimension, statement), in the order employees read them.
STATEMENTS = [
    ("awareness", "Saya memahami mengapa sistem manajemen kinerja berubah."),
    ("awareness", "Saya tahu kelemahan cara penilaian kinerja yang lama yang ingin diperbaiki."),
    ("desire", "Saya ingin ikut berperan dalam penerapan sistem manajemen kinerja yang baru."),
    ("desire", "Saya melihat manfaat sistem kinerja yang baru bagi pekerjaan dan pengembangan diri saya."),
    ("knowledge", "Saya tahu cara menyusun SKP dan rencana hasil kerja menurut ketentuan yang baru."),
    ("knowledge", "Saya tahu ke mana mencari informasi atau bantuan tentang sistem kinerja yang baru."),
    ("ability", "Saya mampu menerapkan sistem kinerja yang baru dalam pekerjaan sehari-hari."),
    ("ability", "Saya mempunyai waktu, sarana dan dukungan yang cukup untuk bekerja dengan cara yang baru."),
    ("reinforcement", "Atasan saya memberi umpan balik dan pengakuan ketika saya menerapkan cara kerja yang baru."),
    ("reinforcement", "Saya yakin perubahan ini akan dipertahankan dan tidak kembali ke cara lama."),
]


def seed(apps, schema_editor):
    survey_model = apps.get_model("change", "PulseSurvey")
    question_model = apps.get_model("change", "SurveyQuestion")
    if not survey_model.objects.filter(title=TEMPLATE_TITLE).exists():
        survey = survey_model.objects.create(
            title=TEMPLATE_TITLE,
            intro=TEMPLATE_INTRO,
            opens_at=TEMPLATE_OPENS_AT,
            closes_at=TEMPLATE_CLOSES_AT,
            ask_concerns=True,
        )
        question_model.objects.bulk_create(
            question_model(survey=survey, text=text, dimension=dimension, sort_order=order)
            for order, (dimension, text) in enumerate(STATEMENTS)
        )

    app_config = apps.get_app_config("change")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    hr = apps.get_model("auth", "Group").objects.get(name="hr")
    hr.permissions.add(
        *apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label="change", codename__in=HR_PERMISSIONS
        )
    )


def unseed(apps, schema_editor):
    survey_model = apps.get_model("change", "PulseSurvey")
    survey_model.objects.filter(title=TEMPLATE_TITLE, responses__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("change", "0002_hub_page"), ("people", "0002_roles")]

    operations = [migrations.RunPython(seed, unseed)]
