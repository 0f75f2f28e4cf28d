"""The `notify:` command receives the run's words cleaned: a file or partner name from someone
else's export must not carry escape sequences or control codes into a mail or a chat."""

import sys
from pathlib import Path

from pipelines.cli.notify import notify
from pipelines.ops_settings import NotifySettings


def test_the_notify_command_gets_the_text_without_escape_sequences_or_controls(tmp_path: Path) -> None:
    told = tmp_path / "told.txt"
    script = tmp_path / "tell.py"
    script.write_text("import os, sys\n"
                      f"open({str(told)!r}, 'w', encoding='utf-8').write(os.environ['RADAR_SUBJECT'] + '|' + "
                      "sys.stdin.read())\n", encoding="utf-8")
    settings = NotifySettings(command=f"{sys.executable} {script}", on="always")
    text = "quarantine_rate: westbridge_\x1b]0;pwned\x07feed\x1b[31m.csv\x00 bad rows\nsecond line \u202eevil"
    problems = notify(settings, "warning", "radar run: 1 warning\x1b[2J\nfrom Acme\x07", text, tmp_path)
    assert problems == []
    subject, body = told.read_text(encoding="utf-8").split("|", 1)
    assert subject == "radar run: 1 warning from Acme"
    assert body == "quarantine_rate: westbridge_feed.csv bad rows\nsecond line evil"
