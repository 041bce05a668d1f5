"""``python -m bench_domain_devops._generate`` writes the fixtures."""

from ._build import main

main()
