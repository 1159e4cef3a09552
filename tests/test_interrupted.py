"""An interrupted run leaves the previous outputs intact and says so; re-running gives identical bytes."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

import framing.reporting as reporting
from framing.cli import main


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


@pytest.fixture(scope="module")
def previous_report(tmp_path_factory, seeds_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("reports")
    assert main(["report", str(seeds_dir), "--out", str(out), "--format", "html"]) == 0
    return out


def test_keyboard_interrupt_during_report_keeps_previous_report(
    previous_report: Path, seeds_dir: Path, monkeypatch, capsys
):
    before = (previous_report / "report.html").read_bytes()
    monkeypatch.setattr(reporting, "render_html", _interrupt)
    assert main(["report", str(seeds_dir), "--out", str(previous_report), "--format", "html"]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert (previous_report / "report.html").read_bytes() == before
    assert not list(previous_report.glob("*.part")), "no half-written temporary file is left behind"


def test_sigterm_during_report_keeps_previous_report(previous_report: Path, seeds_dir: Path, monkeypatch, capsys):
    before = (previous_report / "report.html").read_bytes()

    def terminate(*args, **kwargs):
        signal.raise_signal(signal.SIGTERM)
        raise AssertionError("SIGTERM did not stop the run")

    monkeypatch.setattr(reporting, "render_html", terminate)
    assert main(["report", str(seeds_dir), "--out", str(previous_report), "--format", "html"]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert (previous_report / "report.html").read_bytes() == before


def test_interrupt_while_writing_leaves_no_partial_file(tmp_path: Path, monkeypatch):
    import framing.atomic as atomic

    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert not list(tmp_path.glob("*.part"))


def test_rerun_gives_identical_bytes(previous_report: Path, seeds_dir: Path):
    before = (previous_report / "report.html").read_bytes()
    assert main(["report", str(seeds_dir), "--out", str(previous_report), "--format", "html"]) == 0
    assert (previous_report / "report.html").read_bytes() == before


def test_interrupted_analyze_keeps_previous_span_table(seeds_dir: Path, tmp_path: Path, monkeypatch, capsys):
    import framing.engines.streaming as streaming

    out = tmp_path / "spans.csv"
    out.write_text("previous\n", encoding="utf-8")
    real = streaming.run_chunks

    def one_chunk_then_interrupt(*args, **kwargs):
        yield next(iter(real(*args, **kwargs)))
        raise KeyboardInterrupt

    monkeypatch.setattr(streaming, "run_chunks", one_chunk_then_interrupt)
    assert main(["analyze", str(seeds_dir), "--out", str(out), "--engine", "serial"]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spans.csv"], "no half-written temporary file"
