"""The world of the authorization matrix: two units, a supervisor chain, trainers, HR and every kind
of personal record, built once per module and rolled back at its end.

Built inside one transaction that the module's tests share (each test runs in a savepoint of it,
through pytest-django's `db`), so that ~1,500 requests do not each rebuild pages, courses and PDFs,
and nothing is left in the database for the rest of the suite.
"""

import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from portal.people import roles

from ..change.conftest import make_change_article, make_change_event, make_pulse_survey, survey_respond
from ..courses.conftest import correct_answers, make_course
from ..factories import EmployeeFactory, UnitFactory, UserFactory

ANONIM = "anonim"
PEGAWAI_P = "pegawai_p"
PEGAWAI_Q = "pegawai_q"
ATASAN_X = "atasan_x"
ATASAN_Y = "atasan_y_sejawat"
ATASAN_Z = "atasan_z_unit_lain"
ATASAN_TANPA_TOTP = "atasan_tanpa_totp"
PELATIH_T1 = "pelatih_t1"
PELATIH_T2 = "pelatih_t2"
PELATIH_TANPA_TOTP = "pelatih_tanpa_totp"
HR_TANPA_TOTP = "hr_tanpa_totp"
HR_TOTP = "hr_totp"
SUPERUSER = "superuser"

ROLES = (
    ANONIM,
    PEGAWAI_P,
    PEGAWAI_Q,
    ATASAN_X,
    ATASAN_Y,
    ATASAN_Z,
    ATASAN_TANPA_TOTP,
    PELATIH_T1,
    PELATIH_T2,
    PELATIH_TANPA_TOTP,
    HR_TANPA_TOTP,
    HR_TOTP,
    SUPERUSER,
)


@dataclass
class World:
    """Who is who (`users[role]`) and the objects the URLs name (attributes: `p_*` are P's, `q_*` Q's)."""

    users: dict = field(default_factory=dict)
    objects: SimpleNamespace = field(default_factory=SimpleNamespace)

    def __getattr__(self, name):
        try:
            return getattr(self.__dict__["objects"], name)
        except AttributeError:
            raise AttributeError(f"the world of tests/security/conftest.py has no object {name!r}") from None


def _totp(user):
    """As the `with_totp` fixture of tests/conftest.py (function-scoped, so not usable here)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user


def _person(role, *, unit, supervisor=None, totp=False, **user_kwargs):
    user = UserFactory(roles=[role] if role else [], **user_kwargs)
    EmployeeFactory(user=user, unit=unit, supervisor=supervisor, name=user.first_name)
    return _totp(user) if totp else user


def _records(employee, course, *, key: str):
    """An employee's personal records: appraisal, assessment, gap, enrolment (completed, with a quiz
    attempt and a certificate PDF), a notification."""
    from appraisal_link.models import Appraisal
    from competency.models import Assessment, Competency, Gap
    from courses import services as course_services
    from courses.models import LessonPage
    from portal.notifications.models import Kind, Notification

    competency = Competency.objects.get(code="integritas")
    appraisal = Appraisal.objects.create(
        employee=employee,
        year=2026,
        period=Appraisal.Period.ANNUAL,
        hasil_kerja="sesuai",
        perilaku_kerja="di_bawah",
        predikat="butuh_perbaikan",
        akuntabel="di_bawah",
    )
    assessment = Assessment.objects.create(
        employee=employee, competency=competency, level=2, source="atasan", assessed_on=datetime.date(2026, 3, 1)
    )
    gap = Gap.objects.create(
        employee=employee,
        competency=competency,
        source=Gap.Source.APPRAISAL,
        origin="penilaian:2026:tahunan:akuntabel",
        reason="Akuntabel di bawah ekspektasi (SKP 2026).",
        required_level=3,
        current_level=2,
    )
    lessons = list(LessonPage.objects.child_of(course).order_by("path"))
    enrollment = course_services.enrollment_create(employee=employee, course=course)
    course_services.lesson_mark_done(enrollment=enrollment, lesson=lessons[0])
    attempt = course_services.quiz_submit(
        enrollment=enrollment, lesson=lessons[1], answers=correct_answers(lessons[1]), number=1
    )
    certificate = course_services.certificate_issue(enrollment_id=enrollment.pk)
    notification = Notification.objects.create(
        user=employee.user, kind=Kind.APPRAISAL_UPDATED, key=f"matrix:{key}", title="Penilaian diperbarui"
    )
    return {
        f"{key}_appraisal": appraisal,
        f"{key}_assessment": assessment,
        f"{key}_gap": gap,
        f"{key}_enrollment": enrollment,
        f"{key}_attempt": attempt,
        f"{key}_certificate": certificate,
        f"{key}_notification": notification,
        f"{key}_lessons": lessons,
    }


def _scorm_lesson(lesson, by):
    from courses.scorm.services import package_create

    from ..scorm.test_packages import minimal, package

    kept = package_create(
        file=package({"imsmanifest.xml": minimal("mulai.html"), "mulai.html": "<p>"}), name="m.zip", by=by
    )
    lesson.scorm_package = kept
    lesson.save_revision().publish()
    return kept


def build_world() -> World:
    from wagtail.documents.models import Document

    from appraisal_link.api.services import api_service_account_create, api_token_create
    from appraisal_link.feedback.models import PeerRater, PeerReview, PeerRound, ServicePoint
    from appraisal_link.models import AppraisalImport, WeakAreaMapping
    from competency.models import Competency, PositionStandard
    from courses.models import CourseTrainer, LessonPage
    from portal.audit.models import AuditAction, AuditEntry
    from portal.people.models import Employee

    unit_a = UnitFactory(name="Dinas Komunikasi dan Informatika", code="matrix-diskominfo")
    unit_b = UnitFactory(name="Kecamatan Gabek", code="matrix-kec-gabek")
    users = {}
    kepala = _person(roles.ATASAN, unit=unit_a, totp=True, first_name="Kepala Dinas")  # X's and Y's superior
    users[ATASAN_X] = _person(roles.ATASAN, unit=unit_a, supervisor=kepala.employee, totp=True, first_name="Atasan X")
    users[ATASAN_Y] = _person(roles.ATASAN, unit=unit_a, supervisor=kepala.employee, totp=True, first_name="Atasan Y")
    users[PEGAWAI_P] = _person(roles.PEGAWAI, unit=unit_a, supervisor=users[ATASAN_X].employee, first_name="Pegawai P")
    users[PEGAWAI_Q] = _person(roles.PEGAWAI, unit=unit_a, supervisor=users[ATASAN_Y].employee, first_name="Pegawai Q")
    users[ATASAN_Z] = _person(roles.ATASAN, unit=unit_b, totp=True, first_name="Atasan Z")
    users[ATASAN_TANPA_TOTP] = _person(roles.ATASAN, unit=unit_a, supervisor=kepala.employee, first_name="Atasan W")
    users[PELATIH_T1] = _person(roles.PELATIH, unit=unit_b, totp=True, first_name="Pelatih T1")
    users[PELATIH_T2] = _person(roles.PELATIH, unit=unit_b, totp=True, first_name="Pelatih T2")
    users[PELATIH_TANPA_TOTP] = _person(roles.PELATIH, unit=unit_b, first_name="Pelatih T0")
    users[HR_TANPA_TOTP] = _person(roles.HR, unit=unit_b, first_name="SDM tanpa TOTP")
    users[HR_TOTP] = _person(roles.HR, unit=unit_b, totp=True, first_name="SDM")
    users[SUPERUSER] = _totp(UserFactory(is_superuser=True, is_staff=True, first_name="Admin"))
    # W's report has no account yet: HR may create one for them.
    without_account = EmployeeFactory(unit=unit_a, supervisor=users[ATASAN_TANPA_TOTP].employee, name="Pegawai R")

    c1 = make_course("Kursus C1")
    c2 = make_course("Kursus C2")
    CourseTrainer.objects.filter(course__in=[c1, c2]).delete()  # whoever authored them is not a trainer here
    CourseTrainer.objects.create(course=c1, user=users[PELATIH_T1])
    CourseTrainer.objects.create(course=c2, user=users[PELATIH_T2])

    objects = SimpleNamespace(unit_a=unit_a, unit_b=unit_b, kepala=kepala.employee, c1=c1, c2=c2)
    objects.p = users[PEGAWAI_P].employee
    objects.q = users[PEGAWAI_Q].employee
    objects.x = users[ATASAN_X].employee
    objects.y = users[ATASAN_Y].employee
    objects.r = without_account
    objects.position = objects.p.position
    vars(objects).update(_records(objects.p, c1, key="p"))
    # Q learns in C1 as well: Q's records are another person's for P, for X (Q reports to the peer
    # Y) and for T2 (who trains C2, where no one is enrolled).
    vars(objects).update(_records(objects.q, c1, key="q"))
    objects.c2_lessons = list(LessonPage.objects.child_of(c2).order_by("path"))
    # C1's first lesson plays a SCORM package: P and Q (enrolled) may play it, as trainers and HR may.
    objects.scorm_package = _scorm_lesson(LessonPage.objects.child_of(c1).order_by("path").first(), users[HR_TOTP])

    objects.article = make_change_article("Mengapa SKP berubah? (matriks)", must_read=True)
    objects.event = make_change_event("Sosialisasi SKP (matriks)")
    objects.survey_p = make_pulse_survey("Survei yang dijawab P")
    objects.survey_q = make_pulse_survey("Survei yang dijawab Q")
    survey_respond(objects.p, objects.survey_p)
    survey_respond(objects.q, objects.survey_q)

    objects.competency = Competency.objects.get(code="integritas")
    objects.standard = PositionStandard.objects.create(
        position=objects.p.position, competency=objects.competency, required_level=3
    )
    objects.mapping = WeakAreaMapping.objects.order_by("pk").first()
    objects.import_job = AppraisalImport.objects.create(
        file=ContentFile(b"nip\n", name="matriks.csv"),
        original_name="matriks.csv",
        status=AppraisalImport.Status.FAILED,
        errors=[{"row": 2, "column": "nip", "value": "x", "message": "NIP tidak sah.", "level": "error"}],
        created_by=users[HR_TOTP],
    )
    service = api_service_account_create(name="Sistem e-Kinerja (matriks)")
    objects.api_token = api_token_create(user=service, name="e-Kinerja", created_by=users[HR_TOTP]).token
    objects.service_point = ServicePoint.objects.create(unit=unit_a, name="Perekaman KTP-el", code="matriks-ktp")
    # A peer round: P rates Q, Q rates P (each rating task is its rater's own; a review is its ratee's
    # supervisor's to fill with raters).
    today = datetime.date.today()
    peer_round = PeerRound.objects.create(name="matriks", opens_on=today, closes_on=today + datetime.timedelta(days=7))
    objects.peer_round = peer_round  # HR's round page and the rounds' viewset
    objects.peer_review_p = PeerReview.objects.create(round=peer_round, employee=objects.p)
    objects.peer_review_q = PeerReview.objects.create(round=peer_round, employee=objects.q)
    objects.peer_task_p = PeerRater.objects.create(review=objects.peer_review_q, rater=objects.p)
    objects.peer_task_q = PeerRater.objects.create(review=objects.peer_review_p, rater=objects.q)
    # Learning outside the portal: P's and Q's records, waiting for their supervisors.
    from courses.development.models import ExternalActivity

    for person, name in ((objects.p, "external_p"), (objects.q, "external_q")):
        activity = ExternalActivity(
            employee=person, kind="bimtek", title="Bimtek", organiser="BSSN", starts_on=today, ends_on=today, jp=8
        )
        activity.title_key, activity.organiser_key = "bimtek", "bssn"
        activity.proof.save("bukti.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        setattr(objects, name, activity)
    # Development plans: P's and Q's, submitted to their supervisors, one outside activity each.
    from courses.development.models import DevelopmentPlan, PlanItem

    for person, name in ((objects.p, "plan_p"), (objects.q, "plan_q")):
        plan = DevelopmentPlan.objects.create(employee=person, year=today.year, status="diajukan", submissions=1)
        item = PlanItem.objects.create(
            plan=plan, goal="Tujuan", activity_kind="bimtek", activity_title="Bimtek", quarter=1, jp=20
        )
        setattr(objects, name, plan)
        setattr(objects, f"{name}_item", item)
    objects.document = Document.objects.create(title="Panduan SKP", file=ContentFile(b"%PDF-1.4\n", name="panduan.pdf"))
    # An assignment of P (HR's assignment list: change the due date, cancel).
    from appraisal_link.models import Assignment

    objects.assignment = Assignment.objects.create(
        employee=objects.p, course=c1, reason="Matriks", due_date=timezone.localdate() + datetime.timedelta(days=30)
    )
    objects.employee_count = Employee.objects.count()
    objects.audit_p, objects.audit_q = (
        AuditEntry.objects.create(
            actor=users[HR_TOTP], action=AuditAction.VIEW, what="people.pegawai", subject_employee=employee
        )
        for employee in (objects.p, objects.q)
    )
    objects.now = timezone.now()
    return World(users=users, objects=objects)


@pytest.fixture(scope="module")
def media_roots(tmp_path_factory):
    """Public and private media folders that last as long as the module's world (its certificate
    PDFs and uploaded files are read by many tests)."""
    from django.test.utils import override_settings

    public, private = tmp_path_factory.mktemp("media"), tmp_path_factory.mktemp("private-media")
    with override_settings(MEDIA_ROOT=str(public), PRIVATE_MEDIA_ROOT=str(private)):
        yield public, private


@pytest.fixture(autouse=True)
def _temporary_media(settings, media_roots):
    """Overrides the suite's per-test media folders: the world's files live in the module's."""
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = str(media_roots[0]), str(media_roots[1])


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, media_roots):
    """The module's world, in a transaction rolled back after the module's last test."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = build_world()
            yield built
            transaction.set_rollback(True)


@pytest.fixture
def as_role(world, client, db):
    """A test client logged in as `role` (anonymous for ANONIM)."""

    def login(role):
        if role != ANONIM:
            client.force_login(world.users[role])
        return client

    return login
