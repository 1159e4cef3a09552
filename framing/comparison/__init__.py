"""Comparison across outlets: rates, intervals, caveats and distinctive vocabulary."""
