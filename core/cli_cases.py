"""CLI commands for reading the workspace: cases, entities, search."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

ROLES = {"plaintiff": "原告", "defendant": "被告", "third_party": "第三人", "agent": "代理人",
         "plaintiff-defendant": "原告与被告", "both": "双方"}


def _ws(args: argparse.Namespace) -> Any:
    from core.workspace import open_workspace

    return open_workspace(args.workspace)


def _json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def cmd_cases_list(args: argparse.Namespace) -> int:
    from core.cases import list_cases

    rows = list_cases(_ws(args), limit=args.limit, offset=args.offset)
    if args.json:
        _json(rows)
        return 0
    for r in rows:
        print(f"{r['case_no']}  {r['cause'] or ''}  {r['closing_method'] or ''}  {r['filing_date'] or ''}")
    return 0


def _print_features(case: dict[str, Any]) -> None:
    from core.text.features import FEATURE_LABELS

    text = case.get("full_text") or ""
    if case.get("flags") is None:
        print("文书特征：尚未分析（运行 clueworks analyse）")
        return
    print("—— 文书特征 ——")
    if not case["features"]:
        print("（未发现特征）")
    for f in case["features"]:
        label = FEATURE_LABELS.get(f["name"], f["name"])
        who = f"［{ROLES.get(f['party'] or '', f['party'])}］" if f["party"] else ""
        value = f["value"] if f["value"] not in ("true", None) else ""
        if f["start"] >= 0:
            span = text[f["start"] : f["end"]]
            print(f"{label}{who} {value}  第{f['start']}–{f['end']}字：“{span}”（线索词：{f['cue']}）")
        else:
            print(f"{label}{who} {value}  来自表格列（{f['cue']}）")
    for note in case["flags"].get("notes") or []:
        print(f"数据质量提示：{note}")


def cmd_cases_show(args: argparse.Namespace) -> int:
    from core.cases import get_case
    from core.ingest.lexicon import field_labels

    case = get_case(_ws(args), args.case_no)
    if args.json:
        _json(case)
        return 0
    labels = field_labels()
    print(f"案号：{case['case_no']}")
    for fld in ("court", "cause", "procedure", "doc_type", "filing_date", "closing_date",
                "closing_method", "claim_amount", "service_method", "judge"):
        if case.get(fld) is not None:
            print(f"{labels.get(fld, fld)}：{case[fld]}")
    for p in case["parties"]:
        extra = "，".join(x for x in (p["id_number"], p["id_problem"], p["address"], p["law_firm"]) if x)
        ent = f"  → 实体 {p['entity_id']}（{p['entity_reason']}）" if p.get("entity_id") else ""
        print(f"{ROLES.get(p['role'], p['role'])}：{p['name']}{('（' + extra + '）') if extra else ''}{ent}")
    if case.get("source"):
        src = case["source"]
        print(f"来源：{src['file']} {src.get('sheet') or ''} 第 {src.get('row', '?')} 行")
    for problem in case["extra"].get("_数据问题", []):
        print(f"数据问题：{problem}")
    _print_features(case)
    if args.text and case["full_text"]:
        print("—— 文书全文 ——")
        print(case["full_text"])
    return 0


def cmd_entities_list(args: argparse.Namespace) -> int:
    from core.parties.service import list_entities

    rows = list_entities(_ws(args), min_cases=args.min_cases, limit=args.limit)
    if args.json:
        _json(rows)
        return 0
    for e in rows:
        fin = f"［金融机构：{e['financial_kind']}］" if e["is_financial"] else ""
        print(f"{e['id']:>6}  {e['display_name']}{fin}  {e['case_count']} 件  {e['id_number'] or ''}")
    return 0


def cmd_entities_show(args: argparse.Namespace) -> int:
    from core.parties.service import show_entity

    ent = show_entity(_ws(args), args.entity_id)
    if args.json:
        _json(ent)
        return 0
    kind = "单位" if ent["kind"] == "organisation" else "自然人"
    print(f"实体 {ent['id']}：{ent['display_name']}（{kind}）")
    if ent["is_financial"]:
        print(f"持牌金融机构：{ent['financial_kind']}")
    if ent["id_number"]:
        print(f"身份证号：{ent['id_number']}")
    print("曾用写法：" + "、".join(ent["names"]))
    print(f"涉及案件 {ent['case_count']} 件：")
    for m in ent["mentions"]:
        print(f"  {m['case_no']}  {ROLES.get(m['role'], m['role'])}  {m['name']}  {m['cause'] or ''}"
              f"  {m['filing_date'] or ''}  依据：{m['reason']}（{m['score']:.2f}）")
    return 0


def cmd_entities_merge(args: argparse.Namespace) -> int:
    from core.parties.service import merge_entities

    summary = merge_entities(_ws(args), args.entity_ids, note=args.note)
    print(f"已合并；重新归并后共 {summary.entities} 个实体。该决定在以后的导入和归并中保持有效。")
    return 0


def cmd_entities_split(args: argparse.Namespace) -> int:
    from core.parties.service import split_entity

    summary = split_entity(_ws(args), args.entity_id, args.party_ids, note=args.note)
    print(f"已拆分；重新归并后共 {summary.entities} 个实体。该决定在以后的导入和归并中保持有效。")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from core.search import search_parties, search_text

    ws = _ws(args)
    parties = search_parties(ws, args.text, limit=args.limit)
    hits = search_text(ws, args.text, limit=args.limit)
    if args.json:
        _json({"parties": [p.__dict__ for p in parties], "texts": [h.__dict__ for h in hits]})
        return 0
    for p in parties:
        print(f"{p.case_no}  当事人：{ROLES.get(p.role, p.role)} {p.name}")
    for h in hits:
        print(f"{h.case_no}  全文第{h.start}字：…{h.snippet}…")
    if not parties and not hits:
        print("没有找到。")
    return 0


def cmd_analyse(args: argparse.Namespace) -> int:
    from core.analysis import analyse_workspace

    s = analyse_workspace(_ws(args), everything=args.all)
    print(f"已分析 {s.cases} 件案件的文书特征（线索词版本 {s.cue_version}），用时 {s.feature_seconds:.1f} 秒")
    if s.resolve:
        print(f"当事人归并：{s.resolve.mentions} 次出现 → {s.resolve.entities} 个实体"
              f"（其中金融机构 {s.resolve.financial} 个），用时 {s.resolve.seconds:.1f} 秒")
    return 0


def register(sub: Any) -> None:
    """Add the cases, entities, search and analyse commands to the CLI."""
    cases = sub.add_parser("cases", help="查看案件").add_subparsers(dest="cases_cmd", required=True, metavar="子命令")
    p = cases.add_parser("list", help="列出案件")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_cases_list)
    p = cases.add_parser("show", help="显示一个案件及其文书特征")
    p.add_argument("case_no")
    p.add_argument("--text", action="store_true", help="同时打印文书全文")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_cases_show)

    ents = sub.add_parser("entities", help="当事人实体（归并结果）").add_subparsers(
        dest="entities_cmd", required=True, metavar="子命令")
    p = ents.add_parser("list", help="列出实体")
    p.add_argument("--min-cases", type=int, default=1)
    p.add_argument("--limit", type=int, default=500)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entities_list)
    p = ents.add_parser("show", help="显示实体及其所有出现和归并依据")
    p.add_argument("entity_id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entities_show)
    p = ents.add_parser("merge", help="把几个实体认定为同一人/单位")
    p.add_argument("entity_ids", type=int, nargs="+")
    p.add_argument("--note")
    p.set_defaults(func=cmd_entities_merge)
    p = ents.add_parser("split", help="把部分当事人从实体中拆出")
    p.add_argument("entity_id", type=int)
    p.add_argument("party_ids", type=int, nargs="+")
    p.add_argument("--note")
    p.set_defaults(func=cmd_entities_split)

    p = sub.add_parser("search", help="按当事人名称或文书全文查找案件")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("analyse", help="计算文书特征并归并当事人（导入后自动进行）")
    p.add_argument("--all", action="store_true", help="全部重新计算")
    p.set_defaults(func=cmd_analyse)
