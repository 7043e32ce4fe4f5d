"""Real-browser tests (Chromium + JupyterLab); see conftest.py."""
