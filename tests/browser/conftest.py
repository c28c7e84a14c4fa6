"""Fixtures for the browser tests: Debian's Chromium driven by Playwright, JupyterLab and Voila.

Every server runs on a free loopback port with a token, on a temporary copy of the notebooks
whose outputs are cleared (so whatever renders proves that the cells ran), with ``KZRU_CORPUS``
pointing at the absolute ``seeds/`` folder and no network checks (news, update checks, extension
manager, language servers).  No test tool downloads a browser: Chromium comes from Debian
(``make chromium``).  ``KZRU_SKIP_BROWSER=1`` skips these tests; without Chromium they fail
with a message that says how to install it.

Screenshots (one per notebook and app) and server logs go to ``test-artifacts/`` (git-ignored).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from notebook_checks import REPO, SEEDS, SEMINAR, VIEWPORT, browser_notebooks, clear_outputs, voila_notebook

ARTIFACTS = REPO / "test-artifacts"

CHROMIUM = os.environ.get("KZRU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = (
    f"Chromium is not installed at {CHROMIUM}. The browser tests use Debian's Chromium, never a "
    "downloaded one: install it with `sudo apt-get install chromium` (or `make chromium` as root), "
    "point KZRU_CHROMIUM at another Chromium binary, or opt out with KZRU_SKIP_BROWSER=1."
)
SERVER_START_TIMEOUT = 90  # seconds; a cold JupyterLab on a 2-core CI machine needs ~10


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A Jupyter server started for the tests: base ``url`` (with trailing slash) and ``token``."""

    name: str
    url: str
    token: str
    root: Path
    log: Path
    process: subprocess.Popen

    def page_url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.url}{path}{sep}token={self.token}"

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""


def _wait_until_up(process: subprocess.Popen, url: str, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}; log {log}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"server did not answer {url} within {timeout}s; log {log}:\n{log.read_text()[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    """Stop a server we started (its own session): politely, then its whole process group."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def _serve(name: str, cmd: list[str], *, cwd: Path, env: dict[str, str], log: Path, port: int, token: str,
           probe: str) -> Iterator[Server]:
    """Start a server, wait until ``probe`` (a path under its URL) answers, yield it, stop it."""
    with open(log, "w") as out:
        process = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(process, f"{url}{probe}", log, SERVER_START_TIMEOUT)
        yield Server(name, url, token, cwd, log, process)
    finally:
        _stop(process)


def _server_env(home: Path, corpus: Path = SEEDS) -> dict[str, str]:
    """Environment for a server and its kernels: isolated Jupyter dirs, ``corpus`` (the seeds) as corpus."""
    env = dict(os.environ)
    for key in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR"):
        env.pop(key, None)
    config = home / "config"
    settings = home / "lab-settings"
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    # Attach every cell to the DOM, so what the tests look for is there to be found.
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"})
    )
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    config.mkdir()
    # No language servers: nothing to gain in a test, and it scans the machine at start-up.
    (config / "jupyter_server_config.json").write_text(
        json.dumps({"ServerApp": {"jpserver_extensions": {"jupyter_lsp": False}}})
    )
    env.update(
        {
            "JUPYTER_CONFIG_DIR": str(config),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
            "JUPYTER_PLATFORM_DIRS": "1",
            "KZRU_CORPUS": str(corpus),
            "PYTHONHASHSEED": "0",
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        }
    )
    # Progress bars stay on: in a browser the notebook-aware bar is part of what users see.
    env.pop("KZRU_QUIET", None)
    return env


def _root_flags() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of the Chromium binary; skips on KZRU_SKIP_BROWSER=1, fails clearly when it is missing."""
    if os.environ.get("KZRU_SKIP_BROWSER", "0") == "1":
        pytest.skip("KZRU_SKIP_BROWSER=1: browser tests skipped by request")
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(INSTALL_HINT, pytrace=False)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))  # type: ignore[attr-defined]
    yield page
    context.close()


@pytest.fixture(scope="session")
def clean_notebooks(tmp_path_factory) -> Path:
    """A folder with output-free copies of the notebooks the tests open."""
    root = tmp_path_factory.mktemp("notebooks")
    for nb in browser_notebooks():
        clear_outputs(nb, root / nb.name)
    return root


@pytest.fixture(scope="session")
def lab(chromium: str, clean_notebooks: Path, tmp_path_factory, artifacts: Path) -> Iterator[Server]:
    """JupyterLab serving the cleared notebooks (token, loopback, no network checks)."""
    yield from _lab(clean_notebooks, tmp_path_factory, artifacts / "jupyterlab.log", SEEDS)


@pytest.fixture(scope="session")
def seminar_corpus(tmp_path_factory) -> Path:
    """The seminar test corpus (none of the seeds' columns), plus an empty file that must be warned about."""
    folder = tmp_path_factory.mktemp("seminar") / "seminar"
    shutil.copytree(SEMINAR, folder)
    (folder / "zz_empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="session")
def seminar_notebooks(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("seminar-notebooks")
    for nb in browser_notebooks():
        clear_outputs(nb, root / nb.name)
    return root


@pytest.fixture(scope="session")
def lab_seminar(chromium: str, seminar_notebooks: Path, seminar_corpus: Path, tmp_path_factory,
                artifacts: Path) -> Iterator[Server]:
    """JupyterLab whose kernels read the seminar corpus (KZRU_CORPUS)."""
    yield from _lab(seminar_notebooks, tmp_path_factory, artifacts / "jupyterlab-seminar.log", seminar_corpus)


def _lab(root: Path, tmp_path_factory, log: Path, corpus: Path) -> Iterator[Server]:
    clean_notebooks = root
    home = tmp_path_factory.mktemp("lab-home")
    env = _server_env(home, corpus)
    port, token = free_port(), "kzru-" + os.urandom(8).hex()
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={clean_notebooks}",
        "--ServerApp.terminals_enabled=False",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.extension_manager=readonly",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
        *_root_flags(),
    ]  # fmt: skip
    yield from _serve("lab", cmd, cwd=clean_notebooks, env=env, log=log, port=port, token=token,
                      probe=f"api/status?token={token}")


@pytest.fixture(scope="session")
def voila(chromium: str, tmp_path_factory, artifacts: Path) -> Iterator[Server]:
    """Voila serving one cleared notebook as an app (the same way ``make app`` does)."""
    yield from _voila(tmp_path_factory, artifacts / "voila.log", SEEDS)


@pytest.fixture(scope="session")
def voila_seminar(chromium: str, seminar_corpus: Path, tmp_path_factory, artifacts: Path) -> Iterator[Server]:
    """The Voila app on the seminar corpus."""
    yield from _voila(tmp_path_factory, artifacts / "voila-seminar.log", seminar_corpus)


def _voila(tmp_path_factory, log: Path, corpus: Path) -> Iterator[Server]:
    source = voila_notebook()
    if source is None:
        pytest.fail("no notebook in notebooks/ to serve with Voila", pytrace=False)
    root = tmp_path_factory.mktemp("voila-notebook")
    clear_outputs(source, root / source.name)
    home = tmp_path_factory.mktemp("voila-home")
    env = _server_env(home, corpus)
    port, token = free_port(), "kzru-" + os.urandom(8).hex()
    cmd = [
        sys.executable, "-m", "voila", str(root / source.name),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",
        f"--token={token}",
        "--show_tracebacks=True",
    ]  # fmt: skip
    yield from _serve("voila", cmd, cwd=root, env=env, log=log, port=port, token=token,
                      probe=f"voila/static/voila.js?token={token}")


def pytest_collection_modifyitems(items):
    """Everything under tests/browser is a browser test, whether or not its module says so."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
