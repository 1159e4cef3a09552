"""Corpus input: loading, decoding, cleaning, segmentation, language."""
