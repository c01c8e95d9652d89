"""The kept values a page reads after its reads ahead, learned per process and read ahead from its
next visit (issue #15).

The reads ahead (`portal.reads_ahead`) name what every logged-in page reads: the account, the
employee record, the roles, the route. What a page reads next depends on what those hold: a course
page's kept content is kept under the course's pk, the account's and the employee record's (and
their versions), so it cost a second round trip to Redis. But the same URL asks for the same keys
but for the person: each process remembers, per URL and language, the keys its logged-in GETs
asked the cache for beyond the reads ahead, with the account's and the employee record's pks
replaced by stand-ins (`learn`), and the next visit to that URL, by anyone, reads them with the
rest (`keys_for`), the stand-ins replaced by its own account's and employee record's pks (those are
remembered per account as they are seen). The keys of its visits add up: a page served kept asks
for fewer than one built (the course's structure, the body's fragment), and the next visit may be
someone's whose page is built; past `MOST`, the last visit's alone are kept.

A key guessed wrong costs only its read: a value read ahead is checked against its version as it
always is, and one not read ahead is read as before. A request whose account and employee record
have the same pk learns nothing (a segment equal to both could stand for either).

Core: every app may import it; it imports no app.
"""

from django.utils.translation import get_language

REMEMBERED = 20_000  # URLs, and accounts, per process; forgotten all at once past that
MOST = 40  # keys per URL
USER, EMPLOYEE = "\x00account", "\x00employee"

_learned: dict[tuple[str, str], tuple[str, ...]] = {}  # (URL, language) -> keys, with stand-ins
_employees: dict[str, int] = {}  # account pk -> the pk of its employee record


def keys_for(request, user_id: str) -> list[str]:
    """The keys the last logged-in GET of this URL in this language read after its reads ahead,
    for the account `user_id` (those naming an employee record only once its pk is known)."""
    learned = _learned.get((request.get_full_path(), get_language()))
    if not learned:
        return []
    employee = _employees.get(user_id)
    names = {USER: user_id, EMPLOYEE: None if employee is None else str(employee)}
    keys = []
    for key in learned:
        parts = [names.get(part, part) for part in key.split(":")]
        if None not in parts:
            keys.append(":".join(parts))
    return keys


def learn(request, *, user_id: str, language: str, base: set[str], used: set[str], employee_id: int | None) -> None:
    """Remember the keys `used` by this GET of the account `user_id` beyond the `base` every such
    page reads ahead; its employee record is `employee_id` (None: none, or not read)."""
    if employee_id is not None:
        if len(_employees) >= REMEMBERED:
            _employees.clear()
        _employees[user_id] = employee_id
    employee = None if employee_id is None else str(employee_id)
    if employee == user_id:
        return
    stand_ins = {user_id: USER, **({employee: EMPLOYEE} if employee else {})}
    beyond = sorted(used - base)
    learned = tuple(":".join(stand_ins.get(part, part) for part in key.split(":")) for key in beyond)
    where = (request.get_full_path(), language)
    known = _learned.get(where, ())
    together = tuple(sorted({*known, *learned}))
    learned = together if len(together) <= MOST else learned
    if known != learned:
        if len(_learned) >= REMEMBERED:
            _learned.clear()
        _learned[where] = learned
