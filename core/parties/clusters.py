"""Union-find over mentions that refuses joins contradicting evidence or a user's split."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date

from core.parties.similarity import addresses_differ

# A cluster remembers a few distinct addresses, enough to judge "clearly elsewhere".
_MAX_ADDRESSES = 8


class Check(enum.Flag):
    """What a join must not contradict; user splits are always checked."""

    NONE = 0
    ID_NUMBERS = enum.auto()  # both sides carry ID numbers and none is shared
    BIRTH_DATES = enum.auto()  # both sides carry birth dates and none is shared
    ADDRESSES = enum.auto()  # every address on one side is clearly elsewhere


class _Cluster:
    __slots__ = ("addresses", "births", "ids", "pending", "tags")

    def __init__(self, index: int, id_number: str | None, birth: date | None, address: str) -> None:
        self.ids: set[str] = {id_number} if id_number else set()
        self.births: set[date] = {birth} if birth else set()
        self.addresses: list[str] = [address] if address else []
        self.tags: dict[int, int] = {}  # split override position -> side (1 or 2)
        self.pending: list[int] = [index]  # mentions not yet given a reason


class Clusters:
    """Mentions (by position) grouped under constraints, each remembering why it joined."""

    def __init__(
        self,
        id_numbers: Sequence[str | None],
        births: Sequence[date | None],
        addresses: Sequence[str],
    ) -> None:
        n = len(id_numbers)
        self._parent = list(range(n))
        self._size = [1] * n
        self._ids = id_numbers
        self._births = births
        self._addresses = addresses
        self._clusters: dict[int, _Cluster] = {}
        self.reasons: list[str | None] = [None] * n
        self.scores: list[float] = [1.0] * n

    def find(self, i: int) -> int:
        """Return the root of mention position ``i``'s cluster."""
        parent = self._parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def _cluster(self, root: int) -> _Cluster:
        cluster = self._clusters.get(root)
        if cluster is None:
            cluster = _Cluster(root, self._ids[root], self._births[root], self._addresses[root])
            self._clusters[root] = cluster
        return cluster

    def tag(self, i: int, split: int, side: int) -> bool:
        """Put mention ``i``'s cluster on one side of a split; False if it is on the other already."""
        cluster = self._cluster(self.find(i))
        current = cluster.tags.get(split)
        if current is not None and current != side:
            return False
        cluster.tags[split] = side
        return True

    def can_join(self, a: int, b: int, check: Check) -> bool:
        """Return whether roots ``a`` and ``b`` may become one cluster."""
        if a == b:
            return True
        ca, cb = self._clusters.get(a), self._clusters.get(b)
        ids_a = ca.ids if ca else ({self._ids[a]} if self._ids[a] else set())
        ids_b = cb.ids if cb else ({self._ids[b]} if self._ids[b] else set())
        if Check.ID_NUMBERS in check and ids_a and ids_b and ids_a.isdisjoint(ids_b):
            return False
        if Check.BIRTH_DATES in check:
            births_a = ca.births if ca else ({self._births[a]} if self._births[a] else set())
            births_b = cb.births if cb else ({self._births[b]} if self._births[b] else set())
            if births_a and births_b and births_a.isdisjoint(births_b):
                return False
        if Check.ADDRESSES in check:
            addr_a = ca.addresses if ca else [self._addresses[a]] if self._addresses[a] else []
            addr_b = cb.addresses if cb else [self._addresses[b]] if self._addresses[b] else []
            if addresses_differ(addr_a, addr_b):
                return False
        if ca and cb and ca.tags and cb.tags:
            small, large = (
                (ca.tags, cb.tags) if len(ca.tags) <= len(cb.tags) else (cb.tags, ca.tags)
            )
            for split, side in small.items():
                other = large.get(split)
                if other is not None and other != side:
                    return False
        return True

    def join(self, a: int, b: int, reason: str, score: float) -> int:
        """Join roots ``a`` and ``b``; mentions without a reason yet get this one. Returns the root."""
        if a == b:
            return a
        if self._size[a] < self._size[b]:
            a, b = b, a
        ca, cb = self._cluster(a), self._cluster(b)
        for cluster in (ca, cb):
            for i in cluster.pending:
                self.reasons[i] = reason
                self.scores[i] = score
        self._parent[b] = a
        self._size[a] += self._size[b]
        ca.ids |= cb.ids
        ca.births |= cb.births
        for address in cb.addresses:
            if len(ca.addresses) >= _MAX_ADDRESSES:
                break
            if address not in ca.addresses:
                ca.addresses.append(address)
        for split, side in cb.tags.items():
            ca.tags[split] = side
        ca.pending = []
        del self._clusters[b]
        return a

    def link_group(self, members: Sequence[int], reason: str, score: float, check: Check) -> bool:
        """Join the given mentions as far as the constraints allow; return False if any stayed apart.

        Greedy in the given order: each mention joins the largest compatible cluster already
        formed from the group (on a tie one the user did not split off, then the earliest),
        so a mention a user split off neither blocks the others from joining nor draws new
        mentions away from the main entity.
        """
        roots: list[int] = []
        complete = True
        for m in members:
            r = self.find(m)
            if r in roots:
                continue
            best = -1
            for pos, existing in enumerate(roots):
                if (best < 0 or self._rank(existing) > self._rank(roots[best])) and self.can_join(
                    existing, r, check
                ):
                    best = pos
            if best >= 0:
                roots[best] = self.join(roots[best], r, reason, score)
            else:
                if roots:
                    complete = False
                roots.append(r)
        return complete

    def _rank(self, root: int) -> tuple[int, bool]:
        """Return how strongly a cluster draws new members: size, then not split off by a user."""
        cluster = self._clusters.get(root)
        split_off = cluster is not None and 1 in cluster.tags.values()
        return self._size[root], not split_off

    def groups(self) -> dict[int, list[int]]:
        """Return every cluster as root -> member positions in ascending order."""
        out: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            out.setdefault(self.find(i), []).append(i)
        return out
