"""Writing and checking the page tree in bulk (treebeard paths, subclass rows, fixtree's checks)."""

import io

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page


def _path(parent_path: str, position: int) -> str:
    """The treebeard path of the `position`-th child (1-based) of a node."""
    key = Page._int2str(position)
    return parent_path + key.rjust(Page.steplen, "0")


def _insert_subclass_rows(model, objs, batch=2000):
    """bulk_create refuses multi-table models; insert the subclass table's own columns directly."""
    fields = model._meta.local_concrete_fields
    for start in range(0, len(objs), batch):
        model._base_manager._insert(objs[start : start + batch], fields=fields)


def check_tree(*, fixtree: bool = False) -> str:
    """The page tree must be valid: treebeard's find_problems (paths, depths, numchild, orphans) finds
    nothing and every page has its subclass row. These are exactly the checks of Wagtail's
    `fixtree`; with fixtree=True the command itself runs too (slower: it loads every page's
    specific object, ~13,000 queries at full scale) and must report "No problems found"."""
    from django.core.management import call_command
    from wagtail.models import Collection

    names = ("bad characters", "bad path length", "orphans", "wrong depth", "wrong numchild")
    for model in (Page, Collection):
        problems = model.find_problems()
        if any(problems):
            found = ", ".join(f"{n}: {p[:10]}" for n, p in zip(names, problems, strict=True) if p)
            raise SystemExit(f"{model.__name__} tree problems: {found}")
    for content_type_id in Page.objects.order_by().values_list("content_type", flat=True).distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or model is Page:
            continue
        missing = (
            Page.objects.filter(content_type_id=content_type_id)
            .exclude(pk__in=model._base_manager.values("pk"))
            .count()
        )
        if missing:
            raise SystemExit(f"{missing} {model.__name__} pages have no subclass row")
    if not fixtree:
        return "find_problems: none; subclass rows: complete"
    out = io.StringIO()
    call_command("fixtree", "--noinput", stdout=out)
    report = out.getvalue()
    bad = [
        line for line in report.splitlines() if line and not line.startswith("Checking ") and "No problems" not in line
    ]
    if bad:
        raise SystemExit("fixtree reported:\n" + report)
    return report.strip().replace("\n\n", "; ").replace("\n", " ")
