"""The benchmark's copies of its cached databases (tens of GB at 1M / 10M) are refused
up front, with the sizes named, when the disk cannot hold them."""

from __future__ import annotations

import shutil
from collections import namedtuple

import pytest

from tests.benchmarks import dataset

Usage = namedtuple("Usage", "total used free")


def a_folder(root):
    source = root / "cached"
    (source / "sub").mkdir(parents=True)
    (source / "caseload.db").write_bytes(b"x" * 5000)
    (source / "sub" / "keyslots.json").write_bytes(b"y" * 300)
    return source


def test_a_copy_the_disk_holds_is_made(tmp_path):
    source = a_folder(tmp_path)
    dataset.copy_folder(source, tmp_path / "work" / "data")
    assert (tmp_path / "work" / "data" / "caseload.db").read_bytes() == b"x" * 5000
    assert dataset.folder_bytes(tmp_path / "work" / "data") == 5300


def test_a_copy_too_big_for_the_disk_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    source = a_folder(tmp_path)
    gib = 1 << 30
    monkeypatch.setattr(shutil, "disk_usage", lambda _where: Usage(100 * gib, 99 * gib, gib))
    with pytest.raises(dataset.NoRoom) as refused:
        dataset.copy_folder(source, tmp_path / "work" / "data")
    assert "copying cached needs 0.0 GB (and 1 GB to spare)" in str(refused.value)
    assert "1.1 GB are free" in str(refused.value)
    assert not (tmp_path / "work" / "data").exists()


def test_a_copy_cut_short_leaves_nothing_behind(tmp_path, monkeypatch):
    source = a_folder(tmp_path)

    def full_disk(src, dst, **_kwargs):  # what copy2 calls for each file
        with open(dst, "wb") as out:
            out.write(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full_disk)
    with pytest.raises(OSError):
        dataset.copy_folder(source, tmp_path / "work" / "data")
    assert not (tmp_path / "work" / "data").exists()
