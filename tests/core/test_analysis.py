"""The analysis after import: features stored with spans, entities stored, overrides kept."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from core.analysis import analyse_workspace
from core.cases import get_case
from core.ingest.pipeline import import_file
from core.parties.service import (
    list_entities,
    merge_entities,
    resolve_entities,
    show_entity,
    split_entity,
)
from core.search import search_parties, search_text
from tests.conftest import write_xlsx

HEADER = ["案号", "案由", "结案方式", "原告", "被告", "裁判文书全文"]
MEDIATED = ("原告王建国与被告李明民间借贷纠纷一案，本院受理后依法适用简易程序进行了审理。"
            "审理过程中，经本院主持调解，双方当事人自愿达成如下协议：被告于2023年6月30日前归还借款5万元。")
NOTICE = ("原告王建国诉被告赵强民间借贷纠纷一案，本院依法向被告公告送达起诉状副本及开庭传票。"
          "被告经本院传票传唤，无正当理由拒不到庭参加诉讼，本院依法缺席审理。")


def rows() -> list[list[str]]:
    return [
        ["（2023）浙0782民初1号", "民间借贷纠纷", "调解", "王建国", "李明", MEDIATED],
        ["（2023）浙0782民初2号", "民间借贷纠纷", "判决", "王　建国", "赵强", NOTICE],
        ["（2023）浙0782民初3号", "金融借款合同纠纷", "判决", "浙江义乌农村商业银行股份有限公司", "王芳", "略"],
        ["（2023）浙0782民初4号", "金融借款合同纠纷", "判决", "浙江义乌农村商业银行有限责任公司", "钱多", "略"],
    ]


def test_features_stored_with_spans_and_columns_win(tmp_path: Path, workspace) -> None:
    import_file(workspace, write_xlsx(tmp_path / "a.xlsx", HEADER, rows()))
    summary = analyse_workspace(workspace)
    assert summary.cases == 4
    case = get_case(workspace, "（2023）浙0782民初1号")
    assert case["flags"]["mediation"]
    spans = [f for f in case["features"] if f["name"] == "mediation" and f["start"] >= 0]
    assert spans and "调解" in case["full_text"][spans[0]["start"] : spans[0]["end"]]
    second = get_case(workspace, "（2023）浙0782民初2号")
    assert second["flags"]["notice_service"] and second["flags"]["default_judgment"]
    assert second["flags"]["defendant_appeared"] is False
    again = analyse_workspace(workspace)  # nothing stale: nothing recomputed
    assert again.cases == 0


def test_entities_merge_variants_and_mark_banks(tmp_path: Path, workspace) -> None:
    import_file(workspace, write_xlsx(tmp_path / "a.xlsx", HEADER, rows()))
    analyse_workspace(workspace)
    ents = {e["display_name"]: e for e in list_entities(workspace)}
    assert ents["王建国"]["case_count"] == 2  # 王　建国 and 王建国 as plaintiffs
    banks = [e for e in ents.values() if e["is_financial"]]
    assert len(banks) == 1 and banks[0]["case_count"] == 2
    detail = show_entity(workspace, ents["王建国"]["id"])
    assert {m["case_no"] for m in detail["mentions"]} == {"（2023）浙0782民初1号", "（2023）浙0782民初2号"}


def test_split_and_merge_survive_reimport_and_reresolution(tmp_path: Path, workspace) -> None:
    import_file(workspace, write_xlsx(tmp_path / "a.xlsx", HEADER, rows()))
    analyse_workspace(workspace)
    wang = next(e for e in list_entities(workspace) if e["display_name"] == "王建国")
    parties = [m["party_id"] for m in show_entity(workspace, wang["id"])["mentions"]]
    split_entity(workspace, wang["id"], parties[1:], note="经核实为同名不同人")
    li = next(e for e in list_entities(workspace) if e["display_name"] == "李明")
    zhao = next(e for e in list_entities(workspace) if e["display_name"] == "赵强")
    merge_entities(workspace, [li["id"], zhao["id"]], note="同一人曾用名")
    more = [["（2023）浙0782民初9号", "民间借贷纠纷", "判决", "王建国", "孙丽", "略"]]
    import_file(workspace, write_xlsx(tmp_path / "b.xlsx", HEADER, more))
    analyse_workspace(workspace)
    resolve_entities(workspace)
    with workspace.read() as conn:
        owners = conn.execute(text(
            "SELECT c.case_no, pe.entity_id FROM party_entities pe JOIN case_parties cp ON cp.party_id = pe.party_id "
            "JOIN cases c ON c.id = cp.case_id JOIN parties p ON p.id = pe.party_id "
            "WHERE p.name IN ('王建国', '李明', '赵强') ORDER BY c.case_no")).all()
    by_case = dict(owners)
    assert by_case["（2023）浙0782民初1号"] != by_case["（2023）浙0782民初2号"]  # split kept
    li_ent = {e for c, e in owners if c == "（2023）浙0782民初1号"}
    assert len(li_ent) >= 1
    li_zhao = next(e for e in list_entities(workspace) if "李明" in e["names"])
    assert "赵强" in li_zhao["names"]  # merge kept


def test_search_by_party_and_text(tmp_path: Path, workspace) -> None:
    import_file(workspace, write_xlsx(tmp_path / "a.xlsx", HEADER, rows()))
    hits = search_parties(workspace, "王建")
    assert {h.case_no for h in hits} == {"（2023）浙0782民初1号", "（2023）浙0782民初2号"}
    streamed = []
    found = search_text(workspace, "公告送达", on_hit=streamed.append)
    assert [h.case_no for h in found] == ["（2023）浙0782民初2号"] and streamed == found
    case = get_case(workspace, found[0].case_no)
    assert case["full_text"][found[0].start : found[0].start + 4] == "公告送达"
    assert search_text(workspace, "借条") == []


def test_worker_processes_reading_texts_themselves_give_the_same_features(
    tmp_path: Path, monkeypatch
) -> None:
    from core import analysis
    from core.workspace import open_workspace

    many = [[f"（2023）浙0782民初{i}号", *r[1:]] for i in range(1, 2_501) for r in [rows()[i % 2]]]
    path = write_xlsx(tmp_path / "a.xlsx", HEADER, many)
    dumps = []
    for pool_from in (10**9, 1):  # first in this process, then in two worker processes
        monkeypatch.setattr(analysis, "POOL_MIN_CASES", pool_from)
        ws = open_workspace(tmp_path / f"ws{pool_from}")
        import_file(ws, path)
        assert analyse_workspace(ws).cases == 2_500
        with ws.read() as conn:
            dumps.append((
                conn.execute(text("SELECT * FROM case_flags ORDER BY case_id")).all(),
                conn.execute(text("SELECT case_id, name, value, start, \"end\" FROM case_features "
                                  "ORDER BY case_id, name, start")).all(),
            ))
        ws.close()
    assert dumps[0] == dumps[1] and len(dumps[0][1]) > 2_500
