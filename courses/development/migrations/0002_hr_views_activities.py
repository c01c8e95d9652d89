"""HR reads every record of learning outside the portal in the admin (read only: employees write
them on the site, HR through the attendance import)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("development")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    hr = apps.get_model("auth", "Group").objects.get(name="hr")
    permission_model = apps.get_model("auth", "Permission")
    hr.permissions.add(
        *permission_model.objects.filter(content_type__app_label="development", codename="view_externalactivity")
    )


class Migration(migrations.Migration):
    dependencies = [("development", "0001_external_activities"), ("people", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
