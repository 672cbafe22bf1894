"""CLI commands for documents: templates, drafting from clues, the register, settings."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from core.errors import UserError

DEFAULT_ORIGIN = "本院在履行法律监督职责中，运用大数据法律监督模型对辖区内相关数据进行筛查比对，发现以下问题线索，经依法审查，现已查明。"
PLACEHOLDER_SUGGESTION = "（请在此填写具体建议事项）"


def _ws(args: argparse.Namespace) -> Any:
    from core.workspace import open_workspace

    return open_workspace(args.workspace)


def _json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def cmd_templates_list(args: argparse.Namespace) -> int:
    from core.drafting.templates import list_templates

    ws = _ws(args)
    items = list_templates(ws.root)
    if args.json:
        _json(
            [
                {
                    "name": t.name,
                    "kind": t.kind,
                    "path": str(t.path),
                    "bundled": t.bundled,
                    "reply_months": t.reply_months,
                    "doc_code": t.doc_code,
                }
                for t in items
            ]
        )
        return 0
    for t in items:
        where = "内置" if t.bundled else "本工作区"
        print(
            f"{t.name}  （{t.kind}，文号代字“{t.doc_code}”，答复期限 {t.reply_months} 个月，{where}）  {t.path}"
        )
    return 0


def _read_fields(path: str | None) -> dict[str, Any]:
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise UserError(f"找不到字段文件：{path}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"字段文件“{path}”不是有效的 JSON（UTF-8）。", str(exc)) from exc
    if not isinstance(data, dict):
        raise UserError(f'字段文件“{path}”应是一个 JSON 对象（{{"字段": 值}}）。')
    return data


def cmd_draft(args: argparse.Namespace) -> int:
    from core.drafting.fields import DraftFields
    from core.drafting.render import render_draft
    from core.drafting.service import clue_material, fields_from_mapping, issue_draft, next_number
    from core.drafting.templates import find_template
    from core.settings import get_setting

    ws = _ws(args)
    template = find_template(args.template, ws.root)
    extra = _read_fields(args.fields)
    material = clue_material(ws, args.clue)
    office = str(extra.pop("procuratorate", None) or get_setting(ws, "procuratorate") or "")
    abbr = str(extra.pop("procuratorate_abbr", None) or get_setting(ws, "procuratorate_abbr") or "")
    if not office:
        raise UserError(
            "未设置本院名称。",
            "请运行 clueworks settings set procuratorate 某某县人民检察院，或在字段文件中给出 procuratorate。",
        )
    day = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    base = DraftFields(
        procuratorate=office,
        doc_number="",
        recipient=args.recipient,
        date=day,
        procuratorate_abbr=abbr,
        origin=DEFAULT_ORIGIN,
        facts=material.facts,
        legal_basis=material.legal_basis or None,
        suggestions=[PLACEHOLDER_SUGGESTION],
        cases=material.cases,
    )
    draft = fields_from_mapping(extra, base)
    out = Path(args.output)
    if args.preview:
        number = next_number(ws, template, abbr or "某", day.year) if abbr else "〔文号待定〕"
        render_draft(template, draft.__class__(**{**draft.__dict__, "doc_number": number}), out)
        print(f"已生成预览稿（未编号登记）：{out}")
        return 0
    issued = issue_draft(ws, template, draft, abbr, clue_ids=args.clue, out=out)
    print(f"已生成并登记：{issued.number} → {issued.path}")
    print(
        f"  {issued.clues_marked} 条已核实线索改为“已制发检察建议”。答复期限见 clueworks suggestions list。"
    )
    return 0


def cmd_suggestions_list(args: argparse.Namespace) -> int:
    from core.drafting.register import list_suggestions

    rows = list_suggestions(_ws(args), overdue_only=args.overdue)
    if args.json:
        _json([r.to_json() for r in rows])
        return 0
    if not rows:
        print("没有逾期未答复的文书。" if args.overdue else "登记簿中还没有文书。")
    for r in rows:
        state = (
            "已答复 " + (r.replied_on or "")
            if r.status == "replied"
            else ("已逾期" if r.overdue else "待答复")
        )
        print(f"{r.number}  {r.recipient}  制发 {r.issued_on}  答复期限 {r.due_on}  {state}")
    return 0


def cmd_suggestions_reply(args: argparse.Namespace) -> int:
    from core.drafting.register import record_reply

    day = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    row = record_reply(_ws(args), args.number, day, args.note)
    print(f"已登记 {row.number} 的书面回复（{row.replied_on}）。")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    from core.settings import all_known, all_settings, set_setting

    ws = _ws(args)
    if args.settings_cmd == "set":
        set_setting(ws, args.key, args.value)
        print(f"已设置 {args.key} = {args.value}")
        return 0
    current = all_settings(ws)
    for key, help_text in all_known().items():
        print(f"{key} = {current.get(key, '（未设置）')}    # {help_text}")
    return 0


def register(sub: Any) -> None:
    """Add templates, draft, suggestions and settings commands to the CLI."""
    t = sub.add_parser("templates", help="文书模板").add_subparsers(
        dest="templates_cmd", required=True, metavar="子命令"
    )
    p = t.add_parser("list", help="列出可用模板")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_templates_list)

    p = sub.add_parser("draft", help="由线索生成检察建议书等文书（Word）")
    p.add_argument(
        "--clue",
        type=int,
        action="append",
        required=True,
        metavar="ID",
        help="线索编号，可多次使用",
    )
    p.add_argument("--template", required=True, help="模板名称或类型")
    p.add_argument("--recipient", required=True, help="主送单位")
    p.add_argument("--fields", help="JSON 字段文件：facts、problems、suggestions、legal_basis 等")
    p.add_argument("--date", help="成文日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--preview", action="store_true", help="只生成预览稿，不编号、不登记")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_draft)

    s = sub.add_parser("suggestions", help="已制发文书登记与答复跟踪").add_subparsers(
        dest="suggestions_cmd", required=True, metavar="子命令"
    )
    p = s.add_parser("list", help="列出登记的文书")
    p.add_argument("--overdue", action="store_true", help="只看逾期未答复的")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_suggestions_list)
    p = s.add_parser("reply", help="登记书面回复")
    p.add_argument("number", help="文号或登记编号")
    p.add_argument("--date", help="回复日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--note", help="回复要点")
    p.set_defaults(func=cmd_suggestions_reply)

    st = sub.add_parser("settings", help="工作区设置（本院名称、简称）")
    st_sub = st.add_subparsers(dest="settings_cmd", required=True, metavar="子命令")
    p = st_sub.add_parser("list", help="查看设置")
    p.set_defaults(func=cmd_settings)
    p = st_sub.add_parser("set", help="修改设置")
    p.add_argument("key")
    p.add_argument("value")
    p.set_defaults(func=cmd_settings)
