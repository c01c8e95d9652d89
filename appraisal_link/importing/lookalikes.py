"""A new NIP that looks like an existing employee's: a mistyped NIP would otherwise create a second
person. Flagged when the name matches an existing employee's, or the NIP is one or two digits away
from an existing one (a typo, or two neighbouring digits swapped).

Pigeonhole: two 18-digit NIPs at most two digits apart share at least one of three 6-digit blocks,
so each new NIP is compared only with the existing NIPs sharing a block, not with the whole register.
"""

from collections import defaultdict

from portal.people.models import Employee

BLOCKS = 3
MAX_DISTANCE = 2


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _blocks(nip: str) -> list[tuple[int, str]]:
    size = -(-len(nip) // BLOCKS)
    return [(index, nip[index * size : (index + 1) * size]) for index in range(BLOCKS)]


def _distance(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=True))


def lookalikes(new: dict[str, str]) -> dict[str, tuple[str, str]]:
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
