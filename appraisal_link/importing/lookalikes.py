"""A new NIP that looks like an existing employee's: a mistyped NIP would otherwise create a second
person. Flagged when the name matches an existing employee's, or the NIP is one or two digits away
from an existing one (a typo, or two neighbouring digits swapped).

Pigeonhole: two 18-digit NIPs at most two digits apart share at least one of three 6-digit blocks,
so each new NIP is compared only with the existing NIPs sharing a block, not with the whole register.

What a look-alike does to an import is HR's call: a dry run lists it (CHECK); a real import refuses
the file (REFUSE) until HR confirms that the new NIPs were checked (CONFIRMED), and then says so.
"""

from collections import defaultdict

from django.utils.translation import gettext_noop

from portal.people.models import Employee
from portal.stored_text import source

from .validation import ProblemLog

CHECK, REFUSE, CONFIRMED = "check", "refuse", "confirmed"
LOOKALIKE = "lookalike"
_MESSAGES = {
    CHECK: gettext_noop(
        "Periksa: NIP baru ini mirip dengan pegawai terdaftar %(name)s (NIP %(nip)s). Jika salah ketik, perbaiki "
        "NIP-nya; jika memang pegawai baru, konfirmasi saat mengimpor bahwa NIP baru sudah diperiksa."
    ),
    REFUSE: gettext_noop(
        "NIP baru ini mirip dengan pegawai terdaftar %(name)s (NIP %(nip)s) dan belum dikonfirmasi. Jika salah "
        "ketik, perbaiki NIP-nya; jika memang pegawai baru, impor lagi dengan konfirmasi bahwa NIP baru sudah "
        "diperiksa."
    ),
    CONFIRMED: gettext_noop(
        "NIP baru ini mirip dengan pegawai terdaftar %(name)s (NIP %(nip)s); dibuat sebagai pegawai baru atas "
        "konfirmasi pengimpor."
    ),
}

BLOCKS = 3
MAX_DISTANCE = 2


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _blocks(nip: str) -> list[tuple[int, str]]:
    size = -(-len(nip) // BLOCKS)
    return [(index, nip[index * size : (index + 1) * size]) for index in range(BLOCKS)]


def _distance(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=True))


def lookalikes_find(new: dict[str, str]) -> dict[str, tuple[str, str]]:
    """For each new NIP (→ its name in the file) resembling an existing employee: (their NIP, name).
    One query over the register (NIP and name only), whatever the number of new NIPs."""
    if not new:
        return {}
    by_block, by_name = defaultdict(list), {}
    for nip, name in Employee.objects.values_list("nip", "name").iterator(chunk_size=5000):
        for block in _blocks(nip):
            by_block[block].append((nip, name))
        by_name.setdefault(_folded(name), (nip, name))
    found = {}
    for nip, name in new.items():
        close = None
        for block in _blocks(nip):
            for other, other_name in by_block.get(block, ()):
                if len(other) == len(nip) and other != nip and _distance(other, nip) <= MAX_DISTANCE:
                    close = (other, other_name)
                    break
            if close:
                break
        if close is None and name and _folded(name) in by_name:
            close = by_name[_folded(name)]
        if close is not None:
            found[nip] = close
    return found


def new_employees_flag(new: dict[str, tuple[str, int]], problems: ProblemLog, *, lookalikes: str) -> None:
    """New employees (NIP → (name, row)) are listed apart, in one warning that names how many, and
    each new NIP that looks like an existing employee's is flagged as `lookalikes` (CHECK, REFUSE or
    CONFIRMED) says: an error only for REFUSE."""
    if not new:
        return
    problems.warning(
        None,
        "nip",
        ", ".join(list(new)[:20]) + (" …" if len(new) > 20 else ""),
        source(
            gettext_noop("%(count)s pegawai baru akan dibuat dari berkas ini (NIP belum terdaftar)."), count=len(new)
        ),
        code="new_employees",
    )
    flag = problems.error if lookalikes == REFUSE else problems.warning
    for nip, (other_nip, other_name) in lookalikes_find({nip: name for nip, (name, _row) in new.items()}).items():
        message = source(_MESSAGES[lookalikes], name=other_name, nip=other_nip)
        flag(new[nip][1], "nip", nip, message, code=LOOKALIKE)
