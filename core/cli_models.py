"""CLI commands for supervision models, runs and clues: ``models``, ``run``, ``clues``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def _ws(args: argparse.Namespace, create: bool = True) -> Any:
    from core.workspace import open_workspace

    return open_workspace(args.workspace, create=create)


def _ws_if_any(args: argparse.Namespace) -> Any:
    from core.workspace import DB_NAME, resolve_workspace_dir

    folder = resolve_workspace_dir(args.workspace)
    return _ws(args) if (folder / DB_NAME).exists() else None


# ---- models -------------------------------------------------------------------------


def cmd_models_list(args: argparse.Namespace) -> int:
    from core.supervision.catalogue import catalogue

    cat = catalogue(_ws_if_any(args))
    if args.json:
        from core.supervision.switches import disabled_models

        off = disabled_models(_ws_if_any(args))
        _json(
            [{**m.to_json(), "enabled": m.id not in off} for m in cat.models]
            + [{"path": b.path, "error": b.message} for b in cat.broken]
        )
        return 0
    from core.supervision.switches import disabled_models
    from core.supervision.vocabulary import KINDS

    off = disabled_models(_ws_if_any(args))
    for m in cat.models:
        s = m.spec
        state = "停用" if m.id in off else "启用"
        print(f"{s.id:38} {state}  第{s.version}版  {s.category}  {KINDS[s.kind]:4}  {m.origin:6}  {s.name}")
    for b in cat.broken:
        print(f"（无法读取）{b.path}：{b.message}")
    return 0


def _param_line(name: str, p: Any, value: Any) -> str:
    from core.supervision.describe import show
    from core.supervision.spec import TYPE_LABELS

    bounds = []
    if p.min is not None:
        bounds.append(f"最小 {show(float(p.min))}")
    if p.max is not None:
        bounds.append(f"最大 {show(float(p.max))}")
    rng = f"（{'，'.join(bounds)}）" if bounds else ""
    return f"  {name}：{p.label} = {show(value)}{p.unit or ''}  [{TYPE_LABELS[p.type]}]{rng}"


def cmd_models_show(args: argparse.Namespace) -> int:
    from core.supervision.catalogue import get_model
    from core.supervision.describe import rule_text
    from core.supervision.spec import load_resolved, spec_data
    from core.supervision.vocabulary import KINDS

    info = get_model(_ws_if_any(args), args.model_id)
    s = info.spec
    resolved = load_resolved(s, info.path)
    if args.json:
        _json({**info.to_json(), "spec": spec_data(s)})
        return 0
    print(f"{s.name}（{s.id}，第{s.version}版，{info.origin}）")
    print(f"类别：{s.category}    类型：{KINDS[s.kind]}    文件：{info.path}")
    if s.based_on:
        print(f"来源：{s.based_on}")
    print(f"\n规则：{rule_text(resolved)}")
    print(f"\n说明：{s.description.strip()}")
    if s.rationale:
        print(f"\n为什么：{s.rationale.strip()}")
    if s.legal_basis:
        print("\n法律依据：")
        for item in s.legal_basis:
            print(f"  · {item}")
    if s.false_positives:
        print("\n已知误报：")
        for item in s.false_positives:
            print(f"  · {item}")
    if s.parameters:
        print("\n参数：")
        for name, p in s.parameters.items():
            print(_param_line(name, p, resolved.values[name]))
    if s.presets:
        print("\n预设：")
        for name, preset in s.presets.items():
            mark = "（当前）" if s.preset == name else ""
            print(f"  {name}：{preset.label}{mark}")
    return 0


def cmd_models_export(args: argparse.Namespace) -> int:
    from core.supervision.exchange import export_model

    path = export_model(_ws_if_any(args), args.model_id, Path(args.output))
    print(f"已导出模型“{args.model_id}”：{path}")
    return 0


def cmd_models_switch(args: argparse.Namespace) -> int:
    from core.supervision.switches import set_model_enabled

    enabled = args.models_command == "enable"
    changed = set_model_enabled(_ws(args), args.model_id, enabled)
    word = "启用" if enabled else "停用"
    print(f"已{word}模型“{args.model_id}”。" if changed else f"模型“{args.model_id}”原已{word}。")
    return 0


def cmd_models_import(args: argparse.Namespace) -> int:
    from core.supervision.exchange import import_model

    info = import_model(_ws(args), Path(args.file), replace=args.replace)
    print(f"已导入模型“{info.spec.name}”（{info.id}，第{info.spec.version}版）：{info.path}")
    return 0


# ---- run ----------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    from core.supervision.inputs import parse_input_args
    from core.supervision.runner import run_models, unanalysed_cases

    ws = _ws(args, create=False)
    inputs = parse_input_args(args.input or [])
    if unanalysed_cases(ws):
        from core.analysis import analyse_workspace

        if not args.json:
            print("正在分析尚未分析的裁判文书并识别当事人……")
        analyse_workspace(ws)

    def progress(fraction: float, message: str) -> None:
        if not args.json:
            print(f"[{fraction * 100:3.0f}%] {message}", file=sys.stderr)

    report = run_models(ws, args.model or None, inputs=inputs, progress=progress)
    if args.json:
        _json(report.to_json())
        return 0
    for o in report.outcomes:
        state = f"跳过：{o.skipped}" if o.skipped else f"命中 {o.hits} 条，用时 {o.seconds:.2f} 秒"
        print(f"{o.name}（{o.model_id} 第{o.version}版）：{state}")
    m = report.merge
    if m is not None:
        print(
            f"线索：新增 {m.new}，更新 {m.updated}，未变 {m.unchanged}，"
            f"依据已消失 {m.stale}，重新出现 {m.revived}；运行编号 {report.run_id}，"
            f"共用时 {report.seconds:.1f} 秒"
        )
    return 0


# ---- clues --------------------------------------------------------------------------


def _filter(args: argparse.Namespace) -> Any:
    from core.clues.queries import ClueFilter

    return ClueFilter(model_ids=args.model or (), statuses=args.status or ())


def cmd_clues_list(args: argparse.Namespace) -> int:
    from core.clues.queries import list_clues

    rows = list_clues(_ws(args, create=False), _filter(args))
    if args.json:
        _json([r.to_json() for r in rows])
        return 0
    if not rows:
        print("没有符合条件的线索。")
    for r in rows:
        stale = "［依据已变化］" if r.stale else ""
        print(f"{r.id:>5}  {r.score:5.0f}  {r.status_label:8}  {r.title}{stale}")
    return 0


def cmd_clues_show(args: argparse.Namespace) -> int:
    from core.clues.queries import clue_detail
    from core.clues.service import history
    from core.supervision.vocabulary import SUBJECTS

    ws = _ws(args, create=False)
    detail = clue_detail(ws, args.clue_id)
    events = history(ws, args.clue_id)
    if args.json:
        _json({**detail.to_json(), "history": events})
        return 0
    r = detail.row
    print(f"线索 {r.id}：{r.title}")
    print(
        f"对象：{SUBJECTS.get(r.subject_type, r.subject_type)}  风险分：{r.score:.0f}  "
        f"状态：{r.status_label}{'（依据已变化）' if r.stale else ''}  承办人：{r.assignee or '—'}"
        f"  标签：{'、'.join(r.tags) or '—'}"
    )
    print("涉及案件：" + ("、".join(r.case_nos) or "—"))
    people = [
        p["name"] + (f"（{p['id_number']}）" if p.get("id_number") else "")
        for p in r.persons
        if p.get("name")
    ]
    print("涉及人员：" + ("、".join(people) or "—"))
    for h in detail.hits:
        state = "" if h["active"] else "（本模型最近一次运行未再命中）"
        print(f"\n【{h['model_name']}】第{h['model_version']}版  {h['score']:.0f}分{state}")
        for reason in h["reasons"]:
            print(f"  · {reason['detail']}")
            for span in reason.get("spans") or []:
                where = f"第{span['start']}–{span['end']}字" if span["start"] >= 0 else "表格列"
                print(f"      {span['case_no']} {where}：“{span.get('text') or span.get('cue')}”")
    if detail.notes:
        print("\n批注：")
        for n in detail.notes:
            print(f"  {n['at']} {n['actor']}：{n['text']}")
    print("\n处理记录：")
    for e in events:
        change = f"{e.get('from_label') or e['from_value'] or ''} → {e.get('to_label') or e['to_value'] or ''}"
        why = f"  理由：{e['reason']}" if e["reason"] else ""
        print(
            f"  {e['at']} {e['actor']} {e['action']} {change if e['action'] == 'status' else ''}{why}"
        )
    return 0


def cmd_clues_set_status(args: argparse.Namespace) -> int:
    from core.clues.lifecycle import STATUS_LABELS
    from core.clues.service import set_status

    status = set_status(_ws(args, create=False), args.clue_id, args.status, args.reason)
    print(f"线索 {args.clue_id} 的状态已改为“{STATUS_LABELS[status]}”。")
    return 0


def cmd_clues_annotate(args: argparse.Namespace) -> int:
    from core.clues.service import add_note

    add_note(_ws(args, create=False), args.clue_id, args.text)
    print(f"已为线索 {args.clue_id} 添加批注。")
    return 0


def cmd_clues_assign(args: argparse.Namespace) -> int:
    from core.clues.service import assign

    assign(_ws(args, create=False), args.clue_id, args.assignee or None)
    print(f"线索 {args.clue_id} 的承办人：{args.assignee or '（已清除）'}")
    return 0


def cmd_clues_tag(args: argparse.Namespace) -> int:
    from core.clues.service import set_tags

    tags = set_tags(_ws(args, create=False), args.clue_id, args.add or (), args.remove or ())
    print(f"线索 {args.clue_id} 的标签：{'、'.join(tags) or '（无）'}")
    return 0


def cmd_clues_export(args: argparse.Namespace) -> int:
    from core.clues.export import export_clues

    n = export_clues(_ws(args, create=False), args.format, Path(args.output), _filter(args))
    print(f"已导出 {n} 条线索：{args.output}")
    return 0


def cmd_clues_handed_import(args: argparse.Namespace) -> int:
    from core.clues.handed import import_handed

    rep = import_handed(_ws(args), Path(args.file), args.source, args.doc)
    if args.json:
        _json(rep.__dict__)
        return 0
    print(f"已导入{rep.source}交办的线索（{rep.doc_no}）：新增 {rep.created} 条，"
          f"此前已导入 {rep.already} 条，关联到本院案件 {rep.linked_cases} 条。")
    for p in rep.problems[:20]:
        print(f"  第 {p['row']} 行未导入：{p['reason']}")
    return 0


def cmd_clues_handed_report(args: argparse.Namespace) -> int:
    from core.clues.handed import write_handed_report

    count = write_handed_report(_ws(args), Path(args.output), args.doc)
    print(f"已写出交办线索办理情况反馈表（{count} 条）：{args.output}")
    return 0


def cmd_clues_precision(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from core.clues.precision import model_precision

    rows = model_precision(_ws(args, create=False))
    if args.json:
        _json([{**asdict(r), "precision": r.precision} for r in rows])
        return 0
    for r in rows:
        p = "—" if r.precision is None else f"{r.precision:.0%}"
        print(
            f"{r.model_name}（{r.model_id}）：线索 {r.clues}，已核实 {r.confirmed}，"
            f"已排除 {r.dismissed}，未决 {r.open}，准确率 {p}"
        )
        for reason, n in r.dismissal_reasons.items():
            print(f"    排除理由：{reason} × {n}")
    return 0


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--model", action="append", metavar="模型编号", help="只看该模型的线索，可多次使用"
    )
    p.add_argument(
        "--status",
        action="append",
        metavar="状态",
        help="new 待核查、reviewing 核查中、confirmed 已核实、dismissed 已排除、"
        "transferred 已移送、suggestion_issued 已制发检察建议、closed 已办结",
    )


def register(sub: Any) -> None:
    """Add the ``models``, ``run`` and ``clues`` commands to the CLI's subparsers."""
    models = sub.add_parser("models", help="监督模型：列出、查看、导出、导入")
    msub = models.add_subparsers(dest="models_command", required=True, metavar="操作")
    p = msub.add_parser("list", help="列出全部模型")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_models_list)
    p = msub.add_parser("show", help="查看模型的规则、参数、依据")
    p.add_argument("model_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_models_show)
    p = msub.add_parser("export", help="把模型导出为带校验值的交换文件")
    p.add_argument("model_id")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_models_export)
    p = msub.add_parser("import", help="导入其他院导出的模型文件")
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help="替换本工作区同编号的模型")
    p.set_defaults(func=cmd_models_import)
    for name, label in (("enable", "启用模型（参与“运行全部”）"), ("disable", "停用模型（“运行全部”时跳过）")):
        p = msub.add_parser(name, help=label)
        p.add_argument("model_id")
        p.set_defaults(func=cmd_models_switch)

    p = sub.add_parser("run", help="运行监督模型，生成或更新线索")
    p.add_argument("--model", action="append", metavar="模型编号", help="只运行该模型，可多次使用")
    p.add_argument(
        "--input",
        action="append",
        metavar="角色=数据集编号",
        help="指定模型读取的数据集，如 left=3（或 模型编号:left=3），可多次使用",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_run)

    clues = sub.add_parser("clues", help="监督线索：列出、查看、改状态、批注、导出")
    csub = clues.add_subparsers(dest="clues_command", required=True, metavar="操作")
    p = csub.add_parser("list", help="按风险分列出线索")
    _add_filters(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_clues_list)
    p = csub.add_parser("show", help="查看线索的理由、原文位置和处理记录")
    p.add_argument("clue_id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_clues_show)
    p = csub.add_parser("set-status", help="改变线索状态")
    p.add_argument("clue_id", type=int)
    p.add_argument("status")
    p.add_argument("--reason", help="理由（排除线索时必填）")
    p.set_defaults(func=cmd_clues_set_status)
    p = csub.add_parser("annotate", help="添加批注")
    p.add_argument("clue_id", type=int)
    p.add_argument("text")
    p.set_defaults(func=cmd_clues_annotate)
    p = csub.add_parser("assign", help="指定承办人（留空则清除）")
    p.add_argument("clue_id", type=int)
    p.add_argument("assignee", nargs="?", default="")
    p.set_defaults(func=cmd_clues_assign)
    p = csub.add_parser("tag", help="添加或去掉标签")
    p.add_argument("clue_id", type=int)
    p.add_argument("--add", action="append")
    p.add_argument("--remove", action="append")
    p.set_defaults(func=cmd_clues_tag)
    p = csub.add_parser("export", help="导出线索（json、xlsx、csv）")
    p.add_argument("--format", required=True, choices=["json", "xlsx", "csv"])
    p.add_argument("-o", "--output", required=True)
    _add_filters(p)
    p.set_defaults(func=cmd_clues_export)
    p = csub.add_parser("handed-import", help="导入上级院交办的线索表")
    p.add_argument("file")
    p.add_argument("--from", dest="source", required=True, help="交办单位，如“某市人民检察院”")
    p.add_argument("--doc", help="交办文号（同一文号重复导入不会重复生成线索）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_clues_handed_import)
    p = csub.add_parser("handed-report", help="写出交办线索办理情况反馈表（.xlsx）")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--doc", help="只含该交办文号的线索")
    p.set_defaults(func=cmd_clues_handed_report)
    p = csub.add_parser("precision", help="各模型的核实、排除情况与排除理由")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_clues_precision)
