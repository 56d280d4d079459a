"""Benchmarks: a seeded corpus generator and scripts that print throughput and latency figures.

Run each as a module from the repository root, e.g. ``python -m bench.extract_throughput``;
bench/README.md lists the commands and the latest figures.
"""
