"""The change hub at /perubahan/, who may edit it, and its moderation workflow.

Communications staff (group "komunikasi") add and edit the hub's material but cannot publish; HR
approves (publishes) it through the "Moderasi materi perubahan" workflow.
"""

from django.db import migrations

from portal.pages.sections import permissions_create, section_create, section_moderate, section_remove_if_empty

WORKFLOW = "Moderasi materi perubahan"
TASK = "Persetujuan BKPSDM (perubahan)"
INTRO = (
    "Sistem manajemen kinerja ASN berubah: SKP kini disusun bersama atasan, dipantau sepanjang tahun "
    "melalui dialog kinerja, dan hasilnya menjadi dasar pengembangan kompetensi Anda. Di sini Anda "
    "menemukan penjelasannya, tanya jawab, cerita rekan, jadwal sosialisasi dan panduan untuk diunduh. "
    "Materi yang ditujukan bagi unit kerja dan jabatan Anda tampil lebih dulu."
)


def create_hub(apps, schema_editor):
    permissions_create(apps)
    # The "komunikasi" role joined the roles after people/0002 ran on existing databases.
    from portal.people.services import roles_sync

    roles_sync(apps=apps)
    hub = section_create(
        apps,
        app_label="change",
        model_name="ChangeHubPage",
        slug="perubahan",
        title="Perubahan",
        seo_title="Pusat informasi perubahan sistem manajemen kinerja",
        intro=INTRO,
        body=[],
    )
    if hub is None:
        return  # no home page yet, or an editor already made a page at /perubahan/: leave it to them
    section_moderate(
        apps,
        page=hub,
        editors={"komunikasi": ["add_page", "change_page"], "hr": ["add_page", "change_page", "publish_page"]},
        workflow=WORKFLOW,
        task=TASK,
        approvers="hr",
    )


def remove_hub(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()
    section_remove_if_empty(apps, app_label="change", model_name="ChangeHubPage")


class Migration(migrations.Migration):
    dependencies = [
        ("change", "0001_hub"),
        ("pages", "0002_home_page"),
        ("people", "0002_roles"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_hub, remove_hub)]
