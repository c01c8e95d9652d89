"""The course catalog page at /kursus/, who may edit it, and its moderation workflow.

Trainers add and edit courses but cannot publish; HR approves (publishes) through the workflow.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

INTRO = (
    "Kursus daring untuk ASN Pemerintah Kota Pangkalpinang: TIK, manajerial, sosial kultural "
    "dan pemahaman perubahan. Setiap kursus yang selesai menambah JP Anda tahun ini."
)


# Frozen copy of the section helpers as they were when this migration was written: a migration
# must behave the same whatever the live code becomes. Each takes the historical `apps`; page
# paths follow Wagtail's treebeard scheme, four base-36 characters a level.
BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4


def _step(n: int) -> str:
    out = ""
    for _ in range(STEP):
        n, r = divmod(n, 36)
        out = BASE36[r] + out
    return out


def permissions_create(apps) -> None:
    """Create the model permissions now: Django makes them only after all migrations have run."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def section_create(apps, *, app_label: str, model_name: str, slug: str, title: str, **fields):
    """Create the live page `app_label.model_name` at /<slug>/ as the home page's last child.

    Returns None (and creates nothing) when there is no home page yet, when a page of that model
    exists, or when an editor already made a page at that address.
    """
    page_model = apps.get_model("wagtailcore", "Page")
    section_model = apps.get_model(app_label, model_name)
    home = page_model.objects.filter(depth=2).order_by("path").first()
    if home is None or section_model.objects.exists():
        return None
    siblings = page_model.objects.filter(depth=home.depth + 1, path__startswith=home.path)
    if siblings.filter(slug=slug).exists():
        return None
    content_type, _created = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model_name.lower()
    )
    last = siblings.order_by("-path").values_list("path", flat=True).first()
    next_index = int(last[-STEP:], 36) + 1 if last else 1
    section = section_model.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=home.path + _step(next_index),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{slug}/",
        locale_id=home.locale_id,
        live=True,
        **fields,
    )
    home.numchild += 1
    home.save(update_fields=["numchild"])
    return section


def section_moderate(apps, *, page, editors: dict[str, list[str]], workflow: str, task: str, approvers: str) -> None:
    """Give each group of `editors` its page permissions (codenames) on `page` and below, and send
    the pages under it through `workflow`: one approval task, `task`, for the group `approvers`."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group_page_permission = apps.get_model("wagtailcore", "GroupPagePermission")
    for group_name, codenames in editors.items():
        group = group_model.objects.get(name=group_name)
        for codename in codenames:
            permission = permission_model.objects.get(content_type__app_label="wagtailcore", codename=codename)
            group_page_permission.objects.get_or_create(group=group, page=page, permission=permission)

    task_type, _created = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    approval = apps.get_model("wagtailcore", "GroupApprovalTask").objects.create(
        name=task, active=True, content_type=task_type
    )
    approval.groups.add(group_model.objects.get(name=approvers))
    flow = apps.get_model("wagtailcore", "Workflow").objects.create(name=workflow, active=True)
    apps.get_model("wagtailcore", "WorkflowTask").objects.create(workflow=flow, task=approval, sort_order=0)
    apps.get_model("wagtailcore", "WorkflowPage").objects.create(page=page, workflow=flow)


def section_remove_if_empty(apps, *, app_label: str, model_name: str) -> None:
    """Delete the section page when nothing was written under it (keep the tree whole otherwise)."""
    page_model = apps.get_model("wagtailcore", "Page")
    for section in apps.get_model(app_label, model_name).objects.all():
        if section.numchild:
            continue
        parent = page_model.objects.filter(depth=section.depth - 1, path=section.path[:-STEP]).first()
        section.delete()
        if parent is not None:
            parent.numchild = max(parent.numchild - 1, 0)
            parent.save(update_fields=["numchild"])


def create_catalog(apps, schema_editor):
    permissions_create(apps)
    catalog = section_create(
        apps, app_label="courses", model_name="CourseIndexPage", slug="kursus", title="Katalog Kursus", intro=INTRO
    )
    if catalog is None:
        return
    section_moderate(
        apps,
        page=catalog,
        editors={"pelatih": ["add_page", "change_page"], "hr": ["add_page", "change_page", "publish_page"]},
        workflow="Moderasi kursus",
        task="Persetujuan BKPSDM",
        approvers="hr",
    )


def remove_catalog(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Moderasi kursus").delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name="Persetujuan BKPSDM").delete()
    section_remove_if_empty(apps, app_label="courses", model_name="CourseIndexPage")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("pages", "0002_home_page"),
        ("people", "0002_roles"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_catalog, remove_catalog)]
