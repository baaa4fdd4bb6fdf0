"""dateline bench: measured numbers with the documented keys, on real Reuters-21578 bodies."""

from __future__ import annotations

import json

from shared_data import SHARED, need_shared

KEYS = {"articles", "words", "seconds", "articles_per_s", "words_per_s", "peak_rss_mb",
        "spacy_words_per_s", "ratio_to_spacy"}


def test_bench_json_reports_throughput_against_bare_spacy(capsys):
    corpus = need_shared(SHARED / "data" / "reuters21578")
    from dateline.cli.main import main

    assert main(["bench", "--corpus", str(corpus), "--limit", "12", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert KEYS <= set(out)
    assert out["articles"] == 12 and out["words"] > 12 * 20
    assert out["seconds"] > 0 and out["spacy_seconds"] > 0
    assert abs(out["words_per_s"] - out["words"] / out["seconds"]) < 0.01 * out["words_per_s"] + 0.1
    assert abs(out["ratio_to_spacy"] - out["spacy_seconds"] / out["seconds"]) < 0.01
    assert out["peak_rss_mb"] > 100  # the model alone is bigger than this


def test_bench_reads_any_folder_dateline_reads(tmp_path):
    from dateline.bench import bench

    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"Talks {i}\n\nThe foreign ministers of France and Germany met in "
                                            f"Paris on Tuesday to discuss trade, officials said ({i}).\n")
    out = bench(tmp_path, limit=None)
    assert out["articles"] == 3 and out["rejected"] == 0 and out["words"] > 30
