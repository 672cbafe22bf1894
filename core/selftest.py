"""The program's self-test (``clueworks --self-test``): demo data → models → clue → draft.

It runs the whole chain once in a throw-away workspace so that an installed or bundled
copy can prove, on the target PC, that its data files, templates and helper processes
all work. Nothing is written to the user's own workspaces.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from core.errors import UserError

OFFICE = "示例县人民检察院"
OFFICE_ABBR = "示"
TEMPLATE = "社会治理检察建议书"
RECIPIENT = "示例县人力资源和社会保障局"
SUGGESTION = "建立相关数据的定期比对机制，及时发现并纠正问题"


@dataclass(frozen=True)
class SelfTestResult:
    """What the self-test did: files imported, clues found, the clue confirmed, the draft."""

    files: int
    rows: int
    clues: int
    models: int
    confirmed_clue: int
    number: str
    draft_bytes: int
    seconds: float


def _check(ok: bool, message: str) -> None:
    if not ok:
        raise UserError(message)


def exercise(folder: Path) -> SelfTestResult:
    """Run the chain in a new workspace under ``folder``; return what it made (raise on failure)."""
    from core.clues.queries import list_clues
    from core.clues.service import set_status
    from core.demo import load_demo
    from core.drafting.fields import DraftFields
    from core.drafting.service import clue_material, issue_draft
    from core.drafting.templates import find_template
    from core.settings import set_setting
    from core.workspace import open_workspace

    started = time.perf_counter()
    ws = open_workspace(folder / "workspace")
    try:
        reports = load_demo(ws)
        _check(bool(reports), "未找到内置示例数据（resources/samples 缺失）。")
        rows = sum(r.rows_imported for r in reports)
        _check(rows > 0, "示例数据未导入任何行。")
        clues = list_clues(ws)
        _check(bool(clues), "监督模型运行后没有产生任何线索。")
        models = {m for c in clues for m in c.model_ids}
        clue = clues[0]
        set_status(ws, clue.id, "reviewing", "自检")
        _check(set_status(ws, clue.id, "confirmed", "自检确认") == "confirmed", "线索确认失败。")
        set_setting(ws, "procuratorate", OFFICE)
        set_setting(ws, "procuratorate_abbr", OFFICE_ABBR)
        material = clue_material(ws, [clue.id])
        draft = DraftFields(
            procuratorate=OFFICE,
            doc_number="",
            recipient=RECIPIENT,
            date=dt.date.today(),
            procuratorate_abbr=OFFICE_ABBR,
            facts=material.facts,
            legal_basis=material.legal_basis or None,
            suggestions=[SUGGESTION],
            cases=material.cases,
        )
        template = find_template(TEMPLATE, ws.root)
        out = folder / "自检文书.docx"
        issued = issue_draft(ws, template, draft, OFFICE_ABBR, clue_ids=[clue.id], out=out)
        _check(issued.path.is_file(), f"文书文件未生成：{issued.path}")
        head = issued.path.read_bytes()[:2]
        _check(head == b"PK", "生成的文书不是有效的 Word（.docx）文件。")
        _check(issued.clues_marked == 1, "文书制发后线索状态未更新。")
        return SelfTestResult(
            files=len(reports),
            rows=rows,
            clues=len(clues),
            models=len(models),
            confirmed_clue=clue.id,
            number=issued.number,
            draft_bytes=issued.path.stat().st_size,
            seconds=time.perf_counter() - started,
        )
    finally:
        ws.close()


def summary(result: SelfTestResult) -> str:
    """Return the Chinese summary printed after a passing self-test."""
    return (
        f"自检通过：导入示例文件 {result.files} 个、{result.rows} 行；"
        f"{result.models} 个模型产生线索 {result.clues} 条；"
        f"已确认线索 {result.confirmed_clue} 并制发 {result.number}"
        f"（{result.draft_bytes} 字节）；用时 {result.seconds:.1f} 秒。"
    )


def run_self_test(folder: Path | None = None) -> int:
    """Run the self-test in ``folder`` (default: a temporary folder); return 0 if it passed."""
    try:
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            result = exercise(folder)
        else:
            # ignore_cleanup_errors: on Windows an antivirus scan may still hold the .docx
            with tempfile.TemporaryDirectory(
                prefix="clueworks-selftest-", ignore_cleanup_errors=True
            ) as tmp:
                result = exercise(Path(tmp))
    except UserError as exc:
        sys.stderr.write(f"自检失败：{exc.message}\n")
        if exc.details:
            sys.stderr.write(f"{exc.details}\n")
        return 1
    except Exception:
        sys.stderr.write("自检失败：程序内部错误。\n" + traceback.format_exc())
        return 1
    print(summary(result))
    return 0
