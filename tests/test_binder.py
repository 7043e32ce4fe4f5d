"""Binder (repo2docker) builds an image in which every lesson runs.

Two checks, from cheap to expensive:

* ``jupyter-repo2docker --no-build --debug`` renders the Dockerfile Binder would build
  (no Docker needed): it must pin the Python of ``binder/runtime.txt``, copy the whole
  repository *before* installing ``binder/requirements.txt`` (which installs this
  repository, ``-e .[lab]``), and that install must provide every module the lessons
  import.
* ``binder`` marker: the pip commands of that Dockerfile are replayed in a fresh venv
  against a copy of the repository, then every notebook under ``notebooks/`` is executed
  with nbclient in that venv's kernel. This is slow (a full JupyterLab install, about a
  minute with pip's wheel cache); deselect it with ``-m "not binder"``.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"


def _repo_copy(dest: Path) -> Path:
    """Copy what a clone of the repository would contain (tracked + new, not ignored)."""
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout.split("\0")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def _render_dockerfile(repo: Path) -> tuple[str, str]:
    """Run repo2docker without Docker; return (Dockerfile, log)."""
    proc = subprocess.run(
        [sys.executable, "-m", "repo2docker", "--no-build", "--debug",
         # what mybinder.org uses: an unprivileged jovyan with uid 1000
         "--user-id", "1000", "--user-name", "jovyan", str(repo)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, Path]:
    repo = _repo_copy(tmp_path_factory.mktemp("binder-repo"))
    dockerfile, log = _render_dockerfile(repo)
    return dockerfile, log, repo


def _pip_lines(dockerfile: str) -> list[str]:
    return [
        line.removeprefix("RUN ").strip()
        for line in dockerfile.splitlines()
        if line.startswith("RUN ") and "/bin/pip install" in line
    ]


def test_binder_folder_is_complete() -> None:
    names = {p.name for p in BINDER.iterdir()}
    assert {"runtime.txt", "requirements.txt"} <= names
    # With binder/ present repo2docker ignores root files, so the install must be here.
    reqs = [
        line.split("#", 1)[0].strip()
        for line in (BINDER / "requirements.txt").read_text().splitlines()
    ]
    assert "-e .[lab]" in reqs


def test_runtime_pins_python_311(rendered: tuple[str, str, Path]) -> None:
    _, log, _ = rendered
    assert (BINDER / "runtime.txt").read_text().strip() == "python-3.11"
    assert "Building conda environment for python=3.11" in log
    assert "Python version unspecified" not in log


def test_requirements_installed_after_the_repo_is_copied(
    rendered: tuple[str, str, Path],
) -> None:
    dockerfile, _, _ = rendered
    lines = dockerfile.splitlines()
    whole_repo = re.compile(r"COPY .*src/ \$\{REPO_DIR\}/$")
    copy_repo = next(i for i, line in enumerate(lines) if whole_repo.match(line))
    pip = [i for i, line in enumerate(lines) if "/bin/pip install" in line]
    assert pip, "the Dockerfile installs nothing with pip"
    assert all(i > copy_repo for i in pip), "pip runs before the repository is in the image"
    assert _pip_lines(dockerfile) == [
        '${KERNEL_PYTHON_PREFIX}/bin/pip install --no-cache-dir -r "binder/requirements.txt"'
    ]
    # the repository is owned by the user who runs pip, so `-e .` can write its metadata
    assert "COPY --chown=1000:1000 src/ ${REPO_DIR}/" in lines


def _closure(requirements: list[str]) -> set[str]:
    """Distribution names reachable from ``requirements`` in this environment."""
    seen: set[str] = set()
    todo = [Requirement(r) for r in requirements]
    while todo:
        req = todo.pop()
        name = req.name.lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        for sub in metadata.requires(req.name) or []:
            sub_req = Requirement(sub)
            if sub_req.marker is None or sub_req.marker.evaluate({"extra": ""}):
                todo.append(sub_req)
    return seen


def _notebook_imports() -> set[str]:
    mods: set[str] = set()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] != "code":
                continue
            src = "".join(cell["source"])
            src = "\n".join(
                "" if line.lstrip().startswith(("%", "!")) else line
                for line in src.splitlines()
            )
            for node in ast.walk(ast.parse(src)):
                if isinstance(node, ast.Import):
                    mods |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    mods.add(node.module.split(".")[0])
    return mods


def test_binder_install_provides_every_lesson_import() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["lab"]
    dists = _closure(wanted)
    assert {"numpy", "matplotlib", "ipywidgets", "anywidget", "jupyterlab", "notebook"} <= dists
    provided = metadata.packages_distributions()
    imports = _notebook_imports() | {"numpy", "ipywidgets", "anywidget"}
    missing = {}
    for mod in sorted(imports - set(sys.stdlib_module_names) - {"lessons_lib"}):
        owners = {d.lower().replace("_", "-") for d in provided.get(mod, [])}
        if not owners & dists:
            missing[mod] = sorted(owners) or "not installed here"
    assert not missing, f"binder/requirements.txt does not install these lesson imports: {missing}"


RUNNER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient

    spec = KernelSpecManager().get_kernel_spec("python3")
    exe = spec.argv[0]
    ok = exe in ("python", sys.executable) or Path(exe).resolve() == Path(sys.executable).resolve()
    assert ok, "python3 kernel is not this venv: " + exe
    failed = []
    for path in sys.argv[1:]:
        t = time.perf_counter()
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(Path(path).parent)}})
        try:
            client.execute()
            print(f"ok {Path(path).name} {time.perf_counter() - t:.1f}s", flush=True)
        except Exception as exc:  # report every notebook, then fail
            failed.append(Path(path).name)
            print(f"FAILED {Path(path).name}: {exc}", flush=True)
    sys.exit(1 if failed else 0)
    """
)


@pytest.mark.binder
def test_binder_install_runs_every_notebook(
    rendered: tuple[str, str, Path], tmp_path: Path
) -> None:
    dockerfile, _, repo = rendered
    version = (repo / "binder" / "runtime.txt").read_text().strip().removeprefix("python-")
    python = shutil.which(f"python{version}")
    assert python, f"binder/runtime.txt asks for Python {version}; install python{version}"
    venv = tmp_path / "venv"
    t0 = time.perf_counter()
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    # a clean Jupyter data dir, so the python3 kernel is this venv's own
    env |= {"KERNEL_PYTHON_PREFIX": str(venv), "JUPYTER_DATA_DIR": str(tmp_path / "jdata"),
            "JUPYTER_CONFIG_DIR": str(tmp_path / "jconfig"), "PATH": f"{venv}/bin:{env['PATH']}"}
    env.pop("JUPYTER_PATH", None)
    for line in _pip_lines(dockerfile):
        # the same command, but let pip use its cache (Binder's --no-cache-dir only saves
        # image space)
        cmd = line.replace("${KERNEL_PYTHON_PREFIX}", str(venv)).replace(" --no-cache-dir", "")
        pip = subprocess.run(["bash", "-c", cmd], cwd=repo, env=env, capture_output=True,
                             text=True)
        assert pip.returncode == 0, f"{cmd}\n{pip.stdout[-3000:]}\n{pip.stderr[-3000:]}"
    if (repo / "binder" / "postBuild").exists():
        subprocess.run(["bash", "binder/postBuild"], cwd=repo, env=env, check=True)
    t_install = time.perf_counter() - t0

    # every widget renders in JupyterLab: the front-end extensions are installed
    ext = subprocess.run([venv / "bin" / "jupyter", "labextension", "list"], env=env,
                         capture_output=True, text=True, check=True)
    exts = ext.stdout + ext.stderr
    assert "@jupyter-widgets/jupyterlab-manager" in exts and "anywidget" in exts, exts

    # lessons_lib is the copy's, not the dev checkout's
    where = subprocess.run([venv / "bin" / "python", "-c",
                            "import lessons_lib; print(lessons_lib.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(repo), where.stdout

    notebooks = sorted((repo / "notebooks").glob("*.ipynb"))
    assert notebooks
    run = subprocess.run([venv / "bin" / "python", "-c", RUNNER, *map(str, notebooks)],
                         cwd=repo, env=env, capture_output=True, text=True, timeout=1800)
    print(f"binder venv install {t_install:.0f}s; notebooks:\n{run.stdout}")
    assert run.returncode == 0, run.stdout + run.stderr
    ran = [line for line in run.stdout.splitlines() if line.startswith("ok ")]
    assert len(ran) == len(notebooks), run.stdout
