"""What the middleware records: the audited views every app declares, and how to read a request.

An app lists its views that show or export other people's personal data in its wagtail_hooks.py:

    @hooks.register("register_audited_views")
    def audited_views():
        return [AuditRule("team_member", what="tim.anggota", label=_("Profil anggota tim"),
                          subject="employee_id")]

The registry is read from the hooks once per process.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from wagtail import hooks

from .models import AuditAction

HOOK_NAME = "register_audited_views"
EXPORT_FORMATS = ("csv", "xlsx")
# Query parameters that turn a page into a file: the portal's own reports use ?format=, Wagtail's
# ModelViewSet listings ?export=.
EXPORT_PARAMETERS = ("format", "export")

# The subject of a request: an Employee id, a queryset whose first row's first column is one (it
# becomes a sub-query of the INSERT, so it costs no query of its own), or None.
Subject = int | QuerySet | None
SubjectFinder = Callable[[HttpRequest, dict[str, Any]], Subject]


@dataclass(frozen=True)
class AuditRule:
    """One audited view, by its URL name (with namespace, e.g. "pegawai:edit").

    - what: a short key HR can search by ("tim.anggota", "laporan.kursus").
    - label: the human description shown in the trail.
    - action: AuditAction; a request recognised as an export is recorded as EXPORT whatever this says.
    - subject: whose data it is: the name of a URL kwarg holding an Employee id, or a callable
      (request, kwargs) -> Subject. None for a list of many people.
    - object_kwarg / object_type: the record opened, kept as "type:id" (e.g. "course:12").
    - export: every successful response is a file (an error file, an uploaded file); otherwise a
      request is an export when ?format= or ?export= asks for CSV or XLSX.
    - methods: the HTTP methods recorded (the API records its POST).
    - reauthenticate: an export asks for the password again unless the user entered it recently.
    - response_detail: what to keep from the response (e.g. the API's row count) in `detail`.
    """

    view_name: str
    what: str
    label: str
    action: str = AuditAction.VIEW
    subject: str | SubjectFinder | None = None
    object_kwarg: str | None = None
    object_type: str = ""
    export: bool = False
    methods: tuple[str, ...] = ("GET",)
    reauthenticate: bool = True
    response_detail: Callable[[HttpResponse], dict[str, Any]] | None = None

    def export_format(self, request: HttpRequest) -> str | None:
        """The file format this request asks for ("csv", "xlsx", "file"), or None for a page."""
        if request.method not in self.methods:
            return None
        for name in EXPORT_PARAMETERS:
            value = request.GET.get(name)
            if value in EXPORT_FORMATS:
                return value
        return "file" if self.export else None

    def subject_of(self, request: HttpRequest, kwargs: dict[str, Any]) -> Subject:
        if self.subject is None:
            return None
        if isinstance(self.subject, str):
            value = kwargs.get(self.subject)
            try:
                return int(value) if value is not None else None
            except (TypeError, ValueError):
                return None
        return self.subject(request, kwargs)

    def object_of(self, kwargs: dict[str, Any]) -> str:
        if not self.object_kwarg or kwargs.get(self.object_kwarg) is None:
            return ""
        return f"{self.object_type or self.object_kwarg}:{kwargs[self.object_kwarg]}"


@cache
def audit_rules() -> dict[str, AuditRule]:
    """Every registered rule by view name, read from the hooks once per process."""
    rules: dict[str, AuditRule] = {}
    for hook in hooks.get_hooks(HOOK_NAME):
        for rule in hook():
            if rule.view_name in rules:
                raise ImproperlyConfigured(f"{rule.view_name} is registered twice in {HOOK_NAME}")
            rules[rule.view_name] = rule
    return rules


def audit_rule_for(view_name: str | None) -> AuditRule | None:
    return audit_rules().get(view_name) if view_name else None


def from_model(queryset: QuerySet, *, kwarg: str, field: str = "employee_id") -> SubjectFinder:
    """A subject finder for a view of one record that belongs to an employee: the record whose pk
    is in URL kwarg `kwarg`, its `field` (an Employee id), as a sub-query."""

    def find(request: HttpRequest, kwargs: dict[str, Any]) -> Subject:
        if kwargs.get(kwarg) is None:
            return None
        return queryset.filter(pk=kwargs[kwarg]).values(field)[:1]

    return find
