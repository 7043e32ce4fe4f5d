"""Shared pytest set-up: a deterministic Hypothesis profile for CI."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, max_examples=200, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


_SHOWN = ("numpy", "matplotlib", "ipywidgets", "anywidget", "jupyterlab", "notebook", "nbval",
          "nbclient", "hypothesis", "ruff", "mypy", "playwright", "nbgrader")


def pytest_report_header(config):
    """Name the versions under test, so the lowest- and newest-dependency runs are visible."""
    from importlib import metadata

    found = []
    for name in _SHOWN:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return "dependencies: " + ", ".join(found)
