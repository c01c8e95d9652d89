"""Split who answered a pulse survey from what they answered (issue #10).

Until now each response row carried the employee. This migration moves every existing response to
the split: a participation (survey, employee, time) and an anonymous response (survey, unit,
concern, answers) with a random key. The old tables are copied in a shuffled order and then
dropped, so that neither a key nor a row order leads back from the answers to the person.

Irreversible once there are responses: the link is what this migration removes, and it cannot be
made again. On a database without responses it reverses cleanly (the schema only).
"""

import random
import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models
from django.db.migrations.exceptions import IrreversibleError

BATCH = 2000


def split(apps, schema_editor):
    legacy_response = apps.get_model("change", "LegacySurveyResponse")
    legacy_answer = apps.get_model("change", "LegacySurveyAnswer")
    participation = apps.get_model("change", "SurveyParticipation")
    response = apps.get_model("change", "SurveyResponse")
    answer = apps.get_model("change", "SurveyAnswer")

    rows = list(
        legacy_response.objects.values_list("pk", "survey_id", "employee_id", "unit_id", "concern", "submitted_at")
    )
    # Participations in (survey, employee) order, not in the order people answered.
    participation.objects.bulk_create(
        (
            participation(survey_id=survey_id, employee_id=employee_id, answered_at=submitted_at)
            for _pk, survey_id, employee_id, _unit, _concern, submitted_at in sorted(rows, key=lambda r: (r[1], r[2]))
        ),
        batch_size=BATCH,
    )
    random.SystemRandom().shuffle(rows)
    new_keys = {pk: uuid.uuid4() for pk, *_rest in rows}
    response.objects.bulk_create(
        (
            response(id=new_keys[pk], survey_id=survey_id, unit_id=unit_id, concern=concern)
            for pk, survey_id, _employee, unit_id, concern, _at in rows
        ),
        batch_size=BATCH,
    )
    answers = list(legacy_answer.objects.values_list("response_id", "question_id", "value"))
    random.SystemRandom().shuffle(answers)
    answer.objects.bulk_create(
        (
            answer(response_id=new_keys[response_id], question_id=question_id, value=value)
            for response_id, question_id, value in answers
        ),
        batch_size=BATCH,
    )


def refuse_to_link_again(apps, schema_editor):
    if apps.get_model("change", "SurveyResponse").objects.exists():
        raise IrreversibleError(
            "change.0005: survey answers are no longer linked to employees and cannot be linked again; "
            "restore a backup taken before this migration instead."
        )


class Migration(migrations.Migration):
    dependencies = [("change", "0004_reminder_schedules")]

    operations = [
        # The old tables step aside under other names (their constraint names are reused below).
        migrations.RemoveConstraint(model_name="surveyresponse", name="change_survey_answer_once"),
        migrations.RemoveIndex(model_name="surveyresponse", name="change_response_survey_unit"),
        migrations.RemoveConstraint(model_name="surveyanswer", name="change_answer_once"),
        migrations.RemoveConstraint(model_name="surveyanswer", name="change_answer_likert"),
        migrations.RenameModel("SurveyResponse", "LegacySurveyResponse"),
        migrations.RenameModel("SurveyAnswer", "LegacySurveyAnswer"),
        migrations.AlterField(
            model_name="legacysurveyresponse",
            name="survey",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="change.pulsesurvey"
            ),
        ),
        migrations.AlterField(
            model_name="legacysurveyresponse",
            name="employee",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="people.employee"
            ),
        ),
        migrations.AlterField(
            model_name="legacysurveyanswer",
            name="question",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="change.surveyquestion"
            ),
        ),
        migrations.CreateModel(
            name="SurveyParticipation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "answered_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="waktu mengisi"),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="survey_participations",
                        to="people.employee",
                        verbose_name="pegawai",
                    ),
                ),
                (
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="participations",
                        to="change.pulsesurvey",
                        verbose_name="survei",
                    ),
                ),
            ],
            options={
                "verbose_name": "keikutsertaan survei",
                "verbose_name_plural": "keikutsertaan survei",
                "constraints": [
                    models.UniqueConstraint(fields=("survey", "employee"), name="change_survey_answer_once")
                ],
            },
        ),
        migrations.CreateModel(
            name="SurveyResponse",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("concern", models.TextField(blank=True, max_length=2000, verbose_name="kekhawatiran")),
                (
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="responses",
                        to="change.pulsesurvey",
                        verbose_name="survei",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="people.unit",
                        verbose_name="unit kerja",
                    ),
                ),
            ],
            options={
                "verbose_name": "jawaban survei",
                "verbose_name_plural": "jawaban survei",
                "indexes": [models.Index(fields=["survey", "unit"], name="change_response_survey_unit")],
            },
        ),
        migrations.CreateModel(
            name="SurveyAnswer",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                (
                    "value",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (1, "Sangat tidak setuju"),
                            (2, "Tidak setuju"),
                            (3, "Ragu-ragu"),
                            (4, "Setuju"),
                            (5, "Sangat setuju"),
                        ],
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="nilai",
                    ),
                ),
                (
                    "question",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="answers",
                        to="change.surveyquestion",
                    ),
                ),
                (
                    "response",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="answers",
                        to="change.surveyresponse",
                    ),
                ),
            ],
            options={
                "verbose_name": "skor jawaban",
                "constraints": [
                    models.UniqueConstraint(fields=("response", "question"), name="change_answer_once"),
                    models.CheckConstraint(
                        condition=models.Q(("value__gte", 1), ("value__lte", 5)), name="change_answer_likert"
                    ),
                ],
            },
        ),
        migrations.RunPython(split, refuse_to_link_again),
        migrations.DeleteModel("LegacySurveyAnswer"),
        migrations.DeleteModel("LegacySurveyResponse"),
    ]
