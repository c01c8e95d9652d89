"""Replace Wagtail's placeholder page with Kompeten's home page as the site root."""

from django.db import migrations

HERO_TITLE = "Kompeten: belajar, berkembang, melayani lebih baik"
HERO_INTRO = (
    "Portal pengembangan kompetensi Aparatur Sipil Negara Pemerintah Kota Pangkalpinang. "
    "Ikuti kursus daring (utamanya TIK), kumpulkan jam pelajaran (JP), lihat kesenjangan "
    "kompetensi dari hasil penilaian SKP Anda, dan pahami perubahan sistem manajemen kinerja."
)


def create_home_page(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    page_model = apps.get_model("wagtailcore", "Page")
    site_model = apps.get_model("wagtailcore", "Site")
    home_page_model = apps.get_model("pages", "HomePage")
    locale_model = apps.get_model("wagtailcore", "Locale")

    page_model.objects.filter(depth=2, content_type__model="page").delete()
    root = page_model.objects.get(depth=1)
    content_type, _created = content_type_model.objects.get_or_create(model="homepage", app_label="pages")
    locale = locale_model.objects.first()
    home = home_page_model.objects.create(
        title="Beranda",
        draft_title="Beranda",
        slug="beranda",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/beranda/",
        locale=locale,
        hero_title=HERO_TITLE,
        hero_intro=HERO_INTRO,
        live=True,
        has_unpublished_changes=False,
    )
    root.numchild = 1
    root.save(update_fields=["numchild"])
    site_model.objects.filter(is_default_site=True).delete()
    site_model.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Kompeten")


def remove_home_page(apps, schema_editor):
    apps.get_model("pages", "HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
