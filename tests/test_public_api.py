"""The Python API: dateline.process gives the CLI's record and raises typed, coded errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import dateline
from dateline.errors import DatelineError, InputError

TEXT = """Talks in Doha

Taliban negotiators met Afghan government officials in Doha on Sunday, a spokesman said.
"""


def test_process_returns_the_same_record_as_the_cli(tmp_path, validate):
    rec = dateline.process(TEXT, published="2021-01-11", source="test")
    validate(rec.to_dict())
    f = tmp_path / "a.txt"
    f.write_text(TEXT)
    out = subprocess.run([sys.executable, "-m", "dateline.cli.main", "extract", str(f), "--published", "2021-01-11",
                          "--source", "test"], capture_output=True, text=True, check=True).stdout
    cli = json.loads(out)
    cli["article"]["origin"] = None
    assert cli == rec.to_dict()


@pytest.mark.parametrize("text,code", [("", "E101"), ("   \n\t ", "E101")])
def test_process_raises_a_typed_error_with_a_stable_code(text, code):
    with pytest.raises(InputError) as err:
        dateline.process(text)
    assert err.value.code == code and f"[{code}]" in str(err.value)
    assert isinstance(err.value, DatelineError)


def test_process_rejects_a_bad_date():
    with pytest.raises(InputError) as err:
        dateline.process(TEXT, published="11/01/2021")
    assert err.value.code == "E111"
