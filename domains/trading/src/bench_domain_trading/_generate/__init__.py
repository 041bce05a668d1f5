"""Generate the trading journal's fixtures, deterministically, into ``data/``.

Run ``uv run python -m bench_domain_trading._generate``; the output is the same byte for byte on
every run, so the committed JSON can be reviewed as a diff. The journal belongs to a small
prop-trading desk: twelve months of trades in US stocks, crypto and FX under six strategies,
the positions still open, the daily equity curve, journal entries and price alerts.

Everything derived (PnL, fees, the equity curve, positions, alert states) is computed here from
the trades and the price paths, so the tests can recompute it and find the same numbers.
"""

from ._build import generate, main, serialize

__all__ = ["generate", "main", "serialize"]
