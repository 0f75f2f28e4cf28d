"""`radar run` prints a digest of out/run_summary.md: the headline, by kind, what changed and the missed
renewals' total as plain text; the 200 lines of tables (window, rep, reseller, month, each missed renewal)
stay in the file it names."""

from __future__ import annotations

from reports.run_digest import run_digest
from reports.summary import NOTHING_CHANGED

SUMMARY = f"""# Renewal opportunities as of 2026-11-01

Amounts in USD. **Renewals and win-backs: 263 worth 666,941** (496,266 weighted by win probability).

**2 opportunities in EUR are not added up.**

## Renewals and win-backs by rep

| rep | opportunities | value | weighted value |
| --- | ---: | ---: | ---: |
| Carmen Liu | 54 | 152,337 | 114,294 |

## By kind

| kind | opportunities | value | weighted value |
| --- | ---: | ---: | ---: |
| Renewal | 219 | 566,725 | 436,136 |
| Win-back (lapsed) | 44 | 100,216 | 60,130 |

## Since the last run

{NOTHING_CHANGED}

## Missed renewals (last 365 days)

81 contracts expired without a renewal, worth 187,715 a year.

| ended | contract | customer | value |
| --- | --- | --- | ---: |
| 2026-09-23 | SC-1 | Magnolia \\| Sons | 7,940 |

## Inbox files no longer read

- inbox/x.csv (x): missing
"""


def test_the_digest_keeps_the_headline_and_totals_and_names_the_file_for_the_rest() -> None:
    text = run_digest(SUMMARY, "/home/out/run_summary.md", skip=("Inbox files no longer read",),
                      nothing_new=NOTHING_CHANGED)
    lines = text.splitlines()
    assert lines[0] == "Renewal opportunities as of 2026-11-01"
    assert "Renewals and win-backs: 263 worth 666,941 (496,266" in text and "**" not in text
    assert "2 opportunities in EUR are not added up." in text  # a warning in the lead stays
    assert "Carmen Liu" not in text and "Magnolia" not in text and "inbox/x.csv" not in text
    assert "81 contracts expired without a renewal, worth 187,715 a year." in text
    assert NOTHING_CHANGED not in text  # the caller says which of its two cases holds
    assert lines[-1] == "By window, rep, reseller and month, and every missed renewal: /home/out/run_summary.md"
    kind = lines.index("By kind")
    assert lines[kind + 2].split() == ["kind", "opportunities", "value", "weighted", "value"]
    assert set(lines[kind + 3]) == {"-"}
    header, renewal, winback = lines[kind + 2], lines[kind + 4], lines[kind + 5]
    assert renewal.startswith("Renewal ") and winback.startswith("Win-back (lapsed) ")
    assert len(renewal) == len(winback) == len(header)  # right-aligned numbers end under their header
    assert renewal.endswith("436,136") and winback.endswith(" 60,130")


def test_changes_are_printed_when_there_are_some() -> None:
    changed = SUMMARY.replace(NOTHING_CHANGED, "| change | opportunities | value |\n| --- | ---: | ---: |\n"
                                               "| added | 3 | 1,200 |")
    text = run_digest(changed, "out/run_summary.md", nothing_new=NOTHING_CHANGED)
    assert "Since the last run" in text and text.splitlines()[text.splitlines().index("Since the last run") + 4
                                                               ].split() == ["added", "3", "1,200"]
