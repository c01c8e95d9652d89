"""The change hub at /perubahan/, who may edit it, and its moderation workflow.

Communications staff (group "komunikasi") add and edit the hub's material but cannot publish; HR
approves (publishes) it through the "Moderasi materi perubahan" workflow.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORKFLOW = "Moderasi materi perubahan"
TASK = "Persetujuan BKPSDM (perubahan)"
INTRO = (
    "Sistem manajemen kinerja ASN berubah: SKP kini disusun bersama atasan, dipantau sepanjang tahun "
    "melalui dialog kinerja, dan hasilnya menjadi dasar pengembangan kompetensi Anda. Di sini Anda "
    "menemukan penjelasannya, tanya jawab, cerita rekan, jadwal sosialisasi dan panduan untuk diunduh. "
    "Materi yang ditujukan bagi unit kerja dan jabatan Anda tampil lebih dulu."
)


def _step(n: int) -> str:
    out = ""
    for _ in range(4):
        n, r = divmod(n, 36)
        out = BASE36[r] + out
    return out


def create_hub(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    # The "komunikasi" role joined the roles after people/0002 ran on existing databases.
    from portal.people.services import roles_sync

    roles_sync(apps=apps)

    content_type_model = apps.get_model("contenttypes", "ContentType")
    page_model = apps.get_model("wagtailcore", "Page")
    hub_model = apps.get_model("change", "ChangeHubPage")
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group_page_permission = apps.get_model("wagtailcore", "GroupPagePermission")
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")

    home = page_model.objects.filter(depth=2).order_by("path").first()
    if home is None or hub_model.objects.exists():
        return
    if page_model.objects.filter(depth=home.depth + 1, path__startswith=home.path, slug="perubahan").exists():
        return  # an editor already made a page at /perubahan/; leave it to them
    content_type, _created = content_type_model.objects.get_or_create(app_label="change", model="changehubpage")
    siblings = page_model.objects.filter(depth=home.depth + 1, path__startswith=home.path)
    last = siblings.order_by("-path").values_list("path", flat=True).first()
    next_index = int(last[-4:], 36) + 1 if last else 1
    hub = hub_model.objects.create(
        title="Perubahan",
        draft_title="Perubahan",
        seo_title="Pusat informasi perubahan sistem manajemen kinerja",
        slug="perubahan",
        content_type=content_type,
        path=home.path + _step(next_index),
        depth=home.depth + 1,
        numchild=0,
        url_path=home.url_path + "perubahan/",
        locale_id=home.locale_id,
        live=True,
        intro=INTRO,
        body=[],
    )
    home.numchild += 1
    home.save(update_fields=["numchild"])

    def perm(codename):
        return permission_model.objects.get(content_type__app_label="wagtailcore", codename=codename)

    hr = group_model.objects.get(name="hr")
    komunikasi = group_model.objects.get(name="komunikasi")
    for group, codenames in (
        (komunikasi, ["add_page", "change_page"]),
        (hr, ["add_page", "change_page", "publish_page"]),
    ):
        for codename in codenames:
            group_page_permission.objects.get_or_create(group=group, page=hub, permission=perm(codename))

    task_type, _created = content_type_model.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = task_model.objects.create(name=TASK, active=True, content_type=task_type)
    task.groups.add(hr)
    workflow = workflow_model.objects.create(name=WORKFLOW, active=True)
    workflow_task_model.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow_page_model.objects.create(page=hub, workflow=workflow)


def remove_hub(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()
    page_model = apps.get_model("wagtailcore", "Page")
    for hub in apps.get_model("change", "ChangeHubPage").objects.all():
        if hub.numchild:
            continue  # material was written under it: keep the tree whole
        parent = page_model.objects.filter(depth=hub.depth - 1, path=hub.path[: -len(_step(0))]).first()
        hub.delete()
        if parent is not None:
            parent.numchild = max(parent.numchild - 1, 0)
            parent.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("change", "0001_hub"),
        ("pages", "0002_home_page"),
        ("people", "0002_roles"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_hub, remove_hub)]
