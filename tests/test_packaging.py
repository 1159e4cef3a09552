"""An installed wheel is self-contained: the seeds, lexicons, models, templates and release validity figures travel.

The wheel is built from the working tree and unpacked into a folder of its own,
which is put first on ``PYTHONPATH`` (ahead of the editable install); then
``framing report`` runs in an empty folder, as a user who ran ``pip install``
would, with no ``seeds/`` and no ``../shared`` around it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(ROOT), "-w", str(out)],
                          capture_output=True, text=True, cwd=out)
    if done.returncode != 0:
        pytest.skip(f"could not build the wheel here (pip needs setuptools from PyPI): {done.stderr[-300:]}")
    return next(out.glob("framing-*.whl"))


def test_wheel_carries_the_seeds_and_the_release_validity_figures(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    seeds = {n for n in names if n.startswith("framing/seeds/")}
    assert "framing/seeds/manifest.csv" in seeds and len(seeds) == len(list((ROOT / "seeds").iterdir()))
    assert "framing/evaluation/validity_release.json" in names


def test_report_in_an_empty_folder_from_the_installed_wheel_writes_the_seed_report(wheel: Path, tmp_path: Path):
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    empty = tmp_path / "empty"
    empty.mkdir()
    env = dict(os.environ, PYTHONPATH=str(site))
    where = subprocess.run([sys.executable, "-c", "import framing; print(framing.__file__)"], capture_output=True,
                           text=True, cwd=empty, env=env, check=True)
    assert where.stdout.strip().startswith(str(site))
    done = subprocess.run([sys.executable, "-m", "framing", "report", "--out", "r", "--format", "html"],
                          capture_output=True, text=True, cwd=empty, env=env)
    assert done.returncode == 0, done.stderr
    html = (empty / "r" / "report.html").read_text(encoding="utf-8")
    assert "South China Morning Post" in html and "Deutsche Welle" in html
