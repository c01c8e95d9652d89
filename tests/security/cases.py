"""The building blocks of the matrix's table: a Case (one URL, one method, one outcome per role)
and builders of URLs and of the snapshots that a refused POST must leave unchanged."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from .outcomes import admin


@dataclass(frozen=True)
class Case:
    url: Callable
    outcomes: dict
    label: str = ""
    method: str = "GET"
    data: Callable | None = None
    unchanged: Callable | None = None  # a snapshot that a refused POST must leave as it was
    get: str = "405"  # what a GET answers on a POST-only URL (checked as HR with TOTP)
    others: Callable | None = None  # URLs of another person's objects of the same kind
    public: str = ""  # why the object this URL names is no one's personal data


def u(name: str, *objects, query: str = "") -> Callable:
    """A URL builder: `reverse(name)` with the pks of the world's objects named (a "=" prefix
    passes the rest of the string as it is)."""

    def build(world) -> str:
        args = [o[1:] if isinstance(o, str) and o.startswith("=") else getattr(world, o).pk for o in objects]
        return reverse(name, args=args) + query

    return build


def urls(*builders: Callable) -> Callable:
    return lambda world: [build(world) for build in builders]


def page(attribute: str) -> Callable:
    return lambda world: getattr(world, attribute).url


def values_of(model_path: str, *fields: str) -> Callable:
    """A snapshot of `fields` of every row of the model (the world's tables are small)."""

    def snapshot(world):
        from django.apps import apps

        return list(apps.get_model(model_path).objects.order_by("pk").values_list("pk", *fields))

    return snapshot


def count_of(model_path: str) -> Callable:
    def snapshot(world):
        from django.apps import apps

        return apps.get_model(model_path).objects.count()

    return snapshot


FULL = ("index", "index_results", "add", "edit", "delete", "history", "history_results", "usage", "copy")
WITHOUT_COPY = FULL[:-1]
OBJECT_VIEWS = {"edit", "delete", "history", "history_results", "usage", "copy", "inspect"}


def viewset(namespace: str, obj: str, *, views=FULL, other: str = "", public: str = "", **cells) -> dict:
    """The screens `views` of a project ModelViewSet (HR's, in the Wagtail admin), keyed by name;
    the object screens name the world's `obj` (and `other`, another person's object of its kind)."""
    table = {}
    for view in views:
        if view in OBJECT_VIEWS:
            others = urls(u(f"{namespace}:{view}", other)) if other else None
            case = Case(u(f"{namespace}:{view}", obj), admin(**cells), others=others, public=public)
        else:
            case = Case(u(f"{namespace}:{view}"), admin(**cells))
        table[f"{namespace}:{view}"] = [case]
    return table
