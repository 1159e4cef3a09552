"""The whole seed pipeline runs with the network disabled and nltk.download forbidden."""

from __future__ import annotations

import socket
from pathlib import Path

import nltk
import nltk.downloader as nltk_downloader
import pytest


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk_downloader, "download", refuse)
    monkeypatch.setattr(nltk_downloader.Downloader, "download", refuse)


def test_guard_really_blocks_sockets(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        nltk.download("punkt")


def test_seed_pipeline_offline(no_network, seeds_dir: Path, tmp_path: Path):
    from framing.corpus.loading import load_corpus
    from framing.engines.memory import analyze
    from framing.reporting import build_report

    corpus = load_corpus(seeds_dir)
    analysis = analyze(corpus)
    assert len(analysis.articles) == 5
    written = build_report(analysis, out_dir=tmp_path, formats=("html", "pdf"), reps=100)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert [p.name for p in written] == ["report.html", "report.pdf"]
    assert all(name in html for _, name in corpus.outlets)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
