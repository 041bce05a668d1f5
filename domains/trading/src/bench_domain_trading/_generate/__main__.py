"""``python -m bench_domain_trading._generate`` writes the fixtures."""

from ._build import main

main()
