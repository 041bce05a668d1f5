"""Bencher's devops domain: a platform team's monitoring and incident system."""
