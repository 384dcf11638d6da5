"""Account passwords: the system keyring where one works, else a file only the user can read.

The `keyring` library picks the desktop's store (Secret Service, KWallet, macOS Keychain,
Windows Credential Locker). With none usable (a headless machine) it falls back to its `fail`
or `null` backend: then the password goes to `secrets.json` in the data folder, mode 0600.
`READER_SECRETS=file` forces the file (tests, or users who prefer it).

A password is keyed by the data folder and the account's kind, URL and user, so two data
folders never share or delete each other's entries.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.core.errors import ReaderError

SERVICE = "reader-desktop"
FILE_NAME = "secrets.json"
KEYRING, FILE = "keyring", "file"


def _keyring() -> object | None:
    """The keyring backend if it can store passwords, else None."""
    if os.environ.get("READER_SECRETS") == FILE:
        return None
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration must not stop Reader
        return None
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return None
    return backend


def where() -> str:
    """Where a new password would be stored: "keyring" or "file"."""
    return KEYRING if _keyring() is not None else FILE


def describe(store: str, data_dir: Path) -> str:
    if store == KEYRING:
        return "the system keyring"
    return f"{Path(data_dir) / FILE_NAME} (readable only by you)"


def _key(data_dir: Path, kind: str, url: str, user: str) -> str:
    return f"{Path(data_dir).resolve()}|{kind}|{url}|{user}"


def store(data_dir: Path, kind: str, url: str, user: str, password: str) -> str:
    """Keep a password; returns where it went ("keyring" or "file")."""
    backend = _keyring()
    if backend is not None:
        try:
            backend.set_password(SERVICE, _key(data_dir, kind, url, user), password)  # type: ignore[attr-defined]
            return KEYRING
        except Exception:  # locked or refused keyring: fall back to the file
            pass
    entries = _read_file(data_dir)
    entries[_key(data_dir, kind, url, user)] = password
    _write_file(data_dir, entries)
    return FILE


def load(data_dir: Path, kind: str, url: str, user: str, where: str) -> str:
    """The stored password.

    Raises:
        ReaderError: it is missing (keyring locked or wiped): re-add the account.
    """
    key = _key(data_dir, kind, url, user)
    password: str | None = None
    if where == KEYRING:
        backend = _keyring()
        if backend is not None:
            try:
                password = backend.get_password(SERVICE, key)  # type: ignore[attr-defined]
            except Exception:
                password = None
    else:
        password = _read_file(data_dir).get(key)
    if password is None:
        raise ReaderError(
            f"The password of {user} at {url} is not in {describe(where, data_dir)}; "
            "remove the account and add it again."
        )
    return password


def delete(data_dir: Path, kind: str, url: str, user: str, where: str) -> None:
    key = _key(data_dir, kind, url, user)
    if where == KEYRING:
        backend = _keyring()
        if backend is not None:
            try:
                backend.delete_password(SERVICE, key)  # type: ignore[attr-defined]
            except Exception:  # already gone
                pass
        return
    entries = _read_file(data_dir)
    if entries.pop(key, None) is not None:
        _write_file(data_dir, entries)


def _read_file(data_dir: Path) -> dict[str, str]:
    path = Path(data_dir) / FILE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ReaderError(f"Cannot read the password file {path}: {exc}.") from None
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_file(data_dir: Path, entries: dict[str, str]) -> None:
    """Write atomically; the file is created 0600, never readable by others even briefly."""
    path = Path(data_dir) / FILE_NAME
    tmp = path.with_name(FILE_NAME + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            os.fchmod(out.fileno(), 0o600)
            json.dump(entries, out)
        os.replace(tmp, path)
    except OSError as exc:
        raise ReaderError(f"Cannot write the password file {path}: {exc.strerror}.") from None
