"""The public satisfaction survey's front-line elements become weak areas HR maps to competencies,
seeded with a sensible default (frozen here: a migration must not follow the live code)."""

from django.db import migrations, models

# (area, competency codes, also the position's technical competencies)
SURVEY_MAPPING = [
    ("skm_perilaku", ["pelayanan-publik", "integritas"], False),
    ("skm_kompetensi", ["komunikasi"], True),
    ("skm_pengaduan", ["pelayanan-publik", "komunikasi"], False),
]


def seed(apps, schema_editor):
    mapping_model = apps.get_model("appraisal_link", "WeakAreaMapping")
    competency_model = apps.get_model("competency", "Competency")
    for area, codes, technical in SURVEY_MAPPING:
        for competency in competency_model.objects.filter(code__in=codes):
            mapping_model.objects.get_or_create(area=area, competency=competency)
        if technical:
            mapping_model.objects.get_or_create(area=area, competency=None, position_technical=True)


def unseed(apps, schema_editor):
    apps.get_model("appraisal_link", "WeakAreaMapping").objects.filter(area__startswith="skm_").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('appraisal_link', '0009_import_new_nips_confirmed'),
        ('competency', '0006_gap_source_public_survey'),
    ]

    operations = [
        migrations.AlterField(
            model_name='weakareamapping',
            name='area',
            field=models.CharField(choices=[('hasil_kerja', 'Hasil kerja'), ('berorientasi_pelayanan', 'Berorientasi Pelayanan'), ('akuntabel', 'Akuntabel'), ('kompeten', 'Kompeten'), ('harmonis', 'Harmonis'), ('loyal', 'Loyal'), ('adaptif', 'Adaptif'), ('kolaboratif', 'Kolaboratif'), ('skm_kompetensi', 'SKM: kompetensi pelaksana'), ('skm_perilaku', 'SKM: perilaku pelaksana'), ('skm_pengaduan', 'SKM: penanganan pengaduan')], max_length=30, verbose_name='area penilaian'),
        ),
        migrations.RunPython(seed, unseed),
    ]
