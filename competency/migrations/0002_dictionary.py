"""Load the default competency dictionary and let HR edit it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HR_PERMISSIONS = ["add_competency", "change_competency", "delete_competency", "view_competency"]


# Frozen copy of the default dictionary as it was when this migration was written: a migration must
# behave the same whatever the live code becomes.
# Each level widens the reach of the behaviour, as the Kamus Kompetensi does.
LEVEL_FRAMES = {
    1: "Menerapkan {topic} dalam pekerjaannya sendiri, dengan arahan bila perlu.",
    2: "Menerapkan {topic} secara mandiri dan mengajak rekan kerja melakukannya.",
    3: "Memastikan {topic} diterapkan di unit kerjanya dan membimbing anggota tim.",
    4: "Membangun sistem dan suasana kerja yang mendorong {topic} di seluruh organisasi.",
    5: "Menjadi teladan dan rujukan {topic} di tingkat pemerintah daerah maupun nasional.",
}

COMPETENCIES = [
    # (code, name, kind, definition, topic used in the level indicators)
    (
        "integritas",
        "Integritas",
        "manajerial",
        "Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi, jujur dalam hubungan "
        "dengan atasan, rekan kerja, bawahan dan pemangku kepentingan.",
        "nilai, norma dan etika organisasi",
    ),
    (
        "kerjasama",
        "Kerjasama",
        "manajerial",
        "Kemampuan menjalin, membina dan mempertahankan hubungan kerja yang efektif, berkomitmen saling "
        "membantu dalam penyelesaian tugas.",
        "kerja sama lintas rekan dan unit",
    ),
    (
        "komunikasi",
        "Komunikasi",
        "manajerial",
        "Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis, disertai argumentasi yang "
        "logis, dengan cara yang sesuai baik lisan maupun tertulis.",
        "komunikasi yang jelas dan santun",
    ),
    (
        "orientasi-pada-hasil",
        "Orientasi pada Hasil",
        "manajerial",
        "Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat diandalkan, "
        "bertanggung jawab, dan mampu mengidentifikasi risiko dan peluang.",
        "target kerja yang terukur",
    ),
    (
        "pelayanan-publik",
        "Pelayanan Publik",
        "manajerial",
        "Kemampuan melaksanakan tugas pemerintahan, pembangunan dan kegiatan pemenuhan kebutuhan pelayanan "
        "publik secara profesional, transparan, mengikuti standar pelayanan yang objektif, netral, dan tidak "
        "memihak.",
        "standar pelayanan publik",
    ),
    (
        "pengembangan-diri-dan-orang-lain",
        "Pengembangan Diri dan Orang Lain",
        "manajerial",
        "Kemampuan meningkatkan pengetahuan dan menyempurnakan keterampilan diri, serta menginspirasi orang "
        "lain untuk mengembangkan dan menyempurnakan pengetahuan dan keterampilan.",
        "pengembangan kompetensi",
    ),
    (
        "mengelola-perubahan",
        "Mengelola Perubahan",
        "manajerial",
        "Kemampuan menyesuaikan diri dengan situasi yang baru atau berubah dan tidak bergantung secara "
        "berlebihan pada metode dan proses lama.",
        "penyesuaian terhadap perubahan",
    ),
    (
        "pengambilan-keputusan",
        "Pengambilan Keputusan",
        "manajerial",
        "Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri setelah "
        "mempertimbangkan prinsip kehati-hatian.",
        "pengambilan keputusan berbasis data",
    ),
    (
        "perekat-bangsa",
        "Perekat Bangsa",
        "sosial_kultural",
        "Kemampuan dalam mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan individu/kelompok "
        "masyarakat; mampu menjadi perpanjangan tangan pemerintah dalam mempersatukan masyarakat.",
        "toleransi dan keterbukaan",
    ),
    (
        "tik-literasi-digital",
        "Literasi Digital",
        "teknis",
        "Kemampuan menggunakan perangkat dan layanan digital secara efektif dan beretika dalam pekerjaan.",
        "penggunaan perangkat digital",
    ),
    (
        "tik-aplikasi-perkantoran",
        "Aplikasi Perkantoran",
        "teknis",
        "Kemampuan mengolah dokumen, lembar kerja dan presentasi, serta berbagi berkas secara kolaboratif.",
        "aplikasi perkantoran",
    ),
    (
        "tik-keamanan-informasi",
        "Keamanan Informasi",
        "teknis",
        "Kemampuan melindungi akun, perangkat dan data pribadi dari ancaman siber (phishing, malware, "
        "kebocoran data) sesuai UU Pelindungan Data Pribadi.",
        "keamanan informasi",
    ),
    (
        "tik-pengolahan-data",
        "Pengolahan dan Analisis Data",
        "teknis",
        "Kemampuan mengumpulkan, membersihkan, menganalisis dan menyajikan data untuk mendukung keputusan.",
        "pengolahan data",
    ),
    (
        "tik-layanan-egovernment",
        "Layanan e-Government",
        "teknis",
        "Kemampuan memanfaatkan aplikasi pemerintahan berbasis elektronik (SPBE) kota dan nasional dalam "
        "tugas sehari-hari.",
        "aplikasi SPBE",
    ),
]


def indicators(topic: str) -> dict[str, str]:
    return {f"indicator_{level}": frame.format(topic=topic) for level, frame in LEVEL_FRAMES.items()}


def load(apps, schema_editor):
    competency_model = apps.get_model("competency", "Competency")
    for code, name, kind, definition, topic in COMPETENCIES:
        competency_model.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "description": definition, **indicators(topic)}
        )
    app_config = apps.get_app_config("competency")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    hr = apps.get_model("auth", "Group").objects.get(name="hr")
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="competency", codename__in=HR_PERMISSIONS
    )
    hr.permissions.add(*permissions)


def unload(apps, schema_editor):
    apps.get_model("competency", "Competency").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("competency", "0001_initial"), ("people", "0002_roles")]

    operations = [migrations.RunPython(load, unload)]
