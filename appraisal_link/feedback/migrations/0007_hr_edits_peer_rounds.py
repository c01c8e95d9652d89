"""HR manages the peer-feedback rounds (names, units, dates) in the admin. Only the rounds: who rates
whom and the answers are no one's to browse."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HR_MODELS = ["peerround"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    hr = apps.get_model("auth", "Group").objects.get(name="hr")
    permission_model = apps.get_model("auth", "Permission")
    hr.permissions.add(
        *permission_model.objects.filter(content_type__app_label="feedback", content_type__model__in=HR_MODELS)
    )


class Migration(migrations.Migration):
    dependencies = [("feedback", "0006_peer_deadline_schedule"), ("people", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
