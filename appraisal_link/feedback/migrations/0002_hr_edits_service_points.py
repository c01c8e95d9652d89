"""HR manages the survey's service points and their populations (and reads the responses)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HR_MODELS = ["servicepoint", "servicepopulation"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    hr = apps.get_model("auth", "Group").objects.get(name="hr")
    permission_model = apps.get_model("auth", "Permission")
    hr.permissions.add(
        *permission_model.objects.filter(content_type__app_label="feedback", content_type__model__in=HR_MODELS),
        *permission_model.objects.filter(content_type__app_label="feedback", codename="view_surveyresponse"),
    )


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_service_points_and_responses"), ("people", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
