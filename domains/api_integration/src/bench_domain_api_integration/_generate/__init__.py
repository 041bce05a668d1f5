"""Generate the API gateway's fixtures, deterministically, into ``data/``.

Run ``uv run --frozen python -m bench_domain_api_integration._generate``; the output is the
same byte for byte on every run, so the committed JSON can be reviewed as a diff. The gateway
belongs to Relaybox, a shipping API: 42 endpoints, 18 customers with 60 keys, fourteen days
of request logs, daily usage counters since February, 15 webhooks and their deliveries.

Everything derived (which calls were throttled, the usage counters inside the log window,
each key's last use, each delivery's status) is computed here from the drawn events, so the
tests can recompute it and find the same values.
"""

from ._build import generate, main, serialize

__all__ = ["generate", "main", "serialize"]
