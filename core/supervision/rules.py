"""The rule of each model kind, as validated after parameter values are filled in."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.supervision.vocabulary import CASE_FIELDS, FEATURES, FLAGS, LIST_FIELDS

Role = Literal["plaintiff", "defendant", "third_party", "agent"]
Scalar = str | float | int | bool


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Condition(_Strict):
    """One test on a case: a field, a flag, the text, parties' surnames, or a combination."""

    field: str | None = None
    flag: str | None = None
    feature: str | None = None
    party: str | None = None
    text: list[str] | None = None
    same_surname_address: bool | None = None
    any: list[Condition] | None = None
    all: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")
    in_: list[Scalar] | None = Field(default=None, alias="in")
    not_in: list[Scalar] | None = None
    contains: list[str] | None = None
    not_contains: list[str] | None = None
    min: float | None = None
    max: float | None = None
    empty: bool | None = None
    is_: bool | None = Field(default=None, alias="is")
    label: str | None = None

    @model_validator(mode="after")
    def _one_subject(self) -> Condition:
        subjects = [
            n
            for n in (
                "field",
                "flag",
                "feature",
                "text",
                "same_surname_address",
                "any",
                "all",
                "not_",
            )
            if getattr(self, n) is not None
        ]
        if len(subjects) != 1:
            raise ValueError(
                "每个条件须且只能写 field（字段）、flag（文书特征标记）、feature（文书特征及其当事人）、"
                "text（全文关键词）、same_surname_address、any（任一）、all（全部）、not（并非）中的一项"
            )
        if self.party is not None and self.feature is None:
            raise ValueError("party 只能与 feature 一起使用")
        if self.feature is not None and self.feature not in FEATURES:
            raise ValueError(f"不认识的文书特征“{self.feature}”，可用：{'、'.join(FEATURES)}")
        if self.field is not None:
            if self.field not in CASE_FIELDS:
                raise ValueError(f"不认识的案件字段“{self.field}”，可用：{'、'.join(CASE_FIELDS)}")
            ops = [
                o
                for o in ("in_", "not_in", "contains", "not_contains", "empty")
                if getattr(self, o) is not None
            ]
            ranged = self.min is not None or self.max is not None
            if len(ops) + int(ranged) != 1:
                raise ValueError(
                    "字段条件须且只能写 in、not_in、contains、not_contains、empty 或 min/max 中的一种"
                )
            if ranged and CASE_FIELDS[self.field][1] == "text":
                raise ValueError(f"字段“{self.field}”是文字，不能用 min/max 比较")
        if self.flag is not None and self.flag not in FLAGS:
            raise ValueError(f"不认识的文书特征“{self.flag}”，可用：{'、'.join(FLAGS)}")
        if self.text is not None and not [w for w in self.text if w.strip()]:
            raise ValueError("全文关键词不能为空")
        for name in ("any", "all"):
            items = getattr(self, name)
            if items is not None and not items:
                raise ValueError(f"{name} 下至少要有一个条件")
        return self


class Indicator(_Strict):
    """A weighted indicator of a case screen; ``label`` may use {parameter} placeholders."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    when: Condition
    weight: float = Field(default=1.0, ge=0, le=100)
    enabled: bool = True


class CaseScreenRule(_Strict):
    where: list[Condition] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    threshold: float | None = Field(default=None, ge=0, le=1000)

    @model_validator(mode="after")
    def _check(self) -> CaseScreenRule:
        ids = [i.id for i in self.indicators]
        if len(ids) != len(set(ids)):
            raise ValueError("指标编号（id）不能重复")
        if not self.where and not self.indicators:
            raise ValueError("案件筛查至少要有一个筛选条件（where）或指标（indicators）")
        if self.indicators and self.threshold is None:
            raise ValueError("有指标时须写线索阈值 threshold")
        return self


class FrequencyTest(_Strict):
    """One way an entity qualifies: enough cases in a rolling window, with extra conditions."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str | None = None
    enabled: bool = True
    role: Role
    where: list[Condition] = Field(default_factory=list)
    non_lawyer: bool = False
    window_months: int = Field(ge=1, le=240)
    min_cases: int = Field(ge=1, le=100000)
    distinct_role: Role | None = None
    min_distinct: int | None = Field(default=None, ge=1, le=100000)
    distinct_other_surname: bool = False
    min_amount: float | None = Field(default=None, ge=0)
    same_court: bool = False
    cues: list[Indicator] = Field(default_factory=list)
    min_cues: int | None = Field(default=None, ge=1, le=50)

    @model_validator(mode="after")
    def _check(self) -> FrequencyTest:
        if (self.distinct_role is None) != (self.min_distinct is None):
            raise ValueError("distinct_role 与 min_distinct 须同时填写")
        if self.min_cues is not None and len(self.cues) < self.min_cues:
            raise ValueError("min_cues 不能多于所列情形（cues）的个数")
        if self.non_lawyer and self.role != "agent":
            raise ValueError("non_lawyer 只适用于 role: agent")
        return self


class _EntityScope(_Strict):
    """Which resolved entities count: natural persons, organisations, or both."""

    persons: bool = True
    organisations: bool = True

    @property
    def entity_kinds(self) -> list[str]:
        return [
            k for k, on in (("person", self.persons), ("organisation", self.organisations)) if on
        ]

    @model_validator(mode="after")
    def _some(self) -> _EntityScope:
        if not (self.persons or self.organisations):
            raise ValueError("persons（自然人）与 organisations（单位）至少要选一项")
        return self


class EntityFrequencyRule(_EntityScope):
    where: list[Condition] = Field(default_factory=list)
    exclude_financial: bool = True
    min_link_score: float = Field(default=0.0, ge=0, le=1)
    tests: list[FrequencyTest] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> EntityFrequencyRule:
        ids = [t.id for t in self.tests]
        if len(ids) != len(set(ids)):
            raise ValueError("判断方式编号（id）不能重复")
        return self


class LinkSide(_Strict):
    label: str = Field(min_length=1)
    roles: list[Role] = Field(min_length=1)
    where: list[Condition] = Field(default_factory=list)


class DateBound(_Strict):
    """A date of case A, moved earlier or later by whole months and days."""

    a_field: Literal["filing_date", "closing_date"]
    before_months: int = Field(default=0, ge=0, le=240)
    after_months: int = Field(default=0, ge=0, le=240)
    before_days: int = Field(default=0, ge=0, le=3650)
    after_days: int = Field(default=0, ge=0, le=3650)

    @property
    def months(self) -> int:
        return self.after_months - self.before_months

    @property
    def days(self) -> int:
        return self.after_days - self.before_days


class LinkTime(_Strict):
    b_field: Literal["filing_date", "closing_date"] = "filing_date"
    from_: DateBound | None = Field(default=None, alias="from")
    to: DateBound | None = None


class CaseLinkRule(_EntityScope):
    a: LinkSide
    b: LinkSide
    time: LinkTime
    exclude_financial: bool = True
    min_link_score: float = Field(default=0.0, ge=0, le=1)


class ListCondition(_Strict):
    field: str
    in_: list[Scalar] | None = Field(default=None, alias="in")
    not_in: list[Scalar] | None = None
    contains: list[str] | None = None
    not_contains: list[str] | None = None
    min: float | None = None
    max: float | None = None
    empty: bool | None = None
    label: str | None = None

    @model_validator(mode="after")
    def _check(self) -> ListCondition:
        if self.field not in LIST_FIELDS and not (
            self.field.startswith("extra.") and len(self.field) > 6
        ):
            raise ValueError(
                f"不认识的名单字段“{self.field}”，可用：{'、'.join(LIST_FIELDS)}，或 extra.原表头"
            )
        ops = [
            o
            for o in ("in_", "not_in", "contains", "not_contains", "empty")
            if getattr(self, o) is not None
        ]
        ranged = self.min is not None or self.max is not None
        if len(ops) + int(ranged) != 1:
            raise ValueError(
                "名单字段条件须且只能写 in、not_in、contains、not_contains、empty 或 min/max 中的一种"
            )
        return self


class CollisionSide(_Strict):
    where: list[ListCondition] = Field(default_factory=list)


class Match(_Strict):
    key: Literal["id_number", "name_birth"] = "id_number"
    fuzzy_names: bool = False
    name_similarity: int = Field(default=90, ge=60, le=100)


class DateRule(_Strict):
    """How the two rows' dates must relate for a hit."""

    type: Literal["after", "within", "apart", "still_after"]
    months: int = Field(default=0, ge=0, le=240)
    days: int = Field(default=0, ge=0, le=36500)
    month_start: bool = False
    end_field: str | None = None
    reference_date: str | None = None
    max_months: int | None = Field(default=None, ge=1, le=1200)

    @model_validator(mode="after")
    def _check(self) -> DateRule:
        if self.type == "within" and not self.end_field:
            raise ValueError(
                "type: within 须写 end_field（左侧名单中区间结束日期的字段，如 extra.刑期止日）"
            )
        if self.end_field and not (self.end_field.startswith("extra.") and len(self.end_field) > 6):
            raise ValueError("end_field 应写作 extra.原表头（左侧名单中区间结束日期所在的列）")
        if self.reference_date:
            from datetime import date

            try:
                date.fromisoformat(self.reference_date)
            except ValueError as exc:
                raise ValueError("reference_date 应为日期，如 2024-12-31，或留空") from exc
        return self


class ListCollisionRule(_Strict):
    left: CollisionSide = Field(default_factory=CollisionSide)
    right: CollisionSide = Field(default_factory=CollisionSide)
    match: Match = Field(default_factory=Match)
    date: DateRule


RULES: dict[str, type[BaseModel]] = {
    "case_screen": CaseScreenRule,
    "entity_frequency": EntityFrequencyRule,
    "case_link": CaseLinkRule,
    "list_collision": ListCollisionRule,
}
AnyRule = CaseScreenRule | EntityFrequencyRule | CaseLinkRule | ListCollisionRule


def dump_rule(rule: BaseModel) -> dict[str, Any]:
    """Return a rule as plain data with the YAML key names (in, not, from)."""
    return rule.model_dump(by_alias=True, exclude_none=True)
