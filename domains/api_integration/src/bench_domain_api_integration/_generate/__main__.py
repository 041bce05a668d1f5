"""``python -m bench_domain_api_integration._generate`` writes the fixtures."""

from ._build import main

main()
