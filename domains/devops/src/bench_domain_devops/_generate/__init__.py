"""Generate the devops domain's fixtures, deterministically, into ``data/``.

Run ``uv run --frozen python -m bench_domain_devops._generate``; the output is the same byte
for byte on every run, so the committed JSON can be reviewed as a diff. The data belongs to the
platform team of Northwind Market, an online marketplace: 21 live services (and one deleted) in
dev, staging and prod, 90 days of deployments and incidents, 30 days of hourly metrics, the
alerts, the on-call rota in Berlin time, the change freezes and the logs.

The stories the tasks rely on are planted in ``_stories.py`` (and the alerts' and logs'
modules); ``stories.json`` names their records.
"""

from ._build import generate, main, serialize

__all__ = ["generate", "main", "serialize"]
