"""Which keyring backend a bundled AfterDesk uses, chosen by platform, not discovered.

keyring finds its backends through installed packages' entry points; a frozen bundle has no
installed packages, so left alone it may find none at all, or a different one on each PC.
The bundle therefore names one per platform:

- Windows: the Credential Manager (WinVaultKeyring);
- macOS: the Keychain;
- Linux: the Secret Service (GNOME Keyring, KWallet 5.97+, KeePassXC) when one answers on
  D-Bus. When none runs (a bare desktop, a terminal session) we do NOT fall back to a file:
  keyrings.alt's "encrypted" file keeps its key beside it and its plain file is plain text,
  which app/credentials.py refuses for a database password. The fail backend makes
  keyring_problem() name the reason, and the app asks for the password once per session
  and says why (its behaviour on any PC without a keyring).

``PYTHON_KEYRING_BACKEND`` still wins when set (keyring's own switch: tests, a special PC).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

WINDOWS = "keyring.backends.Windows.WinVaultKeyring"
MACOS = "keyring.backends.macOS.Keyring"
SECRET_SERVICE = "keyring.backends.SecretService.Keyring"
NONE = "keyring.backends.fail.Keyring"
ENV_BACKEND = "PYTHON_KEYRING_BACKEND"


@dataclass(frozen=True)
class Choice:
    backend: str  # dotted name of the keyring backend class
    note: str = ""  # why this one, when it is not the platform's own keyring


def for_platform(platform: str, secret_service: str | None = None) -> Choice:
    """The backend for ``platform`` (``sys.platform``'s value). ``secret_service`` is None when
    a Secret Service answers on D-Bus, else why not (only asked on Linux and the BSDs)."""
    if platform == "win32":
        return Choice(WINDOWS)
    if platform == "darwin":
        return Choice(MACOS)
    if secret_service is None:
        return Choice(SECRET_SERVICE)
    return Choice(
        NONE,
        f"no Secret Service is running ({secret_service}); "
        "passwords are asked once per session instead",
    )


def secret_service_problem() -> str | None:
    """None when a Secret Service answers on the session's D-Bus; else why not."""
    try:
        from keyring.backends import SecretService

        SecretService.Keyring.priority  # noqa: B018 - the property checks D-Bus and raises
    except Exception as exc:  # no D-Bus session, no daemon, secretstorage missing: all "no"
        return str(exc) or type(exc).__name__
    return None


def choose(platform: str | None = None, environ: dict[str, str] | None = None) -> Choice:
    environ = dict(os.environ) if environ is None else environ
    if environ.get(ENV_BACKEND):
        return Choice(environ[ENV_BACKEND], f"set by {ENV_BACKEND}")
    platform = sys.platform if platform is None else platform
    if platform in ("win32", "darwin"):
        return for_platform(platform)
    return for_platform(platform, secret_service_problem())


def configure(platform: str | None = None) -> Choice:
    """Install the chosen backend as keyring's default (the bundle calls this at start)."""
    import keyring
    from keyring.core import load_keyring

    choice = choose(platform)
    try:
        backend = load_keyring(choice.backend)
    except Exception as exc:  # e.g. PYTHON_KEYRING_BACKEND names one the bundle lacks
        choice = Choice(NONE, f"{choice.backend} cannot be loaded ({exc})")
        backend = load_keyring(NONE)
    keyring.set_keyring(backend)
    return choice


def in_use() -> str:
    """The dotted name of the backend keyring uses now (the self-test reports it)."""
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"
