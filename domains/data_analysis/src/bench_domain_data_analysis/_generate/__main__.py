"""``python -m bench_domain_data_analysis._generate`` writes the fixtures."""

from ._build import main

main()
