"""Packaged story files (``*.toml``) and the lexicons only they use; see :mod:`framing.story`.

``default.toml`` is the sample story of the seeds; ``india_us.toml`` is a
worked example for another pair of countries, with its own actors table
(``india_us_actors.tsv``) beside it.
"""
