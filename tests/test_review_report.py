"""`voicecoach report`: the self-contained HTML page and the Markdown version, as files."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from tests.test_review_support import (  # noqa: F401  (fixtures)
    answer,
    finding,
    make_session,
    recordings,
    run_cli,
)


def test_html_is_self_contained_with_embedded_audio(recordings: Path, run_cli,  # noqa: F811
                                                    tmp_path: Path) -> None:
    folder = make_session(recordings, "20261126-100000")
    page = tmp_path / "out.html"
    code, out, _ = run_cli("report", "latest", "-o", str(page))
    assert code == 0 and f"Wrote {page}" in out
    html = page.read_text()
    # nothing is fetched: no external URLs, scripts or stylesheets, and a CSP forbidding them
    assert not re.search(r"(src|href)=\"(?!data:)", html)
    assert "http://" not in html and "https://" not in html and "<script" not in html
    assert "default-src 'none'" in html
    sources = re.findall(r'<audio[^>]*src="data:audio/wav;base64,([^"]+)"', html)
    assert [base64.b64decode(s) for s in sources] == [
        (folder / "q01-a1.wav").read_bytes(), (folder / "q02-a1.wav").read_bytes()]
    assert html.count('<mark class="flag flag-negativity sev-problem" data-check="negativity" '
                      'title="negativity">hate my old boss</mark>') == 2
    assert 'title="filler words">Um</mark>' in html
    assert "Tip: Talk about what you learned." in html
    assert html.count('<rect class="bar"') == 10  # 5 metrics x 2 answers
    assert 'id="progress"' in html


def test_html_escapes_transcripts_and_reports_missing_audio(recordings: Path,  # noqa: F811
                                                            run_cli, tmp_path: Path) -> None:  # noqa: F811
    text = 'I said <script>alert("x")</script> & um left'
    make_session(recordings, "20261126-100000",
                 [answer(1, text, findings=[finding(text, "um", "filler_words")])],
                 write_audio=False)
    page = tmp_path / "out.html"
    assert run_cli("report", "latest", "-o", str(page), "--no-progress")[0] == 0
    html = page.read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; <mark" in html
    assert "Audio file q01-a1.wav is missing." in html and "<audio" not in html
    assert 'id="progress"' not in html


def test_no_audio_option_keeps_page_small(recordings: Path, run_cli,  # noqa: F811
                                          tmp_path: Path) -> None:
    make_session(recordings, "20261126-100000")
    big, small = tmp_path / "big.html", tmp_path / "small.html"
    run_cli("report", "latest", "-o", str(big))
    run_cli("report", "latest", "-o", str(small), "--no-audio")
    assert "<audio" not in small.read_text()
    assert big.stat().st_size - small.stat().st_size > 25_000  # two WAVs of ~15 KB each


def test_markdown_version(recordings: Path, run_cli, tmp_path: Path) -> None:  # noqa: F811
    make_session(recordings, "20261120-100000")
    make_session(recordings, "20261126-100000", [answer(1), answer(2, skipped=True, audio=None)])
    md = tmp_path / "out.md"
    code, _, _ = run_cli("report", "20261126-100000", "--markdown", "-o", str(md))
    text = md.read_text()
    assert code == 0 and text.startswith("# VoiceCoach session 20261126-100000\n")
    assert ("> **Um** _(filler words)_, I basically **hate my old boss** _(negativity)_, but"
            in text)
    assert "**Tip:** Talk about what you learned." in text
    assert "| pace | 150 wpm |" in text and "_Skipped._" in text
    assert "## Progress across sessions" in text and "| fillers (per 100 words) |" in text
    assert "data:" not in text


def test_report_to_stdout_and_default_name(recordings: Path, run_cli, tmp_path: Path,  # noqa: F811
                                           monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_session(recordings, "20261126-100000")
    code, out, _ = run_cli("report", "latest", "--markdown", "-o", "-")
    assert code == 0 and out.startswith("# VoiceCoach session")
    monkeypatch.chdir(tmp_path)
    assert run_cli("report", "latest")[0] == 0
    assert (tmp_path / "voicecoach-20261126-100000.html").stat().st_size > 1000


def test_unwritable_output_is_one_line(recordings: Path, run_cli, tmp_path: Path) -> None:  # noqa: F811
    make_session(recordings, "20261126-100000")
    code, _, err = run_cli("report", "latest", "-o", str(tmp_path / "no" / "such" / "x.html"))
    assert code == 1 and err.startswith("voicecoach: cannot write") and err.count("\n") == 1


def test_report_refuses_paths_as_ids(recordings: Path, run_cli, tmp_path: Path) -> None:  # noqa: F811
    code, _, err = run_cli("report", "../../etc", "-o", str(tmp_path / "x.html"))
    assert code == 1 and "not a session id" in err and not (tmp_path / "x.html").exists()
