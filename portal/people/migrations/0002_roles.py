"""Create the role groups (pegawai, atasan, pelatih, hr, komunikasi) with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen copy of the roles and their permissions as they were when this migration was written: a
# migration must behave the same whatever the live roles become (later changes come with their own
# migration).
ROLE_PERMISSIONS = {
    "pegawai": [],
    "atasan": [],
    "pelatih": [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    "hr": [
        "wagtailadmin.access_admin",
        "people.add_unit",
        "people.change_unit",
        "people.delete_unit",
        "people.view_unit",
        "people.add_position",
        "people.change_position",
        "people.delete_position",
        "people.view_position",
        "people.add_employee",
        "people.change_employee",
        "people.delete_employee",
        "people.view_employee",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    # Communications staff write the change hub's material; HR publishes it (see change/0002).
    "komunikasi": [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
}


def roles_sync(apps) -> None:
    """Create the role groups and give each the permissions of ROLE_PERMISSIONS.

    Image and document permissions are granted on the root collection, which is how Wagtail
    checks them.
    """
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    collection_model = apps.get_model("wagtailcore", "Collection")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = collection_model.objects.filter(depth=1).first()
    for name, perms in ROLE_PERMISSIONS.items():
        group, _created = group_model.objects.get_or_create(name=name)
        for dotted in perms:
            app_label, codename = dotted.split(".")
            permission = permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            if app_label in {"wagtailimages", "wagtaildocs"}:
                if root_collection is not None:
                    collection_permission_model.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
            else:
                group.permissions.add(permission)


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles_sync(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLE_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
