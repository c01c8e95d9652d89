"""HR may change the portal's settings (Settings → Aturan portal). Frozen: needs nothing but the
historical models."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HR = "hr"
PERMISSIONS = ("change_portalsettings", "view_portalsettings")


def grant(apps, schema_editor):
    # Django makes model permissions only after all migrations have run: make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _created = group_model.objects.get_or_create(name=HR)
    group.permissions.add(
        *permission_model.objects.filter(content_type__app_label="pages", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group = group_model.objects.filter(name=HR).first()
    if group is not None:
        group.permissions.remove(
            *permission_model.objects.filter(content_type__app_label="pages", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_portal_settings"), ("people", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
