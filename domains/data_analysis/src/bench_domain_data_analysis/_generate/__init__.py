"""Generate the HR analytics fixtures, deterministically, into ``data/``.

Run ``uv run --frozen python -m bench_domain_data_analysis._generate``; the output is the same
byte for byte on every run, so the committed JSON can be reviewed as a diff. The data belongs
to Fernhill Software, a 300-person company in six offices: its people and their job history,
pay bands, eight quarterly engagement surveys, projects with allocations, and the learning
system's courses and completions. The stories the tasks rely on are planted here and checked
by the tests.
"""

from ._build import generate, main, serialize

__all__ = ["generate", "main", "serialize"]
