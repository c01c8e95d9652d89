"""The hub at /perubahan/ as each reader sees it: made by a migration with its editors and workflow;
what is meant for the reader first; pending must-reads; the FAQ search; stories and guides; the
dashboard's part; the demo content; and query counts that do not grow with the material."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupPagePermission, WorkflowPage

from portal.change.models import (
    Acknowledgement,
    ChangeHubPage,
    EventRegistration,
    FAQPage,
    GuidePage,
    StoryPage,
)
from portal.change.selectors.hub import (
    employees_targeted_by,
    faq_context,
    must_read_items_for_dashboard,
    pending_must_reads,
    upcoming_events_for,
)
from portal.people import roles
from portal.people.models import Employee

from ..factories import EmployeeFactory, PositionFactory
from .conftest import make_change_article, make_change_event, make_hub_page

DAY = datetime.timedelta(days=1)


def count_queries(client, path) -> int:
    client.get(path)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries)


# --- Made by the migration -----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_hub_answers_at_perubahan_after_migrate(client):
    hub = ChangeHubPage.objects.get()
    assert hub.url == "/perubahan/" and hub.live
    response = client.get("/perubahan/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Perubahan</h1>" in html
    assert "dialog kinerja" in hub.intro and hub.intro in html


@pytest.mark.django_db
def test_communications_staff_write_and_hr_publishes_through_the_workflow():
    hub = ChangeHubPage.objects.get()

    def page_perms(name):
        return set(
            GroupPagePermission.objects.filter(group__name=name, page=hub).values_list(
                "permission__codename", flat=True
            )
        )

    assert page_perms(roles.KOMUNIKASI) == {"add_page", "change_page"}
    assert page_perms(roles.HR) == {"add_page", "change_page", "publish_page"}
    komunikasi = Group.objects.get(name=roles.KOMUNIKASI)
    assert komunikasi.permissions.filter(codename="access_admin").exists()
    workflow = WorkflowPage.objects.get(page=hub).workflow
    assert workflow.name == "Moderasi materi perubahan" and workflow.active
    [task] = [task.specific for task in workflow.tasks]
    assert task.name == "Persetujuan BKPSDM (perubahan)"
    assert list(task.groups.values_list("name", flat=True)) == [roles.HR]


# --- What the hub shows whom ---------------------------------------------------------------------


@pytest.fixture
def material(make_article, unit, other_unit, pegawai):
    """Material for the pegawai's unit, for their position, for everyone, and for another unit."""
    return {
        "unit": make_article("Khusus unit Anda", units=[unit]),
        "position": make_article("Khusus jabatan Anda", positions=[pegawai.employee.position]),
        "everyone": make_article("Untuk semua pegawai ASN"),
        "elsewhere": make_article("Khusus Kecamatan Gabek", units=[other_unit]),
        "faq": make_hub_page(FAQPage, "Tanya jawab", body=[]),
    }


@pytest.mark.django_db
def test_the_employee_sees_their_material_first_and_not_other_units(client, pegawai, material):
    client.force_login(pegawai)
    response = client.get("/perubahan/")
    titles = lambda key: [page.title for page in response.context[key]]  # noqa: E731
    assert titles("for_you") == ["Khusus unit Anda", "Khusus jabatan Anda"]
    assert titles("general") == ["Untuk semua pegawai ASN", "Tanya jawab"]
    assert response.context["for_others"] == []
    html = response.content.decode()
    assert html.index("Khusus unit Anda") < html.index("Untuk semua pegawai ASN")
    assert "Khusus Kecamatan Gabek" not in html


@pytest.mark.django_db
def test_hr_also_sees_material_for_other_units(client, hr_with_mfa, material):
    # HR works in the same unit as the pegawai here, but holds another position.
    client.force_login(hr_with_mfa)
    response = client.get("/perubahan/")
    assert [page.title for page in response.context["for_you"]] == ["Khusus unit Anda"]
    assert [page.title for page in response.context["for_others"]] == ["Khusus jabatan Anda", "Khusus Kecamatan Gabek"]
    assert "Hanya terlihat oleh BKPSDM" in response.content.decode()


@pytest.mark.django_db
def test_a_visitor_sees_the_general_material_and_an_invitation_to_log_in(client, material):
    response = client.get("/perubahan/")
    assert [page.title for page in response.context["general"]] == ["Untuk semua pegawai ASN", "Tanya jawab"]
    assert response.context["for_you"] == []
    html = response.content.decode()
    assert "Khusus unit Anda" not in html and "/accounts/login/?next=/perubahan/" in html


@pytest.mark.django_db
def test_a_topic_narrows_the_articles(client, pegawai, make_article):
    make_article("Alasan perubahan", topic="mengapa")
    make_article("Kaitan dengan pelatihan", topic="keterkaitan")
    client.force_login(pegawai)
    response = client.get("/perubahan/?topik=keterkaitan")
    assert [page.title for page in response.context["general"]] == ["Kaitan dengan pelatihan"]
    assert 'href="?topik=keterkaitan" aria-current="page"' in response.content.decode()
    assert len(client.get("/perubahan/?topik=<script>").context["general"]) == 2


@pytest.mark.django_db
def test_the_hub_lists_the_pending_must_reads_with_the_overdue_one_first(client, pegawai, make_article, unit):
    today = timezone.localdate()
    late = make_article("Terlambat", must_read=True, deadline=today - 2 * DAY, units=[unit])
    make_article("Tanpa batas", must_read=True)
    soon = make_article("Segera", must_read=True, deadline=today + 3 * DAY)
    done = make_article("Sudah dibaca", must_read=True, deadline=today + DAY)
    Acknowledgement.objects.create(employee=pegawai.employee, article=done)
    client.force_login(pegawai)
    response = client.get("/perubahan/")
    pending = response.context["pending_must_reads"]
    assert [a.title for a in pending] == ["Terlambat", "Segera", "Tanpa batas"]
    assert [bool(a.overdue) for a in pending] == [True, False, False]
    html = response.content.decode()
    assert "Bacaan wajib Anda: 3 belum dikonfirmasi" in html
    assert "Lewat batas waktu" in html and "Sudah Anda konfirmasi pada" in html
    assert late.pk and soon.pk


# --- Selectors for the dashboard and for notifications --------------------------------------------


@pytest.mark.django_db
def test_pending_must_reads_are_live_targeted_unconfirmed_and_by_deadline(pegawai, make_article, unit, other_unit):
    today = timezone.localdate()
    make_article("Draf", must_read=True, live=False)
    make_article("Bukan wajib")
    make_article("Unit lain", must_read=True, units=[other_unit])
    late = make_article("Lewat", must_read=True, deadline=today - DAY, units=[unit])
    later = make_article("Nanti", must_read=True, deadline=today + 9 * DAY)
    confirmed = make_article("Dikonfirmasi", must_read=True)
    Acknowledgement.objects.create(employee=pegawai.employee, article=confirmed)
    pending = list(pending_must_reads(employee=pegawai.employee))
    assert pending == [late, later]
    assert [a.overdue for a in pending] == [True, False]
    summary = must_read_items_for_dashboard(employee=pegawai.employee)
    assert summary["items"] == [late, later]
    assert (summary["pending_count"], summary["overdue_count"], summary["confirmed_count"]) == (2, 1, 1)


@pytest.mark.django_db
def test_employees_targeted_by_a_page(change_hub, unit, other_unit, pegawai):
    position = PositionFactory()
    in_unit = EmployeeFactory(unit=unit)
    with_position = EmployeeFactory(unit=other_unit, position=position)
    elsewhere = EmployeeFactory(unit=other_unit)
    EmployeeFactory(unit=unit, is_active=False)
    everyone = make_change_article("Semua")
    targeted = make_change_article("Terarah", units=[unit], positions=[position])
    in_unit_all = set(Employee.objects.filter(unit=unit, is_active=True))  # with the pegawai and their atasan
    assert in_unit in in_unit_all and pegawai.employee in in_unit_all
    assert set(employees_targeted_by(targeted)) == in_unit_all | {with_position}
    assert set(employees_targeted_by(everyone)) >= {in_unit, with_position, elsewhere, pegawai.employee}
    assert not employees_targeted_by(everyone).filter(is_active=False).exists()
    event = make_change_event(units=[other_unit])
    assert pegawai.employee not in set(employees_targeted_by(event))


@pytest.mark.django_db
def test_upcoming_events_are_those_registered_or_meant_for_the_employee(change_hub, pegawai, unit, other_unit):
    employee = pegawai.employee
    registered_elsewhere = make_change_event("Terdaftar, unit lain", starts_in=5 * DAY, units=[other_unit])
    EventRegistration.objects.create(event=registered_elsewhere, employee=employee)
    mine = make_change_event("Untuk unit saya", starts_in=2 * DAY, units=[unit])
    general = make_change_event("Untuk semua", starts_in=3 * DAY)
    make_change_event("Unit lain", starts_in=DAY, units=[other_unit])
    cancelled = make_change_event("Batal", starts_in=4 * DAY, units=[other_unit])
    EventRegistration.objects.create(event=cancelled, employee=employee, cancelled_at=timezone.now())
    make_change_event("Sudah lewat", starts_in=-3 * DAY)
    make_change_event("Nanti sekali", starts_in=30 * DAY)
    events = upcoming_events_for(employee=employee)
    assert events == [mine, general, registered_elsewhere]
    assert [e.is_registered for e in events] == [False, False, True]
    assert len(upcoming_events_for(employee=employee, limit=10)) == 4


@pytest.mark.django_db
def test_the_dashboard_shows_pending_must_reads_and_events(client, pegawai, make_article, unit):
    today = timezone.localdate()
    make_article("Bacaan terlambat", must_read=True, deadline=today - DAY, units=[unit])
    make_change_event("Sosialisasi SKP di Diskominfo", units=[unit])
    client.force_login(pegawai)
    html = client.get("/dasbor/").content.decode()
    assert "Bacaan wajib" in html and "Bacaan terlambat" in html and 'class="is-overdue"' in html
    assert "1 artikel menunggu konfirmasi Anda." in html
    assert "Acara sosialisasi" in html and "Sosialisasi SKP di Diskominfo" in html


# --- FAQ, stories and guides ---------------------------------------------------------------------

FAQ_BODY = [
    {"type": "heading", "value": {"text": "Tentang SKP", "size": "h2"}},
    {"type": "item", "value": {"question": "Apakah SKP menambah beban?", "answer": "<p>Tidak.</p>"}},
    {"type": "item", "value": {"question": "Kapan SKP disusun?", "answer": "<p>Di awal <b>periode</b>.</p>"}},
    {"type": "heading", "value": {"text": "Tentang JP", "size": "h2"}},
    {"type": "item", "value": {"question": "Berapa hak JP?", "answer": "<p>Paling sedikit 20 JP &amp; gratis.</p>"}},
]


@pytest.mark.django_db
def test_faq_search_matches_questions_and_answers_case_insensitively(change_hub):
    faq = make_hub_page(FAQPage, "Tanya jawab", body=FAQ_BODY)
    everything = faq_context(page=faq, query="")
    assert (everything["faq_total"], everything["faq_count"]) == (3, 3)
    assert [group["heading"].value["text"] for group in everything["faq_groups"]] == ["Tentang SKP", "Tentang JP"]
    by_question = faq_context(page=faq, query="  BEBAN ")
    assert by_question["query"] == "BEBAN" and by_question["faq_count"] == 1
    assert [group["heading"].value["text"] for group in by_question["faq_groups"]] == ["Tentang SKP"]
    assert faq_context(page=faq, query="Periode")["faq_count"] == 1  # in the answer
    assert faq_context(page=faq, query="20 jp & gratis")["faq_count"] == 1  # entities read as text
    assert faq_context(page=faq, query="<b>")["faq_count"] == 0  # markup never matches
    assert faq_context(page=faq, query="x" * 500)["query"] == "x" * 100


@pytest.mark.django_db
def test_the_faq_page_has_a_labelled_search_a_count_and_open_answers(client, change_hub):
    faq = make_hub_page(FAQPage, "Tanya jawab", body=FAQ_BODY)
    html = client.get(faq.url).content.decode()
    assert '<label for="faq-q">' in html and html.count("<details") == 3 and " open>" not in html
    html = client.get(faq.url, {"q": "skp"}).content.decode()
    assert "2 dari 3 pertanyaan cocok dengan “skp”." in html
    assert html.count("<details") == 2 and " open>" in html
    html = client.get(faq.url, {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)</script>" not in html and "Tidak ada pertanyaan yang cocok" in html


@pytest.mark.django_db
def test_a_story_shows_the_photo_with_alt_text_and_the_quote(client, change_hub, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = get_image_model().objects.create(title="Foto Dewi", file=get_test_image_file("dewi.png"))
    story = make_hub_page(
        StoryPage,
        "Target saya jelas",
        person_name="Dewi",
        person_role="Pranata Komputer",
        quote="Dialog membantu.",
        photo=photo,
    )
    html = client.get(story.url).content.decode()
    assert 'alt="Foto Dewi"' in html and "<blockquote><p>Dialog membantu.</p></blockquote>" in html
    assert "Pranata Komputer" in client.get("/perubahan/").content.decode()


@pytest.mark.django_db
def test_a_guide_offers_its_file_with_type_and_size(client, change_hub, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = make_document()
    guide = make_hub_page(GuidePage, "Panduan dialog kinerja", intro="Dua halaman.", document=document)
    html = client.get(guide.url).content.decode()
    assert f'href="{document.url}"' in html and "PDF, 2,0\xa0KB" in html
    hub = client.get("/perubahan/").content.decode()
    assert "Panduan untuk diunduh" in hub and f'href="{document.url}"' in hub


# --- Query counts ------------------------------------------------------------------------------------


def make_document(title="Panduan dialog", size=2048):
    document = get_document_model()(title=title)
    document.file.save("panduan.pdf", ContentFile(b"%PDF-1.4 " + b"x" * size), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def grow_material(n, *, pegawai, unit, other_unit):
    """n pages of every kind, aimed at the pegawai or not, with confirmations, seats and photos."""
    image_model = get_image_model()
    for i in range(n):
        article = make_change_article(f"Artikel {i}", must_read=True, units=[unit] if i % 2 else [other_unit])
        if i % 2:
            Acknowledgement.objects.create(employee=pegawai.employee, article=article)
        make_hub_page(FAQPage, f"FAQ {i}", body=FAQ_BODY, units=[unit] if i % 3 == 0 else [])
        photo = image_model.objects.create(title=f"Foto {i}", file=get_test_image_file(f"foto{i}.png"))
        make_hub_page(
            StoryPage, f"Cerita {i}", person_name=f"Rekan {i}", person_role="Staf", quote="Kutipan.", photo=photo
        )
        make_hub_page(
            GuidePage,
            f"Panduan {i}",
            intro="Ringkasan.",
            document=make_document(f"Berkas {i}"),
            positions=[pegawai.employee.position],
        )
        event = make_change_event(f"Acara {i}", starts_in=(i + 1) * DAY, units=[unit] if i % 2 else [])
        EventRegistration.objects.create(event=event, employee=pegawai.employee)


def built_queries(client, make_person, other_unit) -> int:
    """The hub's queries for someone in an audience nobody has seen it as yet (its pages are read:
    a new position in `other_unit`, where some material is aimed), whose own records (roles,
    employee, the bell) are already kept from another page."""
    reader = make_person(roles.PEGAWAI, unit=other_unit)
    reader.employee.position = PositionFactory()
    reader.employee.save()
    client.force_login(reader)
    client.get("/dasbor/")
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/perubahan/").status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_hub_queries_are_pinned_and_constant(client, pegawai, unit, other_unit, make_person, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(pegawai)
    grow_material(2, pegawai=pegawai, unit=unit, other_unit=other_unit)
    before = count_queries(client, "/perubahan/")
    built_before = built_queries(client, make_person, other_unit)
    grow_material(9, pegawai=pegawai, unit=unit, other_unit=other_unit)
    client.force_login(pegawai)
    assert count_queries(client, "/perubahan/") == before == HUB_QUERIES
    assert built_queries(client, make_person, other_unit) == built_before == HUB_QUERIES + HUB_PAGES_QUERIES


@pytest.mark.django_db
def test_dashboard_queries_stay_constant_with_more_must_reads_and_events(client, pegawai, unit, change_hub):
    client.force_login(pegawai)
    make_change_article("Wajib 0", must_read=True, units=[unit])
    make_change_event("Acara 0", units=[unit])
    before = count_queries(client, "/dasbor/")
    for i in range(1, 10):
        article = make_change_article(f"Wajib {i}", must_read=True, deadline=timezone.localdate() + i * DAY)
        if i % 3 == 0:
            Acknowledgement.objects.create(employee=pegawai.employee, article=article)
        event = make_change_event(f"Acara {i}", starts_in=i * DAY, units=[unit])
        EventRegistration.objects.create(event=event, employee=pegawai.employee)
    html = client.get("/dasbor/").content.decode()
    assert "7 artikel menunggu konfirmasi Anda." in html and "Lihat semua bacaan wajib" in html
    assert count_queries(client, "/dasbor/") == before


# --- Demo content --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_fills_the_hub_once(settings, tmp_path, client):
    from portal.change.demo import hub as demo_hub
    from portal.change.models import ChangeArticlePage
    from portal.people.demo import seed_organisation

    settings.MEDIA_ROOT = tmp_path
    seed_organisation(employee_count=3)
    demo_hub.seed()
    counts = (ChangeArticlePage.objects.count(), Acknowledgement.objects.count(), get_document_model().objects.count())
    demo_hub.seed()
    assert (
        ChangeArticlePage.objects.count(),
        Acknowledgement.objects.count(),
        get_document_model().objects.count(),
    ) == counts

    articles = ChangeArticlePage.objects.live()
    assert articles.count() >= 5 and all(a.get_latest_revision() is not None for a in articles)
    assert articles.filter(
        must_read=True, must_read_deadline__isnull=False, target_units__code="diskominfo-aptika"
    ).exists()
    faq = FAQPage.objects.live().get()
    assert sum(1 for child in faq.body if child.block_type == "item") >= 10
    assert StoryPage.objects.live().count() >= 2
    guide = GuidePage.objects.live().get()
    with guide.document.file.open("rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    pegawai = Employee.objects.get(nip="199204202019032011")
    assert len(list(pending_must_reads(employee=pegawai))) == 1
    assert Acknowledgement.objects.filter(employee=pegawai).count() == 1
    client.force_login(pegawai.user)
    html = client.get("/perubahan/").content.decode()
    assert "Bacaan wajib Anda: 1 belum dikonfirmasi" in html and "Untuk Anda" in html


# Pinned: a change that adds a query to the hub must say so here. Warm: the session, Wagtail's
# routing and privacy check, the user, their roles and employee record, the header's notification
# bell and the hub's pages for the reader's unit and position come from the cache; the reader's
# confirmations and seats. Read for an audience the first time: one query each for articles, FAQ
# pages, stories (+ their photos and the photos' renditions), events and guides; a featured course
# adds two.
HUB_QUERIES = 2
HUB_PAGES_QUERIES = 7
