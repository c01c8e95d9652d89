"""Whom the hub's material is for: the one targeting rule of the change hub, in SQL and in Python.

A page of the hub (article, FAQ, story, event, guide) may name target units and positions. With no
target it is meant for everyone; otherwise for the employees whose unit is a target unit **or a
direct sub-unit of one** (a dinas's bidang and UPTD: the same reach as HR's assignment by unit), or
whose position is a target position. Every reader of the rule goes through this module: the
listings and pages (`audience_expression`), one page already read (`audience_of`), the people to
notify (`employees_targeted_by`) and the adoption dashboard (`covers`).
"""

from django.db.models import Case, CharField, Exists, OuterRef, Q, QuerySet, Subquery, Value, When

from portal.people.models import Employee, Unit

# The audience of a page, seen from one employee.
MINE = "untuk_anda"  # aimed at the employee's unit or position
EVERYONE = "semua"  # no target: every employee
OTHERS = "lain"  # aimed at other units or positions only
VISIBLE = (MINE, EVERYONE)
RANK = {MINE: 0, EVERYONE: 1, OTHERS: 2}


def _through(model, field_name: str):
    """The link table of a page's target field, with the names of its page and target columns."""
    field = model._meta.get_field(field_name)
    return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()


def audience_expression(model, employee: Employee | None) -> Case:
    """An annotation giving, for each page of `model`, MINE, EVERYONE or OTHERS relative to `employee`.

    Pure SQL (EXISTS subqueries on the link tables), so a list of pages costs one query however many
    targets they carry. Without an employee (a visitor, an account without a record) nothing is MINE.
    """
    units, unit_page, unit_col = _through(model, "target_units")
    positions, position_page, position_col = _through(model, "target_positions")
    any_unit = Exists(units.objects.filter(**{unit_page: OuterRef("pk")}))
    any_position = Exists(positions.objects.filter(**{position_page: OuterRef("pk")}))
    whens = []
    if employee is not None:
        parent = Subquery(Unit.objects.filter(pk=employee.unit_id).values("parent_id")[:1])
        my_units = Q(**{f"{unit_col}_id": employee.unit_id}) | Q(**{f"{unit_col}_id": parent})
        my_unit = Exists(units.objects.filter(my_units, **{unit_page: OuterRef("pk")}))
        my_position = Exists(
            positions.objects.filter(**{position_page: OuterRef("pk"), f"{position_col}_id": employee.position_id})
        )
        whens.append(When(my_unit | my_position, then=Value(MINE)))
    whens.append(When(any_unit | any_position, then=Value(OTHERS)))
    return Case(*whens, default=Value(EVERYONE), output_field=CharField())


def with_audience(queryset: QuerySet, employee: Employee | None, *, include_others: bool = False) -> QuerySet:
    """`queryset` annotated with `audience`; pages meant only for others are left out unless asked for."""
    queryset = queryset.annotate(audience=audience_expression(queryset.model, employee))
    return queryset if include_others else queryset.filter(audience__in=VISIBLE)


def covers(*, unit_ids: set[int], position_ids: set[int], unit: tuple[int, int | None], position_id: int) -> bool:
    """The rule in Python: whether pages targeting `unit_ids` and `position_ids` are meant for
    someone in `unit` ((id, parent id)) holding `position_id`."""
    if not unit_ids and not position_ids:
        return True
    unit_id, parent_id = unit
    return unit_id in unit_ids or (parent_id is not None and parent_id in unit_ids) or position_id in position_ids


def audience_of(*, unit_ids: set[int], position_ids: set[int], employee: Employee | None) -> str:
    """The rule for one page whose targets are already read (e.g. a page being previewed)."""
    if not unit_ids and not position_ids:
        return EVERYONE
    if employee is not None and covers(
        unit_ids=unit_ids,
        position_ids=position_ids,
        unit=(employee.unit_id, employee.unit.parent_id),
        position_id=employee.position_id,
    ):
        return MINE
    return OTHERS


def employees_targeted_by(page) -> QuerySet[Employee]:
    """The active employees a hub page is meant for: those in its target units or positions, or
    every active employee when it has no target (e.g. to notify them when it is published).

    Reads the page's targets as the instance holds them (two small queries), so it also works on a
    page object that has not been saved yet; returns a lazy queryset.
    """
    unit_ids = {unit.pk for unit in page.target_units.all()}
    position_ids = {position.pk for position in page.target_positions.all()}
    employees = Employee.objects.filter(is_active=True)
    if not unit_ids and not position_ids:
        return employees
    return employees.filter(
        Q(unit_id__in=unit_ids) | Q(unit__parent_id__in=unit_ids) | Q(position_id__in=position_ids)
    )
