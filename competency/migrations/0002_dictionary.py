"""Load the default competency dictionary and let HR edit it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HR_PERMISSIONS = ["add_competency", "change_competency", "delete_competency", "view_competency"]


def load(apps, schema_editor):
    from competency.dictionary import COMPETENCIES, indicators

    competency_model = apps.get_model("competency", "Competency")
    for code, name, kind, definition, topic in COMPETENCIES:
        competency_model.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "description": definition, **indicators(topic)}
        )
    app_config = apps.get_app_config("competency")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    hr = apps.get_model("auth", "Group").objects.get(name="hr")
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="competency", codename__in=HR_PERMISSIONS
    )
    hr.permissions.add(*permissions)


def unload(apps, schema_editor):
    apps.get_model("competency", "Competency").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("competency", "0001_initial"), ("people", "0002_roles")]

    operations = [migrations.RunPython(load, unload)]
