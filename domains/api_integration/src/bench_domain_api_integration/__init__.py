"""Bencher's api_integration domain: an API gateway's endpoints, keys and logs."""
