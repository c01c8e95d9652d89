"""Who may see whose records: an employee their own, a supervisor the people whose supervisor
chain leads to them, HR all; and every role that sees others' records only with a second factor.

Every view that shows a person's records narrows its queryset with these helpers, so that
someone else's id in a URL is a 404 rather than a leak.
"""

from django.conf import settings
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404

from . import roles
from .employee_kept import employee_kept
from .models import Employee
from .roles_kept import roles_kept


def user_roles(user) -> frozenset[str]:
    """The role names of a user: kept in the cache until a membership changes (see `roles_kept`),
    and read once per request object and kept on it."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_kompeten_roles", None)
    if cached is None:
        cached = roles_kept(user.pk, lambda: user.groups.values_list("name", flat=True))
        user._kompeten_roles = cached
    return cached


def has_role(user, role: str) -> bool:
    return role in user_roles(user)


def is_hr(user) -> bool:
    """HR (BKPSDM) and superusers see every employee's records, once they have a second factor:
    until then they see only their own, on the site as in the admin."""
    staff = bool(getattr(user, "is_superuser", False)) or has_role(user, roles.HR)
    return staff and not mfa_setup_pending(user)


def requires_mfa(user) -> bool:
    """Every role that sees other people's records (KOMPETEN_MFA_REQUIRED_ROLES, and superusers)
    must have a second factor: before it, the admin sends them to the set-up and the site shows
    them only their own records."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(user_roles(user) & set(settings.KOMPETEN_MFA_REQUIRED_ROLES))


def mfa_setup_pending(user) -> bool:
    """A staff user who has not set up TOTP yet (checked once per request object)."""
    if not requires_mfa(user):
        return False
    cached = getattr(user, "_kompeten_mfa_pending", None)
    if cached is None:
        from allauth.mfa.utils import is_mfa_enabled

        cached = not is_mfa_enabled(user)
        user._kompeten_mfa_pending = cached
    return cached


def employee_for(user) -> Employee | None:
    """The employee record the user claimed, or None: kept in the cache under the register's version
    (employee_kept) and on the user object for the rest of the request."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_kompeten_employee"):
        user._kompeten_employee = employee_kept(user.pk, lambda: _employee_of(user).first())
    return user._kompeten_employee


def _employee_of(user):
    return Employee.objects.select_related("unit", "position", "supervisor").filter(user=user)


def employee_or_404(user) -> Employee:
    """The employee record of the user, for pages that are about one's own records; 404 without one."""
    employee = employee_for(user)
    if employee is None:
        raise Http404
    return employee


def is_supervisor(user) -> bool:
    """An atasan with a second factor: until they set up TOTP they see only their own records."""
    return has_role(user, roles.ATASAN) and not mfa_setup_pending(user)


def reports_of(employee: Employee) -> RawSQL:
    """The ids of everyone whose supervisor chain leads to `employee`: direct reports, theirs, and
    so on down, never `employee`'s peers or superiors. A subquery, so that it costs no query of its
    own; a recursive CTE, which PostgreSQL and SQLite both run. UNION (not UNION ALL) drops an id
    already reached, so a cycle in the register (A supervises B, B supervises A) ends the walk
    instead of looping."""
    table = Employee._meta.db_table
    supervisor = Employee._meta.get_field("supervisor").column
    # Only the model's own table and column names are formatted in; the id is a parameter.
    sql = (
        f'WITH RECURSIVE chain(id) AS (SELECT "id" FROM "{table}" WHERE "{supervisor}" = %s '  # noqa: S608
        f'UNION SELECT e."id" FROM "{table}" e JOIN chain ON e."{supervisor}" = chain.id) SELECT id FROM chain'
    )
    return RawSQL(sql, (employee.pk,))  # noqa: S611


def employees_visible_to(user) -> QuerySet[Employee]:
    """The employees whose records the user may see: HR everyone; a supervisor themself and their
    whole chain of reports (see reports_of); anyone else themself."""
    if is_hr(user):
        return Employee.objects.all()
    own = employee_for(user)
    if own is None:
        return Employee.objects.none()
    if is_supervisor(user):
        return Employee.objects.filter(Q(pk=own.pk) | Q(pk__in=reports_of(own)))
    return Employee.objects.filter(pk=own.pk)


def scope_to_visible_employees(user, queryset: QuerySet, *, field: str = "employee") -> QuerySet:
    """Narrow any queryset whose rows belong to an employee (via `field`) to what `user` may see."""
    if is_hr(user):
        return queryset
    return queryset.filter(**{f"{field}__in": employees_visible_to(user)})


def can_view_employee(user, employee: Employee) -> bool:
    return employees_visible_to(user).filter(pk=employee.pk).exists()


def get_visible_employee_or_404(user, pk) -> Employee:
    """The employee with this pk if the user may see them; 404 otherwise, not 403, so that
    the existence of someone else's record is not disclosed."""
    try:
        return employees_visible_to(user).select_related("unit", "position").get(pk=pk)
    except (Employee.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
