"""The ``clueworks`` command line: a thin layer over the core services."""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from core.errors import UserError

Handler = Callable[[argparse.Namespace], int]


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def _workspace(args: argparse.Namespace, create: bool = True) -> Any:
    from core.workspace import open_workspace

    return open_workspace(args.workspace, create=create)


def cmd_init(args: argparse.Namespace) -> int:
    ws = _workspace(args)
    print(f"工作区已就绪：{ws.root}")
    return 0


def _parse_maps(items: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        if "=" not in item:
            raise UserError(f"--map 参数格式应为 字段=表头，收到：{item}")
        key, header = item.split("=", 1)
        out[key.strip()] = header.strip()
    return out


def _print_report(report: Any, again: str | None = None) -> None:
    """Print an import report; ``again`` is the command that imported it (for other sheets)."""
    from core.ingest.lexicon import field_labels

    labels = field_labels()
    if report.already_imported:
        print(
            f"文件“{report.file_name}”已导入过（数据集 {report.dataset_id}），本次未新增任何数据。"
        )
        _print_other_sheets(report, again)
        return
    kind = "案件" if report.kind == "cases" else f"名单（{report.list_type}）"
    print(f"已导入“{report.file_name}”{('工作表 ' + report.sheet) if report.sheet else ''}：{kind}")
    print(
        f"  读取 {report.rows_read} 行，导入 {report.rows_imported} 行，重复 {report.duplicates} 行，"
        f"隔离 {report.quarantined_count} 行，与工作区冲突 {len(report.conflicts)} 行；用时 {report.seconds:.1f} 秒"
    )
    joined = sum(1 for d in report.duplicate_rows if d.get("parties_added"))
    if joined:
        print(f"  其中 {joined} 行与上一行案号相同（一案多行或合并单元格），其当事人已并入该案")
    print("  表头对应：")
    for fld, m in report.mapping.items():
        flag = "（置信度低，请核对）" if m["confidence"] < 0.8 else ""
        print(f"    {labels.get(fld, fld)} ← {m['header']}  {m['confidence']:.2f}{flag}")
    if report.unmapped:
        print("  未对应的列（已原样保留）：" + "、".join(report.unmapped))
    for q in report.quarantined[:20]:
        print(f"  隔离：第 {q['row']} 行，{q['reason']}")
    for c in report.conflicts[:20]:
        print(f"  冲突：第 {c['row']} 行，案号 {c['case_no']}，{c['reason']}")
    _print_other_sheets(report, again)


def _print_other_sheets(report: Any, again: str | None) -> None:
    others = getattr(report, "other_sheets", None) or []
    if not others:
        return
    listed = "、".join(f"“{o['sheet']}”（约 {o['rows']} 行）" for o in others)
    print(f"  注意：文件中另有含数据的工作表（本次处理的是“{report.sheet}”）：{listed}。")
    print("  如需导入，请逐个运行：")
    command = again or f'clueworks import "{report.file_name}"'
    for o in others:
        print(f'    {command} --sheet "{o["sheet"]}"')


def cmd_import(args: argparse.Namespace) -> int:
    from core.ingest.pipeline import import_file
    from core.ingest.plan import ImportOptions

    ws = _workspace(args)
    options = ImportOptions(
        sheet=args.sheet, kind=args.kind, list_type=args.tag, mapping=_parse_maps(args.map or [])
    )
    report = import_file(ws, Path(args.file), options)
    analysis = None
    if not args.no_analyse and not report.already_imported:
        from core.analysis import analyse_workspace

        analysis = analyse_workspace(ws)
    if args.json:
        out = report.to_json()
        if analysis is not None:
            out["analysis"] = {"cases": analysis.cases, "features": analysis.features,
                               "entities": analysis.resolve.entities if analysis.resolve else None}
        _print_json(out)
    else:
        workspace = f' --workspace "{args.workspace}"' if args.workspace else ""
        _print_report(report, f'clueworks{workspace} import "{args.file}"')
        if analysis is not None:
            print(f"  已分析 {analysis.cases} 件案件的文书特征；当事人已重新归并。")
    return 0


def cmd_datasets(args: argparse.Namespace) -> int:
    from core.cases import list_datasets

    items = list_datasets(_workspace(args))
    if args.json:
        _print_json([d.to_json() for d in items])
        return 0
    if not items:
        print("工作区中还没有数据集。用 clueworks import 文件 导入。")
    for d in items:
        kind = "案件" if d.kind == "cases" else f"名单/{d.list_type}"
        print(f"{d.id:>4}  {kind:<28} {d.rows:>8} 行  {d.name} {d.sheet}  {d.imported_at}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from core.demo import demo_workspace_dir, load_demo

    target = args.workspace or str(demo_workspace_dir())
    ws = _workspace(argparse.Namespace(workspace=target))
    reports = load_demo(ws)
    for rep in reports:
        _print_report(rep)
    print(f"示例工作区：{ws.root}")
    if not args.no_gui:
        from core.launch import launch_gui

        return launch_gui(ws.root)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from core.launch import launch_gui, save_screenshots

    ws = _workspace(args)
    if args.screenshots:
        saved = save_screenshots(ws.root, Path(args.screenshots))
        print(f"已保存 {len(saved)} 张截图：{args.screenshots}")
        return 0
    return launch_gui(ws.root)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clueworks", description="检察监督线索工作台")
    parser.add_argument(
        "--workspace", help="工作区文件夹（默认：$CLUEWORKS_WORKSPACE 或用户数据目录）"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")

    sub.add_parser("init", help="创建或升级工作区").set_defaults(func=cmd_init)

    p = sub.add_parser("import", help="导入电子表格（.xlsx .xls .ods .csv）")
    p.add_argument("file")
    p.add_argument("--sheet", help="工作表名（默认取数据最多的工作表）")
    p.add_argument("--kind", choices=["cases", "list"], help="数据类型：案件或名单")
    p.add_argument(
        "--tag",
        help="名单类型：death_registry、pension_payments、drunk_driving_convictions、driver_licences、other",
    )
    p.add_argument(
        "--map", action="append", metavar="字段=表头", help="手工指定表头对应，可多次使用"
    )
    p.add_argument("--no-analyse", action="store_true", help="导入后不立即分析文书特征和归并当事人")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("datasets", help="列出已导入的数据集")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_datasets)

    from core.cli_cases import register as register_cases
    from core.cli_drafting import register as register_drafting
    from core.cli_models import register as register_models

    register_cases(sub)
    register_models(sub)
    register_drafting(sub)

    p = sub.add_parser("demo", help="在示例工作区导入示例数据并打开窗口")
    p.add_argument("--no-gui", action="store_true", help="只导入并打印摘要，不打开窗口")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("gui", help="打开图形界面")
    p.add_argument("--screenshots", metavar="DIR", help="依次打开每个页面并截图保存到 DIR，然后退出")
    p.set_defaults(func=cmd_gui)

    from core.cli_security import register as register_security

    register_security(sub, parser)  # last: puts every command above behind login and roles
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status (0 ok, 2 refused input, 1 internal error)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    if list(sys.argv[1:] if argv is None else argv) == ["--self-test"]:
        from core.selftest import run_self_test

        return run_self_test()
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.func
    try:
        return handler(args)
    except UserError as exc:
        sys.stderr.write(f"错误：{exc.message}\n")
        if exc.details:
            sys.stderr.write(f"{exc.details}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("已取消。\n")
        return 130
    except Exception:
        from core.logs import log_crash

        where = log_crash(traceback.format_exc())
        sys.stderr.write(f"程序内部错误，操作未完成，数据未改动。详细信息已写入：{where}\n")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
