"""Bencher's data_analysis domain: an HR analytics warehouse."""
