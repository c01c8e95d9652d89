"""Peer (360°) feedback: the supervisor picks 3–5 colleagues, they rate the BerAKHLAK values without
their names kept, results show from three answers to the employee and the supervisor only, and a
value most raters put below expectation opens a gap."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from appraisal_link.feedback.models import PeerBallot, PeerRater, PeerReview
from appraisal_link.feedback.peer import (
    VALUE_CODES,
    peer_answer_submit,
    peer_deadline_reminders,
    peer_raters_propose,
    peer_raters_set,
    peer_round_open,
    peer_round_publish,
)
from competency.models import Gap
from portal.notifications.models import Kind, Notification
from portal.people.models import Unit
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture
def colleagues(make_person, unit, atasan):
    return [make_person(supervisor=atasan.employee, first_name=f"Rekan {n}").employee for n in range(5)]


@pytest.fixture
def review(peer_round, pegawai, colleagues):
    peer_round_open(round_=peer_round)
    return PeerReview.objects.get(round=peer_round, employee=pegawai.employee)


def answer(task, below=(), comment=""):
    ratings = {code: "di_bawah" if code in below else "sesuai" for code in VALUE_CODES}
    return peer_answer_submit(task=task, ratings=ratings, comment=comment)


def test_opening_enrols_the_units_active_people_once(peer_round, unit, pegawai, colleagues):
    sub_unit = Unit.objects.create(name="Seksi", code="seksi", parent=unit)
    EmployeeFactory(unit=sub_unit)
    EmployeeFactory(unit=unit, is_active=False)
    EmployeeFactory()  # another unit
    added = peer_round_open(round_=peer_round)
    assert added == PeerReview.objects.filter(round=peer_round).count() == 1 + 1 + 5 + 1  # atasan, P, 5, sub-unit
    assert peer_round_open(round_=peer_round) == 0


def test_opening_tells_the_people_and_their_supervisors_once_each(peer_round, unit, pegawai, atasan, colleagues):
    peer_round_open(round_=peer_round)
    told = Notification.objects.filter(kind=Kind.PEER_ROUND_OPENED)
    team = told.filter(key=f"peer-round-team:{peer_round.pk}")
    assert list(team.values_list("user_id", flat=True)) == [atasan.pk]  # one for the whole team
    assert team.get().url == reverse("peer_team")
    people = set(told.filter(key=f"peer-round:{peer_round.pk}").values_list("user_id", flat=True))
    assert {pegawai.pk, *(c.user_id for c in colleagues)} <= people
    newcomer = EmployeeFactory(unit=unit, supervisor=atasan.employee)
    before = told.count()
    peer_round_open(round_=peer_round)
    assert told.count() == before + (1 if newcomer.user_id else 0)  # only the newcomer; the supervisor knows


def test_the_supervisor_picks_three_to_five_colleagues_who_are_invited_once(review, colleagues):
    ids = [c.pk for c in colleagues[:3]]
    peer_raters_set(review=review, rater_ids=ids)
    peer_raters_set(review=review, rater_ids=ids)
    invitations = Notification.objects.filter(kind=Kind.PEER_INVITED)
    assert invitations.count() == 3 and {n.user_id for n in invitations} == {c.user_id for c in colleagues[:3]}
    for wrong, code in ([ids[:2], "count"], [[c.pk for c in colleagues] + [review.employee_id], "self"]):
        with pytest.raises(ValidationError) as refused:
            peer_raters_set(review=review, rater_ids=wrong)
        assert refused.value.code == code
    assert review.raters.count() == 3


def test_a_ballot_keeps_nothing_that_leads_to_its_rater(review, colleagues):
    peer_raters_set(review=review, rater_ids=[c.pk for c in colleagues[:3]])
    task = review.raters.first()
    ballot = answer(task, below={"adaptif"}, comment="Perlu lebih terbuka pada cara kerja baru.")
    fields = {field.name for field in PeerBallot._meta.get_fields()}
    assert fields == {"id", "review", "ratings", "comment"}  # no rater, no time, no sequence
    assert ballot.ratings["adaptif"] == "di_bawah"
    task.refresh_from_db()
    assert task.answered_at is not None
    with pytest.raises(ValidationError) as again:
        answer(task)
    assert again.value.code == "answered"
    assert PeerBallot.objects.count() == 1


@pytest.mark.parametrize("forged", [{"adaptif": "luar_biasa"}, {"tidak_ada": "sesuai"}, {}])
def test_a_forged_rating_is_refused_and_nothing_stored(review, colleagues, forged):
    peer_raters_set(review=review, rater_ids=[c.pk for c in colleagues[:3]])
    ratings = dict.fromkeys(VALUE_CODES, "sesuai") | forged
    if not forged:
        ratings.pop("adaptif")
    with pytest.raises(ValidationError) as refused:
        peer_answer_submit(task=review.raters.first(), ratings=ratings)
    assert refused.value.code == "ratings" and not PeerBallot.objects.exists()


def _rated(review, colleagues, answers):
    peer_raters_set(review=review, rater_ids=[c.pk for c in colleagues[: max(3, len(answers))]])
    tasks = list(review.raters.order_by("pk"))
    for task, (below, comment) in zip(tasks, answers, strict=False):
        answer(task, below=below, comment=comment)
    return tasks


def test_results_show_from_three_answers_after_publication_and_open_gaps(review, colleagues, pegawai, atasan, client):
    _rated(review, colleagues, [({"adaptif"}, "Kurang terbuka."), ({"adaptif"}, ""), (set(), "Sangat membantu.")])
    client.force_login(pegawai)
    assert 'data-testid="peer-result"' not in client.get(reverse("peer_home")).content.decode()  # not published
    round_ = review.round
    round_.closes_on = TODAY - datetime.timedelta(days=1)
    round_.save()
    assert peer_round_publish(round_=round_) == {"results": 1, "opened": 1}
    page = client.get(reverse("peer_home")).content.decode()
    assert 'data-testid="peer-result"' in page and "Kurang terbuka." in page and "Sangat membantu." in page
    gap = Gap.objects.get(source=Gap.Source.PEER)
    assert gap.employee == pegawai.employee and gap.competency.code == "mengelola-perubahan"
    assert gap.reason == "umpan balik rekan, putaran 2026-1: Adaptif di bawah ekspektasi"
    told = set(Notification.objects.filter(kind=Kind.PEER_RESULTS).values_list("user_id", flat=True))
    assert told == {pegawai.pk, atasan.pk}
    assert peer_round_publish(round_=round_) == {"results": 1, "opened": 0}
    assert Notification.objects.filter(kind=Kind.PEER_RESULTS).count() == 2


def test_two_answers_show_nothing(review, colleagues, pegawai, client):
    _rated(review, colleagues, [({"adaptif"}, "Komentar pertama"), ({"adaptif"}, "Komentar kedua")])
    peer_round_publish(round_=review.round)
    client.force_login(pegawai)
    page = client.get(reverse("peer_home")).content.decode()
    assert 'data-testid="peer-no-result"' in page and "Komentar pertama" not in page
    assert not Gap.objects.filter(source=Gap.Source.PEER).exists()


def test_the_supervisor_sees_the_results_hr_does_not(review, colleagues, pegawai, atasan_with_mfa, hr_with_mfa, client):
    _rated(review, colleagues, [(set(), "")] * 3)
    peer_round_publish(round_=review.round)
    url = reverse("team_member", args=[pegawai.employee.pk])
    client.force_login(atasan_with_mfa)
    assert 'data-testid="peer-results"' in client.get(url).content.decode()
    client.force_login(hr_with_mfa)
    assert 'data-testid="peer-results"' not in client.get(url).content.decode()


def test_someone_elses_task_or_review_is_not_found(review, colleagues, client, make_person):
    peer_raters_set(review=review, rater_ids=[c.pk for c in colleagues[:3]])
    stranger = make_person()
    client.force_login(stranger)
    task = review.raters.first()
    assert client.get(reverse("peer_rate", args=[task.pk])).status_code == 404
    assert client.post(reverse("peer_rate", args=[task.pk]), dict.fromkeys(VALUE_CODES, "sesuai")).status_code == 404
    ids = {"penilai": [c.pk for c in colleagues[:3]]}
    assert client.post(reverse("peer_raters", args=[review.pk]), ids).status_code == 404
    assert not PeerBallot.objects.exists()


def test_a_rater_answers_in_the_browser_form(review, colleagues, client):
    peer_raters_set(review=review, rater_ids=[c.pk for c in colleagues[:3]])
    task = review.raters.select_related("rater__user").first()
    client.force_login(task.rater.user)
    url = reverse("peer_rate", args=[task.pk])
    assert "Bertindak proaktif" in client.get(url).content.decode()  # the behaviours prompt
    bad = client.post(url, dict.fromkeys(VALUE_CODES[:-1], "sesuai"))
    assert bad.status_code == 400 and not PeerBallot.objects.exists()
    done = client.post(url, dict.fromkeys(VALUE_CODES, "di_atas") | {"komentar": "Teladan."})
    assert done.status_code == 302 and PeerBallot.objects.get().comment == "Teladan."


def test_the_supervisor_chooses_raters_on_the_team_page(review, colleagues, atasan, client):
    client.force_login(atasan)
    page = client.get(reverse("peer_team")).content.decode()
    assert review.employee.name in page and colleagues[0].name in page
    response = client.post(reverse("peer_raters", args=[review.pk]), {"penilai": [c.pk for c in colleagues[:4]]})
    assert response.status_code == 302 and review.raters.count() == 4


def test_the_deadline_reminder_goes_once_to_those_who_have_not_answered(review, colleagues):
    tasks = _rated(review, colleagues, [(set(), "")])
    round_ = review.round
    round_.closes_on = TODAY + datetime.timedelta(days=2)
    round_.save()
    assert peer_deadline_reminders() == 2
    assert peer_deadline_reminders() == 0
    reminded = set(Notification.objects.filter(kind=Kind.PEER_DEADLINE).values_list("user_id", flat=True))
    assert tasks[0].rater.user_id not in reminded


def test_the_rater_page_costs_the_same_queries_with_more_tasks(peer_round, colleagues, make_person, client):
    peer_round_open(round_=peer_round)
    rater = colleagues[0]
    client.force_login(rater.user)

    def count():
        client.get(reverse("peer_home"))  # warm: the bell and the roles are then kept
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("peer_home")).status_code == 200
        return len(queries)

    reviews = list(PeerReview.objects.filter(round=peer_round).exclude(employee=rater))
    PeerRater.objects.create(review=reviews[0], rater=rater)
    before = count()
    for review in reviews[1:4]:
        PeerRater.objects.create(review=review, rater=rater)
    assert count() == before


def test_the_employee_proposes_colleagues_and_the_supervisor_is_told_once(review, colleagues, pegawai, atasan, client):
    client.force_login(pegawai)
    page = client.get(reverse("peer_home")).content.decode()
    assert "Usulkan rekan penilai" in page and colleagues[0].name in page
    url = reverse("peer_propose", args=[review.pk])
    assert client.post(url, {"usulan": [colleagues[0].pk, colleagues[1].pk]}).status_code == 302
    assert client.post(url, {"usulan": [colleagues[1].pk, colleagues[2].pk]}).status_code == 302
    assert set(review.proposed.values_list("pk", flat=True)) == {colleagues[1].pk, colleagues[2].pk}
    told = Notification.objects.filter(kind=Kind.PEER_PROPOSED)
    assert list(told.values_list("user_id", flat=True)) == [atasan.pk]
    assert not review.raters.exists()  # a proposal invites nobody: the supervisor decides

    client.force_login(atasan)
    team = client.get(reverse("peer_team")).content.decode()
    assert f'data-testid="proposed-{review.pk}"' in team
    assert f'value="{colleagues[1].pk}" id="p{review.pk}-{colleagues[1].pk}" checked' in team
    assert f'value="{colleagues[0].pk}" id="p{review.pk}-{colleagues[0].pk}">' in team


@pytest.mark.parametrize("who", ["self", "stranger", "too_many"])
def test_a_forged_proposal_is_refused_and_nothing_kept(review, colleagues, pegawai, make_person, who):
    others = {
        "self": [review.employee_id],
        "stranger": [EmployeeFactory().pk],
        "too_many": [c.pk for c in colleagues] + [make_person(supervisor=None).employee.pk],
    }[who]
    with pytest.raises(ValidationError) as caught:
        peer_raters_propose(review=review, colleague_ids=others)
    assert caught.value.code == {"self": "self", "stranger": "unknown", "too_many": "count"}[who]
    assert not review.proposed.exists() and not Notification.objects.filter(kind=Kind.PEER_PROPOSED).exists()


def test_only_the_employee_proposes_for_their_own_review(review, colleagues, client):
    client.force_login(colleagues[0].user)
    response = client.post(reverse("peer_propose", args=[review.pk]), {"usulan": [colleagues[1].pk]})
    assert response.status_code == 404 and not review.proposed.exists()


def test_no_proposal_once_the_round_has_closed(review, colleagues):
    review.round.closes_on = TODAY - datetime.timedelta(days=1)
    review.round.save()
    with pytest.raises(ValidationError) as caught:
        peer_raters_propose(review=review, colleague_ids=[colleagues[0].pk])
    assert caught.value.code == "round_closed"
