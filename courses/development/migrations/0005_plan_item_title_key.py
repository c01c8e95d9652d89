from django.db import migrations, models


def fill_keys(apps, schema_editor):
    """Each existing item's folded title (folding.folded: case and spacing ignored)."""
    PlanItem = apps.get_model("development", "PlanItem")
    items = list(PlanItem.objects.exclude(activity_title="").only("pk", "activity_title"))
    for item in items:
        item.activity_title_key = " ".join(item.activity_title.casefold().split())
    PlanItem.objects.bulk_update(items, ["activity_title_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0004_external_activity_certificate"),
    ]

    operations = [
        migrations.AddField(
            model_name="planitem",
            name="activity_title_key",
            field=models.CharField(blank=True, default="", editable=False, max_length=200),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
    ]
