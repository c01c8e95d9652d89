"""Create the role groups (pegawai, atasan, pelatih, hr) with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    from portal.people.services import roles_sync

    roles_sync(apps=apps)


def remove_roles(apps, schema_editor):
    from portal.people.roles import ALL_ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=ALL_ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
