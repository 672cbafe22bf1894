"""The rule of a model in plain Chinese, reflecting the current parameter values."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from core.supervision.rules import (
    CaseLinkRule,
    CaseScreenRule,
    Condition,
    DateBound,
    EntityFrequencyRule,
    FrequencyTest,
    ListCollisionRule,
    ListCondition,
)
from core.supervision.spec import ResolvedModel
from core.supervision.vocabulary import (
    CASE_FIELDS,
    FEATURE_PARTIES,
    FEATURES,
    FLAGS,
    LIST_FIELDS,
    ROLES,
)


def fill(template: str, values: Mapping[str, Any]) -> str:
    """Return ``template`` with {name} placeholders filled (unknown ones left as they are)."""

    class _Keep(dict[str, Any]):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return template.format_map(_Keep({k: show(v) for k, v in values.items()}))


def show(value: Any) -> str:
    """Return a value the way the rule text writes it."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "、".join(f"“{v}”" for v in value)
    return str(value)


def money(amount: float) -> str:
    """Return 1000000 as 100万元 and 1500 as 1500元."""
    if amount >= 10000 and amount % 10000 == 0:
        return f"{int(amount // 10000)}万元"
    return f"{show(float(amount))}元"


def _quoted(words: Sequence[Any]) -> str:
    return "、".join(f"“{show(w)}”" for w in words)


def _range(label: str, lo: float | None, hi: float | None, unit: str) -> str:
    def fmt(x: float) -> str:
        return money(x) if unit == "元" else f"{show(float(x))}{unit}"

    if lo is not None and hi is not None:
        return f"{label}在{fmt(lo)}至{fmt(hi)}之间"
    if lo is not None:
        return f"{label}不少于{fmt(lo)}"
    return f"{label}不超过{fmt(hi or 0)}"


def condition_text(c: Condition) -> str:
    """Return one case condition in Chinese."""
    if c.label:
        return c.label
    if c.flag is not None:
        yes, no, _ = FLAGS[c.flag]
        return no if c.is_ is False else yes
    if c.feature is not None:
        who = FEATURE_PARTIES.get(c.party or "", c.party or "")
        return f"文书显示{who}{FEATURES[c.feature]}" if who else f"文书显示{FEATURES[c.feature]}"
    if c.text is not None:
        return f"裁判文书全文含有{_quoted(c.text)}之一"
    if c.same_surname_address is not None:
        return "原告与被告同姓且住址相同" if c.same_surname_address else "原告与被告并非同姓同址"
    if c.any is not None:
        return "（" + "，或".join(condition_text(x) for x in c.any) + "）"
    if c.all is not None:
        return "（" + "，且".join(condition_text(x) for x in c.all) + "）"
    if c.not_ is not None:
        return f"并非{condition_text(c.not_)}"
    assert c.field is not None
    label, kind = CASE_FIELDS[c.field]
    return _field_text(label, kind, c.field, c)


def _field_text(label: str, kind: str, name: str, c: Condition | ListCondition) -> str:
    if c.in_ is not None:
        return f"{label}为{_quoted(c.in_)}" + ("之一" if len(c.in_) > 1 else "")
    if c.not_in is not None:
        return f"{label}不是{_quoted(c.not_in)}"
    if c.contains is not None:
        return f"{label}包含{_quoted(c.contains)}" + ("之一" if len(c.contains) > 1 else "")
    if c.not_contains is not None:
        return f"{label}不含{_quoted(c.not_contains)}"
    if c.empty is not None:
        return f"{label}为空" if c.empty else f"{label}不为空"
    unit = (
        "天"
        if name == "duration_days"
        else "元"
        if name in ("claim_amount", "principal_amount", "amount")
        else ""
    )
    return _range(label, c.min, c.max, unit)


def conditions_text(conds: Sequence[Condition]) -> str:
    return "，且".join(condition_text(c) for c in conds)


def list_condition_text(c: ListCondition) -> str:
    if c.label:
        return c.label
    if c.field.startswith("extra."):
        label, kind = c.field[6:], "text"
    else:
        label, kind = LIST_FIELDS[c.field]
    return _field_text(label, kind, c.field, c)


def _screen(m: ResolvedModel, r: CaseScreenRule) -> str:
    parts = []
    scope = f"在{conditions_text(r.where)}的案件中" if r.where else "在全部案件中"
    active = [i for i in r.indicators if i.enabled]
    if not active:
        return f"{scope}，符合条件的案件列为线索。"
    items = "；".join(f"{fill(i.label, m.values)}（{show(i.weight)}分）" for i in active)
    parts.append(f"{scope}，按下列指标计分：{items}。")
    parts.append(f"合计达到{show(r.threshold)}分的案件列为线索。")
    return "".join(parts)


def _test(t: FrequencyTest, values: Mapping[str, Any]) -> str:
    who = "非律师（未写明律师事务所、法律服务所，也未注明律师、法律工作者身份）的" if t.non_lawyer else ""
    bits = [f"作为{who}{ROLES[t.role]}"]
    if t.where:
        bits.append(f"在{conditions_text(t.where)}的案件中")
    court = "在同一法院" if t.same_court else ""
    bits.append(f"任意{t.window_months}个月内{court}涉案不少于{t.min_cases}件")
    if t.distinct_role and t.min_distinct:
        other = "（与其不同姓）" if t.distinct_other_surname else ""
        bits.append(f"涉及不同的{ROLES[t.distinct_role]}{other}不少于{t.min_distinct}个")
    if t.min_amount is not None:
        bits.append(f"标的额合计不少于{money(t.min_amount)}")
    if t.cues and t.min_cues:
        cues = "、".join(fill(c.label, values) for c in t.cues if c.enabled)
        bits.append(f"并具有下列情形中的至少{t.min_cues}种：{cues}")
    text = "，".join(bits)
    return f"{fill(t.label, values)}：{text}" if t.label else text


def _frequency(m: ResolvedModel, r: EntityFrequencyRule) -> str:
    scope = f"在{conditions_text(r.where)}的案件中，" if r.where else ""
    kinds = {"person": "自然人", "organisation": "单位"}
    who = "、".join(kinds[k] for k in r.entity_kinds)
    orgs = "organisation" in r.entity_kinds
    excl = "（持牌金融机构除外）" if r.exclude_financial and orgs else ""
    tests = [t for t in r.tests if t.enabled]
    body = "；或者".join(_test(t, m.values) for t in tests) if tests else "（未启用任何判断方式）"
    return f"{scope}同一{who}{excl}符合下列任一情形的列为线索：{body}。按已识别的同一主体合并计数。"


def _bound(b: DateBound) -> str:
    label = CASE_FIELDS[b.a_field][0]
    out = f"A案{label}"
    if b.before_months or b.before_days:
        out += "前" + "".join(
            x
            for x in (
                f"{b.before_months}个月" if b.before_months else "",
                f"{b.before_days}天" if b.before_days else "",
            )
        )
    if b.after_months or b.after_days:
        out += "后" + "".join(
            x
            for x in (
                f"{b.after_months}个月" if b.after_months else "",
                f"{b.after_days}天" if b.after_days else "",
            )
        )
    return out


def _link(m: ResolvedModel, r: CaseLinkRule) -> str:
    a_roles = "或".join(ROLES[x] for x in r.a.roles)
    b_roles = "或".join(ROLES[x] for x in r.b.roles)
    a_where = conditions_text(r.a.where) or "任意案件"
    b_where = conditions_text(r.b.where) or "任意案件"
    time = r.time
    b_label = CASE_FIELDS[time.b_field][0]
    if time.from_ and time.to:
        when = f"B案{b_label}在{_bound(time.from_)}至{_bound(time.to)}之间"
    elif time.from_:
        when = f"B案{b_label}不早于{_bound(time.from_)}"
    elif time.to:
        when = f"B案{b_label}不晚于{_bound(time.to)}"
    else:
        when = "不限时间"
    orgs = "organisation" in r.entity_kinds
    excl = "（持牌金融机构除外）" if r.exclude_financial and orgs else ""
    kinds = r.entity_kinds
    who = "主体" if len(kinds) != 1 else "自然人" if kinds[0] == "person" else "单位"
    return (
        f"A案（{r.a.label}）：{a_where}；B案（{r.b.label}）：{b_where}。"
        f"A案的{a_roles}与B案的{b_roles}为已识别的同一{who}{excl}，且{when}的，"
        f"每一对案件列为一条线索。"
    )


def _collision(m: ResolvedModel, r: ListCollisionRule) -> str:
    inputs = {i.role: i for i in m.spec.inputs}
    left, right = inputs["left"].label, inputs["right"].label
    ld = inputs["left"].date_label or f"{left}日期"
    rd = inputs["right"].date_label or f"{right}日期"
    if r.match.key == "id_number":
        key = "公民身份号码（统一为18位、末位大写X）"
    else:
        key = "姓名与出生日期"
        if r.match.fuzzy_names:
            key += f"（姓名相似度不低于{r.match.name_similarity}%）"
    conds = []
    if r.left.where:
        conds.append(f"{left}中" + "，且".join(list_condition_text(c) for c in r.left.where))
    if r.right.where:
        conds.append(f"{right}中" + "，且".join(list_condition_text(c) for c in r.right.where))
    d = r.date
    shift = "".join(
        x for x in (f"{d.months}个月" if d.months else "", f"{d.days}天" if d.days else "")
    )
    if d.type == "after":
        if not shift:
            when = f"{rd}在{ld}之后"
        elif d.month_start:
            when = f"{rd}不早于{ld}所在月份后第{shift}"
        else:
            when = f"{rd}不早于{ld}后{shift}"
    elif d.type == "within":
        end = d.end_field.removeprefix("extra.") if d.end_field else ""
        when = f"{rd}落在{ld}至“{end}”之间"
    elif d.type == "apart":
        when = f"{ld}与{rd}相差超过{shift}"
    else:
        ref = d.reference_date or f"{right}中最晚的{rd}"
        when = f"截至核对基准日（{ref}），{ld}已满{shift or '0天'}"
        if d.max_months:
            when += f"且未超过{d.max_months}个月"
    extra = "；".join(conds)
    extra = f"，{extra}" if extra else ""
    return f"以{key}比对{left}与{right}，{when}{extra}的，每人列为一条线索。"


def rule_text(m: ResolvedModel) -> str:
    """Return the model's rule in plain Chinese with the values it will run with."""
    r = m.rule
    if isinstance(r, CaseScreenRule):
        return _screen(m, r)
    if isinstance(r, EntityFrequencyRule):
        return _frequency(m, r)
    if isinstance(r, CaseLinkRule):
        return _link(m, r)
    return _collision(m, r)
