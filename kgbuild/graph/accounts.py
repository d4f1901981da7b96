"""The embedded server's accounts, written into its own configuration before it starts.

Two users: `root`, the administrator kgbuild writes with, and `reader`, whose group may read
records and nothing else — no creating, changing or deleting records, no schema, no security (so
no `LOAD CSV` from files either).  Read-only commands (`kgbuild query` without `--write`, reports,
views, exports) log in as `reader`, so the database itself refuses any write they attempt, however
it is phrased.

The users are stored as the server stores them (`server-users.jsonl`, a PBKDF2 hash per user)
and the groups in `server-groups.json`.  Writing them before the first start means no password
ever reaches Java: not on a command line, not in a system property, not in the JVM's performance
data file.  A root user already there is kept (the server keeps the password it was first started
with); other users and groups a person added are kept too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from pathlib import Path

from ..files import write_private

ROOT = "root"
READER = "reader"
ITERATIONS = 65536
ALGORITHM = "PBKDF2WithHmacSHA256"
ALL_RECORDS = ["createRecord", "readRecord", "updateRecord", "deleteRecord"]
GROUPS = {
    "admin": {
        "resultSetLimit": -1,
        "readTimeout": -1,
        "access": ["updateSecurity", "updateSchema", "updateDatabaseSettings"],
        "types": {"*": {"access": ALL_RECORDS}},
    },
    READER: {"resultSetLimit": -1, "readTimeout": -1, "access": [], "types": {"*": {"access": ["readRecord"]}}},
    "*": {"resultSetLimit": -1, "readTimeout": -1, "access": [], "types": {"*": {"access": []}}},
}


def password_hash(password: str, salt: str | None = None) -> str:
    """A password as the server stores it: PBKDF2-HMAC-SHA256 over the (base64 text of the) salt."""
    salt = salt or base64.b64encode(secrets.token_bytes(32)).decode("ascii")
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("ascii"), ITERATIONS, 32)
    return f"{ALGORITHM}${ITERATIONS}${salt}${base64.b64encode(digest).decode('ascii')}"


def verifies(stored: str, password: str) -> bool:
    try:
        algorithm, iterations, salt, expected = stored.split("$")
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("ascii"), int(iterations), 32)
    except (ValueError, UnicodeEncodeError):
        return False
    return algorithm == ALGORITHM and hmac.compare_digest(base64.b64encode(digest).decode("ascii"), expected)


def ensure(config: Path, root_password: str, reader_password: str) -> None:
    """Users and groups files in the server's `config` folder that hold kgbuild's two accounts."""
    config.mkdir(parents=True, exist_ok=True, mode=0o700)
    users_file = config / "server-users.jsonl"
    users = _users(users_file)
    changed = False
    if ROOT not in users:
        users[ROOT] = {"name": ROOT, "databases": {"*": ["admin"]}, "password": password_hash(root_password)}
        changed = True
    reader = users.get(READER)
    if (
        reader is None
        or not verifies(reader.get("password", ""), reader_password)
        or reader.get("databases") != {"*": [READER]}
    ):
        users[READER] = {"name": READER, "databases": {"*": [READER]}, "password": password_hash(reader_password)}
        changed = True
    if changed:
        write_private(users_file, "".join(json.dumps(u) + "\n" for u in users.values()))
    groups_file = config / "server-groups.json"
    groups = _groups(groups_file)
    defined = groups.setdefault("databases", {}).setdefault("*", {}).setdefault("groups", {})
    if any(defined.get(name) != spec for name, spec in GROUPS.items()):
        defined.update(GROUPS)
        groups.setdefault("version", 2)
        write_private(groups_file, json.dumps(groups, indent=2))


def _users(path: Path) -> dict[str, dict]:
    users: dict[str, dict] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return users
    for line in lines:
        try:
            user = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(user, dict) and isinstance(user.get("name"), str):
            users[user["name"]] = user
    return users


def _groups(path: Path) -> dict:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}
