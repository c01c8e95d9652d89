"""The course catalog page at /kursus/, who may edit it, and its moderation workflow.

Trainers add and edit courses but cannot publish; HR approves (publishes) through the workflow.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(n: int) -> str:
    out = ""
    for _ in range(4):
        n, r = divmod(n, 36)
        out = BASE36[r] + out
    return out


def create_catalog(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    content_type_model = apps.get_model("contenttypes", "ContentType")
    page_model = apps.get_model("wagtailcore", "Page")
    catalog_model = apps.get_model("courses", "CourseIndexPage")
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group_page_permission = apps.get_model("wagtailcore", "GroupPagePermission")
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")

    home = page_model.objects.filter(depth=2).order_by("path").first()
    if home is None or catalog_model.objects.exists():
        return
    content_type, _created = content_type_model.objects.get_or_create(app_label="courses", model="courseindexpage")
    siblings = page_model.objects.filter(depth=home.depth + 1, path__startswith=home.path)
    last = siblings.order_by("-path").values_list("path", flat=True).first()
    next_index = int(last[-4:], 36) + 1 if last else 1
    catalog = catalog_model.objects.create(
        title="Katalog Kursus",
        draft_title="Katalog Kursus",
        slug="kursus",
        content_type=content_type,
        path=home.path + _step(next_index),
        depth=home.depth + 1,
        numchild=0,
        url_path=home.url_path + "kursus/",
        locale_id=home.locale_id,
        live=True,
        intro=(
            "Kursus daring untuk ASN Pemerintah Kota Pangkalpinang: TIK, manajerial, sosial kultural "
            "dan pemahaman perubahan. Setiap kursus yang selesai menambah JP Anda tahun ini."
        ),
    )
    home.numchild += 1
    home.save(update_fields=["numchild"])

    def perm(codename):
        return permission_model.objects.get(content_type__app_label="wagtailcore", codename=codename)

    pelatih = group_model.objects.get(name="pelatih")
    hr = group_model.objects.get(name="hr")
    for group, codenames in ((pelatih, ["add_page", "change_page"]), (hr, ["add_page", "change_page", "publish_page"])):
        for codename in codenames:
            group_page_permission.objects.get_or_create(group=group, page=catalog, permission=perm(codename))

    task_type, _created = content_type_model.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = task_model.objects.create(name="Persetujuan BKPSDM", active=True, content_type=task_type)
    task.groups.add(hr)
    workflow = workflow_model.objects.create(name="Moderasi kursus", active=True)
    workflow_task_model.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow_page_model.objects.create(page=catalog, workflow=workflow)


def remove_catalog(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Moderasi kursus").delete()
    apps.get_model("courses", "CourseIndexPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("pages", "0002_home_page"),
        ("people", "0002_roles"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_catalog, remove_catalog)]
