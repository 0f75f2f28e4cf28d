"""`python -m pipelines.cli` is `radar`."""

from pipelines.cli import main

raise SystemExit(main())
