"""Roles and the permission table: which role may do what.

The table is policy, not user data: it ships with the program and is the same in every
workspace, so an inspector can read it here. The administrator holds every permission
(a county office often has one person who is both prosecutor and administrator); the
audit log records who did what either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ADMINISTRATOR = "administrator"
PROSECUTOR = "prosecutor"
REVIEWER = "reviewer"
ROLES = (ADMINISTRATOR, PROSECUTOR, REVIEWER)
ROLE_LABELS: Mapping[str, str] = {
    ADMINISTRATOR: "管理员",
    PROSECUTOR: "检察官",
    REVIEWER: "审核人",
}


@dataclass(frozen=True)
class Permission:
    name: str
    label: str
    roles: frozenset[str]


def _p(name: str, label: str, *roles: str) -> Permission:
    return Permission(name, label, frozenset((ADMINISTRATOR, *roles)))


_ALL = (PROSECUTOR, REVIEWER)
PERMISSIONS: Mapping[str, Permission] = {
    p.name: p
    for p in (
        _p("read", "查看案件、线索、文书和统计", *_ALL),
        _p("view_full_text", "打开裁判文书全文", *_ALL),
        _p("annotate", "给线索写批注", *_ALL),
        _p("approve", "审核通过检察建议", REVIEWER),
        _p("import", "导入数据", PROSECUTOR),
        _p("analyse", "分析文书特征、归并当事人", PROSECUTOR),
        _p("run_models", "运行监督模型", PROSECUTOR),
        _p("edit_models", "编辑、复制、导入导出模型", PROSECUTOR),
        _p("work_clues", "改变线索状态、指派、加标签", PROSECUTOR),
        _p("merge_entities", "合并或拆分当事人", PROSECUTOR),
        _p("draft", "起草文书、登记发文", PROSECUTOR),
        _p("export", "导出线索和数据", PROSECUTOR),
        _p("audit_view", "查看审计日志", REVIEWER),
        _p("audit_export", "导出审计日志", REVIEWER),
        _p("templates", "管理文书模板"),
        _p("settings", "修改设置"),
        _p("accounts", "管理账户"),
        _p("backup", "备份工作区"),
        _p("restore", "从备份恢复工作区"),
    )
}


def allowed(role: str, permission: str) -> bool:
    """Return whether ``role`` holds ``permission`` (or is that role); unknown names raise."""
    if permission in ROLES:
        return role in (permission, ADMINISTRATOR)
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission or role: {permission}")
    return role in PERMISSIONS[permission].roles


def role_label(role: str | None) -> str:
    """Return the Chinese name of a role ("开放模式" when there are no accounts)."""
    if role is None:
        return "开放模式"
    return ROLE_LABELS.get(role, role)


def permission_table() -> list[dict[str, object]]:
    """Return the table as rows of permission, label and one flag per role, for display."""
    return [
        {"permission": p.name, "label": p.label, **{r: r in p.roles for r in ROLES}}
        for p in PERMISSIONS.values()
    ]
