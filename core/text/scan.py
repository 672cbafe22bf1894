"""One pass over a judgment: every cue hit, classified by its local context into raw features."""

from __future__ import annotations

from typing import NamedTuple

from core.text.cuebook import CueBook, CueRule
from core.text.header import Header
from core.text.principal import PrincipalCandidate, principal_candidate
from core.text.roles import PARTY_ROLES, RoleFinder, expand_roles

# How far back a sentence may start for the party search (characters).
_LEFT = 80
# Groups whose first positive hit settles them: later hits add nothing to the result.
_SETTLE_ON_FIRST = frozenset({"iou_document", "transfer", "mediation", "notice_service", "cash"})


class RawFeature(NamedTuple):
    """A feature before it becomes a ``Feature``: name, value, span, cue text, party."""

    name: str
    value: str | float | bool
    start: int
    end: int
    cue: str
    party: str | None


class _State:
    """What the pass has seen so far: the current speaker region and the evidence found."""

    def __init__(self) -> None:
        self.region_pos = -1
        self.region_sent_lo = 0
        # Who speaks from region_pos on; None until someone asks (worked out lazily).
        self.region_roles: list[str] | None = []
        self.iou: tuple[int, int, str] | None = None
        self.transfer = False
        # A transfer voided as repayment (通过转账归还) makes later ones in its sentence suspect.
        self.repaid_until = -1
        self.principal: PrincipalCandidate | None = None
        self.principal_stop = -1
        self.principal_prev: PrincipalCandidate | None = None
        self.principal_skip = -1
        self.settled: set[str] = set()


def scan(text: str, book: CueBook, header: Header) -> list[RawFeature]:
    """Return the raw features of ``text``: one scan with the book's combined cue pattern."""
    segments = [(p.start, p.end, p.role, p.name) for p in header.parties]
    finder = RoleFinder(text, book.context, header.names(), segments)
    state = _State()
    out: list[RawFeature] = []
    # Locals: this loop runs once per cue hit, tens of times per judgment.
    literal_rule = book.literal_rules.get
    rule_at = book.rule_at
    settled = state.settled
    for m in book.scanner.finditer(text):
        word = m.group()
        start = m.start()
        rule = literal_rule(word) or rule_at(text, start)
        if rule is None:
            continue
        group = rule.group
        if group == "amount":
            if state.principal_stop < 0 or start < state.principal_stop:
                _amount(text, start, book, finder, state)
            continue
        if group in settled:  # evidence already settled needs no second look
            continue
        end = start + len(word)
        judged = _polarity(text, rule, finder, start, end)
        if judged is not None:
            _classify(rule, start, judged, finder, state, book, out)
        elif group == "transfer" and book.context.repay_re.search(
            text, max(0, start - 12), end + 14
        ):
            # Voided as a repayment (通过转账归还), not as 账户信息 or 冻结.
            state.repaid_until = finder.sentence_end(start)
    if state.iou is not None and not state.transfer:
        s, e, cue = state.iou
        out.append(RawFeature("iou_only", True, s, e, cue, None))
    if state.principal is not None:
        p = state.principal
        out.append(RawFeature("principal", p.value, p.start, p.end, text[p.start : p.end], None))
    return out


def _polarity(
    text: str, rule: CueRule, finder: RoleFinder, start: int, end: int
) -> tuple[bool, int, int, int] | None:
    """Return what the hit means, its evidence span (negation included) and sentence start
    (-1 when no check needed it; work it out later if a party search does).

    Checks read the text in place (pos/endpos), only as far as the rule's patterns reach and
    never past the sentence. None when a trap voids the hit.
    """
    sent_lo = -1
    if rule.reach_before:
        sent_lo = finder.sentence_start(start, _LEFT)
        lo = max(sent_lo, start - rule.reach_before)
        if rule.require_before is not None and not rule.require_before.search(text, lo, start):
            return None
        if rule.void_before is not None and rule.void_before.search(text, lo, start):
            return None
        if rule.negate_before is not None:
            negation = rule.negate_before.search(text, lo, start)
            if negation is not None:
                # The evidence is the whole negated phrase (拒不到庭), not just the anchor.
                return not rule.polarity, negation.start(), end, sent_lo
    if rule.reach_after:
        stop = finder.ctx.sentence_re.search(text, end, end + rule.reach_after)
        hi = stop.start() if stop is not None else min(len(text), end + rule.reach_after)
        if rule.void_after is not None and rule.void_after.match(text, end, hi):
            return None
        if rule.negate_after is not None:
            negation = rule.negate_after.match(text, end, hi)
            if negation is not None:
                return not rule.polarity, start, negation.end(), sent_lo
    return rule.polarity, start, end, sent_lo


def _classify(
    rule: CueRule,
    anchor: int,
    judged: tuple[bool, int, int, int],
    finder: RoleFinder,
    state: _State,
    book: CueBook,
    out: list[RawFeature],
) -> None:
    """Turn one hit into features (or into state: speaker region, evidence seen)."""
    polarity, start, end, sent_lo = judged
    group_name = rule.group
    if group_name == "speech":
        state.region_pos, state.region_sent_lo, state.region_roles = anchor, sent_lo, None
        return
    if group_name == "section":
        state.region_pos = anchor
        state.region_roles = [rule.value or "court"]
        return
    if group_name == "transfer":
        if polarity and not _repayment_record(finder, anchor, state):
            state.transfer = True
            state.settled.add(group_name)
        return
    if polarity and group_name in _SETTLE_ON_FIRST:
        state.settled.add(group_name)
    text = finder.text
    if group_name == "iou_document":
        if polarity and state.iou is None:
            state.iou = (start, end, text[start:end])
        return
    group = book.groups[group_name]
    name = group.emit_positive if polarity else group.emit_negative
    if name is None:
        return
    cue = text[start:end]
    if group.party is None:
        out.append(RawFeature(name, rule.value or True, start, end, cue, None))
        return
    if sent_lo < 0:
        sent_lo = finder.sentence_start(anchor, _LEFT)
    if group.party == "subject":
        roles: list[str | None] = list(_subject_roles(finder, sent_lo, min(anchor, start), end))
        if roles and group.speaker_roles:
            # Only these parties count (未答辩 is the defendant's); no subject found: keep.
            roles = [r for r in roles if r in group.speaker_roles]
            if not roles:
                return
        for role in roles or [None]:
            out.append(RawFeature(name, True, start, end, cue, role))
    elif group.party == "speaker":
        for role in _speaker_roles(finder, sent_lo, min(anchor, start), state):
            if role in group.speaker_roles:
                out.append(RawFeature(name, True, start, end, cue, role))
    elif group.party == "pair":
        pair = finder.pair(sent_lo, anchor)
        if pair is not None:
            out.append(RawFeature(name, rule.value or True, start, end, cue, pair))


def _repayment_record(finder: RoleFinder, at: int, state: _State) -> bool:
    """Return whether a transfer record backs a repayment just told in its sentence (……已通过
    转账归还，并提交了银行流水): no loan word (借款, 借给) in its own clause says otherwise."""
    if at >= state.repaid_until:
        return False
    lo = finder.clauses(finder.sentence_start(at, _LEFT), at)[-1][0]
    return finder.ctx.keyword_re.search(finder.text, lo, at) is None


def _subject_roles(finder: RoleFinder, sent_lo: int, start: int, end: int) -> list[str]:
    roles = [r for r in expand_roles(finder.subject(sent_lo, start)) if r in PARTY_ROLES]
    if roles:
        return roles
    text = finder.text
    if text.startswith("的", end):
        # 到庭的被告郑立 / 未到庭的被告: the party named right after is the one meant.
        after = finder.ctx.role_re.match(text, end + 1)
        if after is not None:
            return [
                r for r in expand_roles(finder.refs(after.start(), after.end())) if r in PARTY_ROLES
            ]
    if not text[sent_lo:start].strip(" （(\t\u3000"):
        # A mark right after a sentence (……住所地某地。（缺席）) is about that sentence's party.
        prev_lo = finder.sentence_start(max(sent_lo - 1, 0))
        prev = finder.subject(prev_lo, max(sent_lo - 1, 0))
        roles = [r for r in expand_roles(prev) if r in PARTY_ROLES]
    return roles


def _speaker_roles(finder: RoleFinder, sent_lo: int, start: int, state: _State) -> list[str]:
    """Return who says the words at ``start``: the clause's subject, else the speaker region.

    我/本人 is the speaker of the region. In the sentence of a plaintiff's statement (原告诉称，
    被告曾承认欠款) a defendant's words are only reported, not an admission in this suit.
    """
    subject = finder.subject(sent_lo, start, speaker=True)
    region = _region_roles(finder, start, state)
    if not subject:
        return region
    roles = expand_roles(subject)
    if "self_pronoun" in roles:
        return region
    if region == ["plaintiff"] and "plaintiff" not in roles and state.region_pos >= sent_lo:
        return []
    return roles


def _region_roles(finder: RoleFinder, start: int, state: _State) -> list[str]:
    """Return the roles of the current speaker region (empty past a paragraph break)."""
    text = finder.text
    if state.region_pos < 0 or text.find("\n", state.region_pos, start) >= 0:
        return []
    if state.region_roles is None:
        if state.region_sent_lo < 0:
            state.region_sent_lo = finder.sentence_start(state.region_pos, _LEFT)
        speaker = finder.subject(state.region_sent_lo, state.region_pos)
        state.region_roles = expand_roles(speaker)
    return state.region_roles


def _amount(text: str, mark: int, book: CueBook, finder: RoleFinder, state: _State) -> None:
    """Keep the principal: the first amount read as a loan (the claim usually comes first),
    or a 本金 amount in that same sentence; a bare 欠款 amount only when there is no other.
    A sentence listing several loans (借款1万元，……又借款2万元) gives none of them."""
    if mark < state.principal_skip:
        return
    best = state.principal
    same_sentence = best is not None and mark < state.principal_stop
    worse_than = 99 if same_sentence or best is None else best.rank
    candidate = principal_candidate(text, mark, book.context, worse_than)
    if candidate is None:
        return
    if best is not None and same_sentence:
        if candidate.rank < best.rank:
            state.principal = candidate
        elif candidate.rank == best.rank and candidate.value != best.value:
            state.principal = state.principal_prev
            state.principal_skip = state.principal_stop
            state.principal_stop = -1
        return
    if candidate.rank <= 2:
        state.principal_prev = best
        state.principal_stop = finder.sentence_end(candidate.start)
    state.principal = candidate
