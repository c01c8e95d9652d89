"""The API's service role, and the end of the clear-text DRF tokens; uploaded files go private.

- The group "layanan-api", with no permission: its members can only push appraisals through the API.
- Service accounts made for the old tokens (username "api-…", no usable password, no e-mail) leave the
  hr group for "layanan-api": they never needed HR's reach.
- The authtoken table, whose keys were stored in clear, is dropped (with its content type and its
  migration records, so the app could be installed afresh): the old keys stop working.
- Uploaded appraisal files move from MEDIA_ROOT to PRIVATE_MEDIA_ROOT (as courses/0006 does for PDFs).

Frozen here rather than imported from live code.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import migrations

API_SERVICE_GROUP = "layanan-api"
HR_GROUP = "hr"


def service_role(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    group, _created = Group.objects.get_or_create(name=API_SERVICE_GROUP)
    accounts = User.objects.filter(username__startswith="api-", email="", password__startswith="!")
    for user in accounts:
        user.groups.remove(*Group.objects.filter(name=HR_GROUP))
        user.groups.add(group)


def remove_service_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=API_SERVICE_GROUP).delete()


def drop_clear_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if "authtoken_token" in connection.introspection.table_names():
        schema_editor.execute(schema_editor.sql_delete_table % {"table": schema_editor.quote_name("authtoken_token")})
    apps.get_model("contenttypes", "ContentType").objects.filter(app_label="authtoken").delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = %s", ["authtoken"])


def _move(names, source: FileSystemStorage, target: FileSystemStorage) -> None:
    for name in names:
        if not name or not source.exists(name) or target.exists(name):
            continue
        with source.open(name, "rb") as file:
            saved = target.save(name, file)
        assert saved == name, f"{name} was saved as {saved}"  # noqa: S101 (the row keeps its name)
        source.delete(name)


def _files(apps):
    AppraisalImport = apps.get_model("appraisal_link", "AppraisalImport")
    return AppraisalImport.objects.exclude(file="").values_list("file", flat=True).iterator()


def files_to_private(apps, schema_editor):
    public, private = FileSystemStorage(settings.MEDIA_ROOT), FileSystemStorage(settings.PRIVATE_MEDIA_ROOT)
    _move(_files(apps), public, private)


def files_to_public(apps, schema_editor):
    public, private = FileSystemStorage(settings.MEDIA_ROOT), FileSystemStorage(settings.PRIVATE_MEDIA_ROOT)
    _move(_files(apps), private, public)


class Migration(migrations.Migration):
    dependencies = [
        ("appraisal_link", "0006_api_tokens_private_imports"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(service_role, remove_service_role),
        migrations.RunPython(drop_clear_tokens, migrations.RunPython.noop),
        migrations.RunPython(files_to_private, files_to_public, elidable=True),
    ]
