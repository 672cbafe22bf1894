"""Who a sentence is about: party mentions in a window, a clause's subject, a relation's two sides."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from core.text.context import Context

PARTY_ROLES = ("plaintiff", "defendant", "third_party")
_BOTH_SIDES = "双方"
# An unknown name may stand between a role word and the copula (被告李娜系…).
_NAME_GAP = 3
# Mentions that are not a party: the court (本院) and the generic 当事人.
_NOT_PARTY = ("court", "generic")
# What may stand between two co-subjects: 原告张三、被告李四 / 原告及其委托诉讼代理人王五、被告……
# A name the header did not give may stand before the joiner (原告方卫东及其代理人、被告……), and
# a party's agent may be listed instead of the party (被告蒋玲的委托诉讼代理人、第三人……).
_NAME = r"[\u4e00-\u9fff×＊*\d]{0,4}?"
_AGENT = r"(?:共同)?(?:委托)?(?:诉讼)?代理人[^，,。；、]{0,8}?"
_COORD_RE = re.compile(
    rf"\s*(?:{_NAME}(?:、|和|与|于|及|以及|同|(?:及其|的){_AGENT}[、和及])|及其{_AGENT}[、和及]?)?\s*"
)
# A counterclaim role after a party's role (原告（反诉被告）严某) is part of that mention.
_COUNTER_ROLE_RE = re.compile(r"[（(](?:反诉|本诉)(?:原告|被告)[）)]")
# Where a relation's subject was left out (……，系被告李四之子), how far back to look.
_MAX_CLAUSES_BACK = 8


class Ref(NamedTuple):
    """A mention of a party (or the court) in the text (a tuple: made often, must be cheap)."""

    start: int
    end: int
    role: str
    ident: str | None
    is_object: bool
    is_modifier: bool = False  # 原告所述 / 原告的诉讼请求: names a party, is not the subject


def expand_roles(refs: list[Ref]) -> list[str]:
    """Return the roles the mentions stand for (parties, or court/generic), without repeats."""
    out: list[str] = []
    for ref in refs:
        for role in _role_parts(ref.role):
            if role not in out:
                out.append(role)
    return out


def _role_parts(role: str) -> tuple[str, ...]:
    if role == "both":
        return ("plaintiff", "defendant")
    if role == "group_defendant":
        return ("defendant",)
    if role == "group_plaintiff":
        return ("plaintiff",)
    return (role,)


class RoleFinder:
    """Finds party mentions and subjects in one text, knowing the names from its header."""

    def __init__(
        self,
        text: str,
        ctx: Context,
        names: dict[str, str],
        segments: Sequence[tuple[int, int, str, str]] = (),
    ) -> None:
        self.text = text
        self.ctx = ctx
        self.segments = segments  # (start, end, role, name) of each party's header introduction
        self.names = sorted(names.items(), key=lambda kv: -len(kv[0]))
        self._name_heads = frozenset(name[0] for name in names)
        self.first_person = ctx.first_person
        self.pronouns = ctx.pronouns
        self._cache: dict[tuple[int, int], list[Ref]] = {}
        self._reversed: str | None = None

    def sentence_start(self, pos: int, limit: int = 160) -> int:
        """Return where the sentence holding ``pos`` starts (at most ``limit`` characters back)."""
        if self._reversed is None:
            # Searching the reversed text finds the last full stop before pos in one call.
            self._reversed = self.text[::-1]
        n = len(self.text)
        m = self.ctx.sentence_re.search(self._reversed, n - pos, n - pos + limit)
        return n - m.start() if m is not None else max(0, pos - limit)

    def sentence_end(self, pos: int, limit: int = 400) -> int:
        """Return where the sentence holding ``pos`` ends (after its full stop), or the text end."""
        hi = min(len(self.text), pos + limit)
        text = self.text
        best = hi
        for ch in self.ctx.sentence_breaks:
            at = text.find(ch, pos, best)
            if at >= 0:
                best = at + 1
        return best

    def clauses(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Return the clause spans between ``lo`` and ``hi`` (split at commas and colons)."""
        spans = []
        start = lo
        for m in self.ctx.clause_re.finditer(self.text, lo, hi):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, hi))
        return spans

    def refs(self, lo: int, hi: int) -> list[Ref]:
        """Return the party and court mentions in ``text[lo:hi]``, in order (cached per span)."""
        key = (lo, hi)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._find(lo, hi)
        return found

    def _find(self, lo: int, hi: int) -> list[Ref]:
        text = self.text
        out: list[Ref] = []
        skip = -1
        for m in self.ctx.role_re.finditer(text, lo, hi):
            role = self.ctx.role_of[m.group()]
            if role in ("pronoun", "self_pronoun") or m.start() < skip:
                continue
            end, ident = m.end(), None
            counter = _COUNTER_ROLE_RE.match(text, end, hi)
            if counter is not None:
                end = skip = counter.end()
            if role in PARTY_ROLES and text[end : end + 1] in self._name_heads:
                for name, _ in self.names:
                    if text.startswith(name, end) and end + len(name) <= hi:
                        end, ident = end + len(name), name
                        break
            out.append(
                Ref(
                    m.start(), end, role, ident, self._is_object(lo, m.start()), self._modifies(end)
                )
            )
        for name, role in self.names:
            at = text.find(name, lo, hi)
            while at >= 0:
                end = at + len(name)
                if not any(r.start <= at < r.end for r in out):
                    out.append(
                        Ref(at, end, role, name, self._is_object(lo, at), self._modifies(end))
                    )
                at = text.find(name, end, hi)
        out.sort(key=lambda r: r.start)
        return out

    def _modifies(self, end: int) -> bool:
        """Return whether the mention ending at ``end`` only modifies a noun (原告所述, 原告说的)."""
        text = self.text
        for word in self.ctx.modifier_after:
            if text.startswith(word, end):
                return not text.startswith(self.ctx.agent_words, end + len(word))
        return False

    def _is_object(self, lo: int, at: int) -> bool:
        """Return whether the mention at ``at`` follows an object marker (向被告, 对原告)."""
        markers = self.ctx.object_markers
        text = self.text
        return (at - 1 >= lo and text[at - 1] in markers) or (
            at - 2 >= lo and text[at - 2 : at] in markers
        )

    def subject(self, sent_lo: int, pos: int, speaker: bool = False) -> list[Ref]:
        """Return the subject mentions of the clause that ends at ``pos`` (may be empty).

        The subject is the last run of party mentions before ``pos`` that are not objects
        (对原告的证据, 向被告送达): 原告提交的借条被告予以认可 gives 被告. Co-subjects joined
        by 、/和/及 count, and so do bare party lists in the clauses just before (原告张三及其
        代理人李四，被告王五到庭). Without a mention the search walks back clause by clause
        within the sentence: 被告张三经传唤，无正当理由拒不到庭 gives 被告张三. For a speaker
        (``speaker=True``) a possessor is not the one speaking: in 原告所述属实 it is not 原告.
        """
        spans = self.clauses(sent_lo, pos)
        last = len(spans) - 1
        for idx in range(last, -1, -1):
            lo, hi = spans[idx]
            refs = [
                r for r in self.refs(lo, hi) if not (r.is_object or (speaker and r.is_modifier))
            ]
            starts_at = self._opening(lo, hi)
            if idx == last:
                # 原告诉称的借款事实我承认: a pronoun right before the verb is the subject.
                pronoun = self._pronoun_before(max(lo, refs[-1].end if refs else lo), hi)
                if pronoun is not None:
                    return self._resolve(pronoun, sent_lo, lo)
            if not refs:
                if self.text.startswith(self.pronouns, starts_at):
                    return self._resolve(starts_at, sent_lo, lo)
                continue
            if idx == last:
                subject = self._last_run(refs)
            elif refs[0].start == starts_at:
                # An earlier clause lends its subject only when it opens with it.
                subject = self._coordinated(refs)
            else:
                return []
            if starts_at == subject[0].start:
                for j in range(idx - 1, -1, -1):
                    listed = self._party_list(*spans[j])
                    if listed is None:
                        break
                    subject = listed + subject
            return subject
        return []

    def _pronoun_before(self, lo: int, pos: int) -> int | None:
        """Return where a pronoun sits in the last few characters before ``pos``, or None."""
        tail_lo = max(lo, pos - 3)
        for word in self.pronouns:
            at = self.text.rfind(word, tail_lo, pos)
            if at >= 0:
                return at
        return None

    def _resolve(self, at: int, sent_lo: int, lo: int) -> list[Ref]:
        """Return what the pronoun at ``at`` stands for: the speaker (我) or the last party (其)."""
        if self.text.startswith(self.first_person, at):
            return [Ref(at, at + 1, "self_pronoun", None, False)]
        return self._antecedent(sent_lo, lo)

    def _opening(self, lo: int, hi: int) -> int:
        """Return where a clause's content starts, past spaces and openers (且, 但, 因)."""
        m = self.ctx.opener_re.match(self.text, lo, hi)
        return m.end() if m is not None else lo

    def _skip_space(self, lo: int, hi: int) -> int:
        while lo < hi and self.text[lo] in " \t\u3000":
            lo += 1
        return lo

    def _antecedent(self, sent_lo: int, lo: int) -> list[Ref]:
        """Return the last party mentioned before a pronoun (其辩称 → the party named before)."""
        before = [r for r in self.refs(sent_lo, lo) if r.role not in _NOT_PARTY]
        return before[-1:]

    def _coordinated(self, refs: list[Ref]) -> list[Ref]:
        """Return the first mention and those joined to it by 、/和/及."""
        subject = [refs[0]]
        for ref in refs[1:]:
            if not _COORD_RE.fullmatch(self.text, subject[-1].end, ref.start):
                break
            subject.append(ref)
        return subject

    def _last_run(self, refs: list[Ref]) -> list[Ref]:
        """Return the last mention and those joined to it by 、/和/及, in text order."""
        run = [refs[-1]]
        for ref in reversed(refs[:-1]):
            if not _COORD_RE.fullmatch(self.text, ref.end, run[0].start):
                break
            run.insert(0, ref)
        return run

    def _party_list(self, lo: int, hi: int) -> list[Ref] | None:
        """Return the mentions if a clause is nothing but a list of parties, else None."""
        refs = [r for r in self.refs(lo, hi) if not r.is_object]
        if not refs or self._skip_space(lo, hi) != refs[0].start:
            return None
        if self._coordinated(refs) != refs:
            return None
        if not _COORD_RE.fullmatch(self.text, refs[-1].end, hi):
            return None
        return refs

    def pair(self, sent_lo: int, pos: int) -> str | None:
        """Return which two sides a relation word at ``pos`` links, e.g. "plaintiff-defendant".

        With a copula (甲系乙的妻子, 原告与被告是朋友) the party right before it is one side
        and a non-party there (林某系被告的配偶) means no pair. Otherwise the nearest run of
        mentions decides (二被告用于夫妻共同生活 → the two defendants); when it names only one
        party, all mentions in the clause count (原告主张其与被告是朋友).
        """
        spans = self.clauses(sent_lo, pos)
        lo, hi = spans[-1]
        refs = self._pair_refs(lo, hi, pos)
        if self.text.startswith(self.pronouns, self._skip_space(lo, hi)):
            # 其与被告是同学: 其 is the party named before.
            refs = self._antecedent(sent_lo, lo) + refs
        copula = self._copula(lo, hi)
        if copula is not None and copula > self._opening(lo, hi):
            left = [r for r in refs if r.end <= copula]
            if not left and self.text[copula - 1] in "（(":
                # 被告某某（系被告某某之妻）: the party whose introduction this is.
                left = self._introduced_at(copula)
            if not left or copula - left[-1].end > _NAME_GAP:
                return None  # what stands before 系 is not a party (林某系被告的配偶)
            run = self._last_run(left)
            right = [r for r in refs if r.start >= copula]
            if _count_parties(run + right) < 2:
                run = left
            refs = run + right
        elif refs and _count_parties(self._last_run(refs)) >= 2:
            refs = self._last_run(refs)
        if len(refs) == 1 and self.text[refs[0].start : refs[0].end] == _BOTH_SIDES:
            # 双方 points back: 李某与王某相识多年，双方系朋友 — the pair named just before.
            for j in range(len(spans) - 2, -1, -1):
                found = self._pair_refs(*spans[j])
                if found:
                    refs = found
                    break
        if _count_parties(refs) < 2 and (not refs or copula is not None):
            # ……，系被告李四之子: the other side is the subject of an earlier clause.
            # With no party in this clause (……相识，后登记结婚) a pair opening the earlier
            # clause is both sides.
            for j in range(len(spans) - 2, max(-1, len(spans) - 2 - _MAX_CLAUSES_BACK), -1):
                found = self._pair_refs(*spans[j])
                if found:
                    both = self._coordinated(found)
                    refs = both if not refs and _count_parties(both) >= 2 else found[:1] + refs
                    break
        if _count_parties(refs) < 2:
            return None
        return _pair_name(refs)

    def _pair_refs(self, lo: int, hi: int, pos: int = -1) -> list[Ref]:
        """Return the mentions in a span that can be one side of a relation.

        被告的父亲 is someone else, unless 父亲 is the relation word itself (原告系被告的父亲).
        """
        text, others = self.text, self.ctx.someone_of_party
        return [
            r
            for r in self.refs(lo, hi)
            if not r.is_object
            and r.role not in _NOT_PARTY
            and not text.startswith(others, r.end)
            and not (text.startswith("的", r.end) and text.startswith(others, r.end + 1))
            and not self._kin_of(r.end, pos)
        ]

    def _kin_of(self, end: int, pos: int) -> bool:
        """Return whether a kin word (的父亲, 之妻) other than the one at ``pos`` follows ``end``."""
        text, kin = self.text, self.ctx.kin_of_party
        at = end + 1 if text.startswith(("的", "之"), end) else end
        return at != pos and text.startswith(kin, at)

    def _introduced_at(self, pos: int) -> list[Ref]:
        """Return the party whose header introduction holds ``pos`` (as a mention), if any."""
        for start, end, role, name in self.segments:
            if start <= pos < end:
                return [Ref(start, start, role, name, False)]
        return []

    def _copula(self, lo: int, hi: int) -> int | None:
        """Return where the last copula phrase (均系, 是) in the span starts, or None."""
        found = None
        for m in self.ctx.copula_re.finditer(self.text, lo, hi):
            found = m.start()
        return found


def _count_parties(refs: list[Ref]) -> int:
    """Return how many distinct parties the mentions name.

    A bare role word (原告) is the same party as a named mention of that role (原告尹某1 or
    尹某1), but two bare role words count twice (被告与被告); a group (二被告) counts two.
    """
    named: set[str] = set()
    named_roles: set[str] = set()
    bare: list[str] = []
    count = 0
    for ref in refs:
        if ref.role in ("both", "group_defendant", "group_plaintiff"):
            count += 2
        elif ref.ident is None:
            bare.append(ref.role)
        elif ref.ident not in named:
            named.add(ref.ident)
            named_roles.add(ref.role)
            count += 1
    return count + sum(1 for role in bare if role not in named_roles)


def _pair_name(refs: list[Ref]) -> str:
    counts: dict[str, int] = {}
    seen: set[str] = set()
    for ref in refs:
        if ref.ident is not None:
            if ref.ident in seen:
                continue
            seen.add(ref.ident)
        if ref.role == "both":
            counts["plaintiff"] = counts.get("plaintiff", 0) + 1
            counts["defendant"] = counts.get("defendant", 0) + 1
        else:
            parts = _role_parts(ref.role)
            weight = 2 if ref.role.startswith("group_") else 1
            counts[parts[0]] = counts.get(parts[0], 0) + weight
    if counts.get("plaintiff") and counts.get("defendant"):
        return "plaintiff-defendant"
    for role in PARTY_ROLES:
        if counts.get(role, 0) >= 2:
            return f"{role}-{role}"
    return "-".join(sorted(counts))
