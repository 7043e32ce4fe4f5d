"""Prove the classroom recipe: a real JupyterHub + nbgitpuller link, two students.

What it does, all on 127.0.0.1 with free ports, inside one temporary directory:

1. snapshots this repository (tracked + new, not ignored files) into a bare git repo
   ``<tmp>/dot-products-to-attention.git`` with a ``main`` branch: the stand-in for the
   public GitHub repository the teacher's link points at (nbgitpuller runs git itself);
2. starts ``jupyterhub`` (DummyAuthenticator: ANY password logs in as anyone, which is
   acceptable only for this local proof, bound to 127.0.0.1: never use it on a hub others
   can reach; SimpleLocalProcessSpawner:
   each student's server is a local process with home ``<tmp>/home/<name>``) behind
   ``configurable-http-proxy`` (from ``PATH``, or installed once with npm into
   ``~/.cache/lessons_lib/chp``);
3. for each of two students, in headless Chromium (Playwright): opens the nbgitpuller link
   ``/hub/user-redirect/git-pull?repo=…&branch=main&urlpath=lab/tree/…/00_start_here.ipynb``,
   logs in on the hub's login page, waits while the hub starts the student's server and
   nbgitpuller clones the repository, until JupyterLab shows lesson 00; saves a screenshot;
4. checks each student has their own clone (``<home>/dot-products-to-attention``), then
   starts a kernel in each student's server (Jupyter REST API + kernel websocket, with a
   hub API token) in that student's ``notebooks/`` folder and runs
   ``import lessons_lib; print(lessons_lib.dot([1, 2, 3], [4, 5, 6]))`` → ``32``;
5. alice edits one lesson, deletes another and follows the link again: nbgitpuller keeps
   her edit and restores the deleted file (what docs/teaching.md tells teachers);
6. stops the servers, the hub and the proxy, and prints the timings.

The students' servers and kernels run in THIS Python environment, so ``lessons_lib`` must
be installed in it (``pip install -e .``); on a real hub it is installed in the image (see
docs/classroom.md).

Usage::

    python -m tools.hub_demo                    # exits 0 when everything worked
    python -m tools.hub_demo --screenshots DIR  # keep the screenshots in DIR
    python -m tools.hub_demo --keep             # leave the temp dir for inspection

Needs: jupyterhub, nbgitpuller, playwright (Python), git, Node.js/npm (for the proxy),
Chromium at /usr/bin/chromium (env ``LESSONS_CHROMIUM`` to change).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

from tools import classroom_ref
from tools._paths import ROOT

REPO_NAME = classroom_ref.TARGET
LESSON = classroom_ref.LESSON
BRANCH = "main"  # the snapshot's one branch, standing in for the class's branch
STUDENTS = ("alice", "bob")
CHROMIUM = os.environ.get("LESSONS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
CODE = "import lessons_lib; print(lessons_lib.dot([1, 2, 3], [4, 5, 6]))"


def _require(condition: object, message: str) -> None:
    """A check of the recipe that must hold; a RuntimeError (not an assert) otherwise."""
    if not condition:
        raise RuntimeError(f"classroom recipe check failed: {message}")


def log(msg: str) -> None:
    print(f"[hub-demo] {msg}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proxy_command() -> str:
    """configurable-http-proxy from PATH, else installed once with npm into a cache."""
    found = shutil.which("configurable-http-proxy")
    if found:
        return found
    prefix = Path.home() / ".cache" / "lessons_lib" / "chp"
    exe = prefix / "node_modules" / ".bin" / "configurable-http-proxy"
    if not exe.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("configurable-http-proxy not found and npm missing: install Node.js")
        prefix.mkdir(parents=True, exist_ok=True)
        log(f"installing configurable-http-proxy into {prefix}")
        subprocess.run([npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund",
                        "configurable-http-proxy@5"], check=True, capture_output=True)
    return str(exe)


def snapshot_repo(tmp: Path) -> Path:
    """A bare repo with branch main holding what a clone of this repository holds."""
    work = tmp / "snapshot"
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, work / name)
    git = ["git", "-c", "user.name=hub demo", "-c", "user.email=demo@example.invalid"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=work, check=True)
    subprocess.run([*git, "add", "-A"], cwd=work, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "snapshot"], cwd=work, check=True)
    bare = tmp / f"{REPO_NAME}.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True)
    return bare


def pull_link(hub_url: str, repo_url: str) -> str:
    """The link a teacher hands out (docs/classroom.md; tools/classroom_ref.py)."""
    return classroom_ref.pull_link(hub_url, repo_url, BRANCH, LESSON)


HUB_CONFIG = """
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.auth_token = {proxy_token!r}
c.JupyterHub.db_url = "sqlite:///{tmp}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{tmp}/cookie_secret"
c.JupyterHub.pid_file = "{tmp}/jupyterhub.pid"
# DummyAuthenticator lets ANYONE log in as any user with any password: it is only for
# this local proof on 127.0.0.1. A real class uses the school's login (OAuth, LDAP, ...).
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.Spawner.ip = "127.0.0.1"  # the students' servers too: nothing listens beyond this machine
c.SimpleLocalProcessSpawner.home_dir_template = "{tmp}/home/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.args = ["--LabApp.news_url=None", "--LabApp.check_for_updates_class="
                  "jupyterlab.NeverCheckForUpdate"{allow_root}]
c.Spawner.environment = {{"JUPYTER_PREFER_ENV_PATH": "1"}}
c.JupyterHub.services = [{{"name": "hub-demo", "api_token": {api_token!r}}}]
c.JupyterHub.load_roles = [{{
    "name": "hub-demo",
    "scopes": ["admin:users", "admin:servers", "access:servers"],
    "services": ["hub-demo"],
}}]
"""


@contextlib.contextmanager
def running_hub(tmp: Path) -> Iterator[tuple[str, str]]:
    """Start jupyterhub; yield (public URL, service API token); stop it and its children."""
    port, api_token = free_port(), secrets.token_hex(16)
    config = tmp / "jupyterhub_config.py"
    config.write_text(HUB_CONFIG.format(
        port=port, hub_port=free_port(), proxy_api_port=free_port(), proxy=proxy_command(),
        proxy_token=secrets.token_hex(16), tmp=tmp, api_token=api_token,
        singleuser=str(Path(sys.executable).parent / "jupyterhub-singleuser"),
        # containers and CI often run as root; Jupyter refuses that unless told
        allow_root=', "--allow-root"' if os.geteuid() == 0 else "",
    ))
    logfile = (tmp / "jupyterhub.log").open("w")
    hub = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(config)],
        cwd=tmp, stdout=logfile, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if hub.poll() is not None:
                raise SystemExit(f"jupyterhub exited; see {tmp / 'jupyterhub.log'}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{url}/hub/api", timeout=2) as r:
                    if r.status == 200:
                        break
            if time.monotonic() > deadline:
                raise SystemExit(f"jupyterhub did not answer; see {tmp / 'jupyterhub.log'}")
            time.sleep(0.5)
        yield url, api_token
    finally:
        for name in STUDENTS:  # stop the students' servers through the hub first
            with contextlib.suppress(Exception):
                api(url, api_token, f"/hub/api/users/{name}/server", method="DELETE")
        hub.send_signal(signal.SIGTERM)  # the hub stops the proxy it started
        try:
            hub.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(hub.pid, signal.SIGKILL)
            hub.wait()
        logfile.close()


def api(url: str, token: str, path: str, method: str = "GET", body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        url + path, data=data, method=method,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=30) as r:
        raw = r.read()
    return json.loads(raw) if raw else {}


def student_opens_link(browser, link: str, name: str, shots: Path) -> float:
    """Log in and follow the nbgitpuller link until JupyterLab shows lesson 00."""
    t0 = time.perf_counter()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(link)
        page.wait_for_selector("input#username_input", timeout=30_000)
        page.screenshot(path=str(shots / f"hub-login-{name}.png"))
        page.fill("input#username_input", name)
        page.fill("input#password_input", "any-password")
        page.click("#login_submit")
        # hub spawn page → nbgitpuller progress page → JupyterLab with the lesson open
        page.wait_for_url(f"**/user/{name}/lab/tree/**", timeout=180_000)
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=60_000)
        page.wait_for_selector('.jp-NotebookPanel h1:has-text("Start here")', timeout=60_000)
        time.sleep(1.5)  # let the widgets settle for the picture
        page.screenshot(path=str(shots / f"hub-lab-{name}.png"))
    except Exception:
        page.screenshot(path=str(shots / f"hub-failed-{name}.png"))
        log(f"{name}: failed at {page.url}; see {shots / f'hub-failed-{name}.png'}")
        raise
    finally:
        context.close()
    return time.perf_counter() - t0


async def _execute(ws_url: str, token: str, code: str) -> str:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    conn = await websocket_connect(HTTPRequest(
        ws_url, headers={"Authorization": f"token {token}"}, connect_timeout=30
    ))
    msg_id = uuid.uuid4().hex
    conn.write_message(json.dumps({
        "header": {"msg_id": msg_id, "username": "hub-demo", "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": False,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
    }))
    out = []
    while True:
        raw = await conn.read_message()
        if raw is None:
            raise RuntimeError("kernel websocket closed")
        msg = json.loads(raw)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if kind == "stream":
            out.append(msg["content"]["text"])
        elif kind == "error":
            raise RuntimeError("\n".join(msg["content"]["traceback"]))
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            conn.close()
            return "".join(out)


def run_in_kernel(url: str, token: str, name: str, code: str) -> str:
    """Start a kernel session in the student's notebooks/ folder and run ``code``."""
    import asyncio

    base = f"/user/{name}/api"
    session = api(url, token, f"{base}/sessions", method="POST", body={
        "path": f"{REPO_NAME}/{LESSON}", "type": "notebook", "name": "",
        "kernel": {"name": "python3"},
    })
    kernel_id = session["kernel"]["id"]
    ws = f"{url.replace('http', 'ws', 1)}{base}/kernels/{kernel_id}/channels"
    try:
        return asyncio.run(asyncio.wait_for(_execute(ws, token, code), timeout=120))
    finally:
        with contextlib.suppress(Exception):
            api(url, token, f"{base}/sessions/{session['id']}", method="DELETE")


def repull(url: str, token: str, name: str, repo_url: str) -> str:
    """What the link's progress page does: nbgitpuller's event stream, read to the end."""
    query = urllib.parse.urlencode({"repo": repo_url, "branch": BRANCH, "targetpath": REPO_NAME})
    req = urllib.request.Request(f"{url}/user/{name}/git-pull/api?{query}",
                                 headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=120) as r:
        stream = r.read().decode()
    if '"phase": "error"' in stream:
        raise RuntimeError(stream)
    return stream


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--screenshots", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    t_start = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="hub-demo-"))
    shots = args.screenshots or tmp / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    ok = False
    try:
        bare = snapshot_repo(tmp)
        for name in STUDENTS:  # no "get Jupyter news?" toast over the screenshots
            settings = (tmp / "home" / name / ".jupyter" / "lab" / "user-settings"
                        / "@jupyterlab" / "apputils-extension")
            settings.mkdir(parents=True)
            (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
        with running_hub(tmp) as (url, token):
            link = pull_link(url, bare.as_uri())
            log(f"hub up at {url} after {time.perf_counter() - t_start:.1f}s")
            log(f"nbgitpuller link: {link}")
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    for name in STUDENTS:
                        took = student_opens_link(browser, link, name, shots)
                        log(f"{name}: login → server → git pull → lesson 00 open in {took:.1f}s")
                finally:
                    browser.close()
            clones = [tmp / "home" / name / REPO_NAME for name in STUDENTS]
            for clone in clones:
                _require((clone / LESSON).is_file(), f"no {LESSON} in {clone}")
                _require((clone / ".git").is_dir(), f"{clone} is not a git clone")
            _require(clones[0].resolve() != clones[1].resolve(), "both students got one clone")
            _require(not (clones[0] / LESSON).samefile(clones[1] / LESSON),
                     "both students share one lesson file")
            log(f"separate copies: {', '.join(str(c) for c in clones)}")
            for name in STUDENTS:
                out = run_in_kernel(url, token, name,
                                    "import os; print(os.getcwd()); " + CODE)
                cwd, result = out.strip().splitlines()
                _require(Path(cwd) == tmp / "home" / name / REPO_NAME / "notebooks",
                         f"{name}'s kernel runs in {cwd}, not in their notebooks/ folder")
                _require(result == "32", f"{name}'s kernel printed {out!r}, not 32")
                log(f"{name}'s kernel in {cwd}: {CODE!r} → {result}")
            # re-pull (the student clicks the link again): her edits stay, deleted files return
            clone = clones[0]
            edited, deleted = clone / "notebooks" / "01_vectors.ipynb", clone / LESSON
            edited.write_text(edited.read_text().replace("}", "} ", 1))  # a local edit
            mine = edited.read_text()
            deleted.unlink()
            repull(url, token, "alice", bare.as_uri())
            _require(edited.read_text() == mine, "nbgitpuller overwrote a student's edit")
            _require(deleted.is_file(), "nbgitpuller did not restore a deleted lesson")
            log("re-pull: alice's edited notebook kept, her deleted lesson 00 restored")
        ok = True
    finally:
        log(f"total {time.perf_counter() - t_start:.1f}s; screenshots in {shots}")
        if not ok:  # show the hub's last words here: the temp dir holds an admin token
            hub_log = tmp / "jupyterhub.log"
            if hub_log.is_file():
                tail = hub_log.read_text(errors="replace").splitlines()[-40:]
                log("last lines of the hub log:\n" + "\n".join(tail))
        if args.keep:
            log(f"temp dir kept (--keep): {tmp}; it holds the hub's admin token, delete it after")
        else:
            if args.screenshots is None:
                log("(screenshots are deleted with the temp dir; pass --screenshots DIR)")
            shutil.rmtree(tmp, ignore_errors=True)
    log("OK: both students got their own copy and a kernel that imports lessons_lib")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
