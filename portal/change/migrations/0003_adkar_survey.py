"""Seed the default ADKAR readiness survey (a template round HR copies) and let HR manage surveys."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HR_PERMISSIONS = ["add_pulsesurvey", "change_pulsesurvey", "delete_pulsesurvey", "view_pulsesurvey"]


def seed(apps, schema_editor):
    from portal.change import adkar

    survey_model = apps.get_model("change", "PulseSurvey")
    question_model = apps.get_model("change", "SurveyQuestion")
    if not survey_model.objects.filter(title=adkar.TEMPLATE_TITLE).exists():
        survey = survey_model.objects.create(
            title=adkar.TEMPLATE_TITLE,
            intro=adkar.TEMPLATE_INTRO,
            opens_at=adkar.TEMPLATE_OPENS_AT,
            closes_at=adkar.TEMPLATE_CLOSES_AT,
            ask_concerns=True,
        )
        question_model.objects.bulk_create(
            question_model(survey=survey, text=text, dimension=dimension, sort_order=order)
            for order, (dimension, text) in enumerate(adkar.STATEMENTS)
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
    from portal.change import adkar

    survey_model = apps.get_model("change", "PulseSurvey")
    survey_model.objects.filter(title=adkar.TEMPLATE_TITLE, responses__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("change", "0002_hub_page"), ("people", "0002_roles")]

    operations = [migrations.RunPython(seed, unseed)]
