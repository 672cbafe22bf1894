"""Password hashing with Argon2id and the minimum rules for a new password."""

from __future__ import annotations

import functools

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from core.errors import UserError

MIN_LENGTH = 8


@functools.cache
def _hasher() -> PasswordHasher:
    # argon2-cffi's defaults follow RFC 9106's second recommendation (64 MiB, 3 passes),
    # about 0.1 s on a county office PC: slow for a guesser, unnoticed at login.
    return PasswordHasher(type=Type.ID)


def hash_password(password: str) -> str:
    """Return the Argon2id hash (with its salt and parameters) of ``password``."""
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """Return whether ``password`` matches ``stored_hash``; a damaged hash never matches."""
    try:
        return bool(_hasher().verify(stored_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Return whether the hash was made with weaker parameters than today's."""
    try:
        return bool(_hasher().check_needs_rehash(stored_hash))
    except InvalidHashError:
        return True


_DUMMY: list[str] = []


def burn_time(password: str) -> None:
    """Spend as long as a real check, so a wrong user name answers as slowly as a wrong password."""
    if not _DUMMY:
        _DUMMY.append(hash_password("clueworks-dummy-password"))
    verify_password(_DUMMY[0], password)


def check_new_password(password: str, username: str) -> None:
    """Refuse a new password that is too short, blank-edged or the same as the user name."""
    if len(password) < MIN_LENGTH:
        raise UserError(f"密码太短：至少需要 {MIN_LENGTH} 个字符。")
    if password != password.strip():
        raise UserError("密码的开头和结尾不能是空格。")
    if password.casefold() == username.casefold():
        raise UserError("密码不能与用户名相同。")
    if len(set(password)) < 3:
        raise UserError("密码过于简单：请混用不同的字母、数字或符号。")
