"""The dashboard's one-query plan summary gives the numbers of the plan's full progress, at every step."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.development.models import PlanItem
from courses.development.selectors import plan_of, plan_summary
from courses.development.services import activity_verify, plan_for, plan_item_add
from portal.people import roles
from portal.people.learner_kept import learners_changed

from ..courses.conftest import make_course
from ..portal.test_pages import DASHBOARD_BUILT_QUERIES
from .test_plans import YEAR, complete

pytestmark = pytest.mark.django_db


def numbers(plan):
    return plan.done_count, plan.done_jp, plan.planned_jp


def assert_same(employee):
    full, summary = plan_of(employee=employee, year=YEAR), plan_summary(employee=employee, year=YEAR)
    assert numbers(summary) == numbers(full)
    assert summary.item_count == len(full.rows)
    return numbers(summary)


def test_the_summary_follows_every_step_of_progress(plan, pegawai, atasan, make_person, record):
    employee = pegawai.employee
    course = plan.items.get(course__isnull=False).course
    bimtek = plan.items.get(course__isnull=True)
    assert assert_same(employee) == (0, 0, 20)

    other = make_person(roles.PEGAWAI, supervisor=atasan.employee)
    complete(other.employee, course)  # someone else's completion
    activity_verify(activity=record(other.employee, title="Bimtek Manajemen Perubahan"), by=atasan)
    last_year = datetime.date(YEAR - 1, 6, 1)
    old = record(employee, title="Bimtek Manajemen Perubahan", starts_on=last_year, ends_on=last_year)
    activity_verify(activity=old, by=atasan)  # the right title, but last year
    assert assert_same(employee) == (0, 0, 20)

    complete(employee, course)
    assert assert_same(employee) == (1, 4, 20)
    waiting = record(employee, title="Kegiatan Lain", plan_item=bimtek)
    assert assert_same(employee) == (1, 4, 20)  # not verified yet
    activity_verify(activity=waiting, by=atasan)
    assert assert_same(employee) == (2, 20, 20)


def test_an_activity_titled_as_the_plan_says_counts_in_the_summary(plan, pegawai, atasan, record):
    activity_verify(activity=record(pegawai.employee, title="  bimtek MANAJEMEN   perubahan "), by=atasan)
    assert assert_same(pegawai.employee) == (1, 16, 20)


def test_an_empty_plan_and_no_plan(pegawai):
    assert plan_summary(employee=pegawai.employee, year=YEAR) is None
    plan_for(employee=pegawai.employee, year=YEAR)
    assert assert_same(pegawai.employee) == (0, 0, 0)


def test_the_title_key_follows_the_title(plan):
    item = plan.items.get(course__isnull=True)
    assert item.activity_title_key == "bimtek manajemen perubahan"
    item.activity_title = "Coaching  Dialog KINERJA"
    item.save(update_fields=["activity_title"])
    item.refresh_from_db()
    assert item.activity_title_key == "coaching dialog kinerja"
    bulk = PlanItem.keyed([PlanItem(plan=plan, activity_title=" Workshop TTE ", quarter=1, jp=2)])
    assert bulk[0].activity_title_key == "workshop tte"


def test_the_dashboard_with_a_plan_costs_no_more_queries(client, plan, pegawai, atasan, record, gap):
    plan_item_add(plan=plan, quarter=3, gap=gap, course=make_course("Dialog Kinerja", jp=6))
    activity_verify(activity=record(pegawai.employee, title="Bimtek Manajemen Perubahan"), by=atasan)
    client.force_login(pegawai)
    client.get("/dasbor/")
    learners_changed([pegawai.employee.pk])  # built again, not kept (portal.dashboard)
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/dasbor/").content.decode()
    assert len(queries) == DASHBOARD_BUILT_QUERIES
    assert "26 JP direncanakan; 1 dari 3 kegiatan selesai." in html
