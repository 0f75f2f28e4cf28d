"""Tell someone how the night went: sources.yaml `notify:` names a command (run with the message on
standard input and RADAR_* variables) and/or a webhook (a JSON POST). A notifier that fails is
reported on stderr; it never changes the run's exit code. The subject and the text carry file and
partner names from other people's files: they are cleaned of escape sequences and control
characters (reports.safe_text) before any notifier sees them."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

from pipelines.ops_settings import NotifySettings
from reports.safe_text import clean_str, one_line


def notify(settings: NotifySettings, status: str, subject: str, text: str, home: Path,
           log_path: Path | None = None) -> list[str]:
    """Run the command and/or post to the webhook when `status` (success | warning | failure) is
    wanted; returns the problems met (empty when every notifier worked or none was asked)."""
    if not settings.wants(status):
        return []
    problems: list[str] = []
    subject, text = one_line(subject), clean_str(text)
    variables = {"RADAR_STATUS": status, "RADAR_SUBJECT": subject, "RADAR_HOME": str(home),
                 "RADAR_LOG": str(log_path or ""), "RADAR_FAILURE_FILE": str(home / "out" / "last_failure.md")}
    if settings.command:
        try:
            done = subprocess.run(shlex.split(settings.command), input=text, text=True, capture_output=True,
                                  env={**os.environ, **variables}, timeout=settings.timeout_seconds, check=False)
            if done.returncode != 0:
                problems.append(f"notify command exited {done.returncode}: {done.stderr.strip()[:300]}")
        except (OSError, subprocess.TimeoutExpired) as exc:
            problems.append(f"notify command could not run: {exc}")
    if settings.webhook:
        payload = json.dumps({"status": status, "subject": subject, "text": text, "home": str(home),
                              "log": variables["RADAR_LOG"]}).encode()
        request = urllib.request.Request(settings.webhook, data=payload, method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=settings.timeout_seconds) as response:  # noqa: S310 - the URL is the user's
                response.read()
        except (urllib.error.URLError, OSError, ValueError) as exc:
            problems.append(f"notify webhook {settings.webhook} failed: {exc}")
    return problems
