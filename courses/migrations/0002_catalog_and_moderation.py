"""The course catalog page at /kursus/, who may edit it, and its moderation workflow.

Trainers add and edit courses but cannot publish; HR approves (publishes) through the workflow.
"""

from django.db import migrations

from portal.pages.sections import permissions_create, section_create, section_moderate, section_remove_if_empty

INTRO = (
    "Kursus daring untuk ASN Pemerintah Kota Pangkalpinang: TIK, manajerial, sosial kultural "
    "dan pemahaman perubahan. Setiap kursus yang selesai menambah JP Anda tahun ini."
)


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
