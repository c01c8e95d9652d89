"""HR's page of a peer round: completion counts per unit (never who rates whom), enrolling the
units' people, and publishing only once the round has closed."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from appraisal_link.feedback.models import PeerReview, PeerRound
from appraisal_link.feedback.peer import VALUE_CODES, peer_answer_submit, peer_raters_set, peer_round_open
from portal.notifications.models import Kind, Notification
from portal.people.models import Unit
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture
def colleagues(make_person, atasan):
    return [make_person(supervisor=atasan.employee, first_name=f"Penilai Rahasia {n}").employee for n in range(4)]


@pytest.fixture
def rated(peer_round, pegawai, colleagues):
    """P's review with three colleagues invited, all three answered (one with a comment)."""
    peer_round_open(round_=peer_round)
    review = PeerReview.objects.get(round=peer_round, employee=pegawai.employee)
    peer_raters_set(review=review, rater_ids=[c.pk for c in colleagues[:3]])
    for number, task in enumerate(review.raters.order_by("pk")):
        ratings = {code: "di_bawah" if code == "adaptif" else "sesuai" for code in VALUE_CODES}
        peer_answer_submit(task=task, ratings=ratings, comment="Komentar rahasia" if number == 0 else "")
    return review


def detail(client, peer_round):
    response = client.get(reverse("peer_round_detail", args=[peer_round.pk]))
    assert response.status_code == 200
    return response


def post(client, name, peer_round) -> tuple:
    """POST to one of the round's actions; the redirect's target and the messages shown there."""
    response = client.post(reverse(name, args=[peer_round.pk]), follow=True)
    [(target, status)] = response.redirect_chain
    assert status == 302 and response.status_code == 200
    return target, [str(message) for message in response.context["messages"]]


def test_hr_sees_the_counts_per_unit(hr_client, peer_round, rated, colleagues, unit):
    other = next(c for c in colleagues if not c.peer_rating_tasks.exists())
    other_review = PeerReview.objects.get(round=peer_round, employee=other)
    peer_raters_set(review=other_review, rater_ids=[c.pk for c in colleagues if c != other][:3])
    response = detail(hr_client, peer_round)
    [row] = response.context["units"]
    everyone = PeerReview.objects.filter(round=peer_round).count()
    assert (row.unit_name, row.employees, row.with_raters, row.invited, row.answered, row.with_results) == (
        unit.name,
        everyone,
        2,
        6,
        3,
        1,
    )
    page = response.content.decode()
    assert f'<tr data-testid="total"><th scope="row">Jumlah</th><td>{everyone}</td><td>2</td><td>6</td>' in page
    assert "Siapkan peserta" in page and "Terbitkan hasil" not in page  # still open


def test_the_page_never_names_a_rater_or_a_ratee(hr_client, peer_round, rated, colleagues, pegawai):
    page = detail(hr_client, peer_round).content.decode()
    assert "Penilai Rahasia" not in page
    assert pegawai.employee.name not in page
    assert "Komentar rahasia" not in page


def test_publish_is_refused_until_the_round_has_closed(hr_client, peer_round, rated):
    for closes_on in (TODAY + datetime.timedelta(days=1), TODAY):  # the last day raters may answer
        PeerRound.objects.filter(pk=peer_round.pk).update(closes_on=closes_on)
        _target, [message] = post(hr_client, "peer_round_publish", peer_round)
        assert message.startswith(f"Hasil baru dapat diterbitkan setelah putaran ditutup ({closes_on.day} ")
        peer_round.refresh_from_db()
        assert peer_round.results_published_at is None
        assert not Notification.objects.filter(kind=Kind.PEER_RESULTS).exists()

    PeerRound.objects.filter(pk=peer_round.pk).update(closes_on=TODAY - datetime.timedelta(days=1))
    _target, messages = post(hr_client, "peer_round_publish", peer_round)
    assert messages == ["Hasil putaran 2026-1 diterbitkan: 1 pegawai mendapat hasil, 1 kesenjangan dibuka."]
    peer_round.refresh_from_db()
    assert peer_round.results_published_at is not None
    page = detail(hr_client, peer_round).content.decode()
    assert "Hasil diterbitkan" in page and "Siapkan peserta" not in page and "Terbitkan hasil" not in page


def test_opening_is_idempotent(hr_client, peer_round, pegawai, colleagues):
    target, first = post(hr_client, "peer_round_open", peer_round)
    enrolled = PeerReview.objects.filter(round=peer_round).count()
    assert enrolled >= 1 + 1 + 4  # atasan, P and the colleagues (and HR, of the same unit)
    assert first == [f"{enrolled} pegawai ditambahkan ke putaran 2026-1."]
    assert target == reverse("peer_round_detail", args=[peer_round.pk])
    assert post(hr_client, "peer_round_open", peer_round)[1] == ["0 pegawai ditambahkan ke putaran 2026-1."]
    assert PeerReview.objects.filter(round=peer_round).count() == enrolled


def test_a_published_round_takes_no_more_people(hr_client, peer_round, pegawai):
    PeerRound.objects.filter(pk=peer_round.pk).update(results_published_at=datetime.datetime.now(datetime.UTC))
    _target, messages = post(hr_client, "peer_round_open", peer_round)
    assert messages == ["Hasil putaran ini sudah diterbitkan; peserta tidak dapat ditambah lagi."]
    assert not PeerReview.objects.exists()


def test_the_page_runs_the_same_queries_with_more_reviews(hr_client, peer_round, rated, colleagues, unit):
    def count():
        detail(hr_client, peer_round)  # warm: the bell and the roles are then kept
        with CaptureQueriesContext(connection) as queries:
            detail(hr_client, peer_round)
        return len(queries)

    before = count()
    sub_unit = Unit.objects.create(name="Seksi Persandian", code="seksi-sandi", parent=unit)
    newcomers = [EmployeeFactory(unit=sub_unit) for _ in range(4)]
    peer_round_open(round_=peer_round)
    for newcomer in newcomers:
        review = PeerReview.objects.get(round=peer_round, employee=newcomer)
        peer_raters_set(review=review, rater_ids=[c.pk for c in colleagues[:3]])
    after = count()
    assert after == before
    assert [row.unit_name for row in detail(hr_client, peer_round).context["units"]] == sorted(
        [unit.name, sub_unit.name]
    )


def test_hr_lists_the_rounds_with_a_way_to_their_page(hr_client, peer_round):
    page = hr_client.get(reverse("putaran-rekan:index")).content.decode()
    assert "2026-1" in page and reverse("peer_round_detail", args=[peer_round.pk]) in page


def test_a_new_round_leads_to_its_page_where_people_are_enrolled(hr_client, unit):
    data = {"name": "2027-1", "units": [unit.pk], "opens_on": TODAY.isoformat(), "closes_on": TODAY.isoformat()}
    response = hr_client.post(reverse("putaran-rekan:add"), data, follow=True)
    round_ = PeerRound.objects.get(name="2027-1")
    assert response.redirect_chain[-1][0] == reverse("peer_round_detail", args=[round_.pk])
    assert "Siapkan peserta" in [str(m) for m in response.context["messages"]][0]
