"""Per-PC settings: which database, which language. Never a password (see credentials)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_config_path, user_data_path

from app import APP_NAME

ENV_DB = "AFTERDESK_DB"
ENV_CONFIG = "AFTERDESK_CONFIG_DIR"
LANGUAGES = ("system", "zh_CN", "en")


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG)
    return Path(override) if override else user_config_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / "afterdesk.sqlite"


def default_db_url() -> str:
    return f"sqlite:///{default_db_path()}"


@dataclass
class LocalSettings:
    language: str = "system"
    db_url: str = ""  # without a password: that lives in the keyring
    last_user: str = ""
    backup_dir: str = ""  # the SQLite database's daily copies; empty: beside the data

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> LocalSettings:
        try:
            raw = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        settings = cls(**known)
        if settings.language not in LANGUAGES:
            settings.language = "system"
        return settings

    def save(self) -> None:
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)  # atomic: a crash never leaves half a settings file


def resolve_db_url(given: str | None = None) -> str:
    """--db, else $AFTERDESK_DB, else this PC's saved choice, else the local SQLite file."""
    return given or os.environ.get(ENV_DB) or LocalSettings.load().db_url or default_db_url()


def database_chosen(given: str | None = None) -> bool:
    """False only on a PC's very first start: nothing names a database and the built-in
    file is not there yet (the first-start wizard asks then)."""
    if given or os.environ.get(ENV_DB) or LocalSettings.load().db_url:
        return True
    return default_db_path().exists()
