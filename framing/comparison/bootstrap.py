"""Percentile bootstrap of ratio-of-sums measures, resampling sentences.

Every measure of the comparison is a ratio of two sums over sentences
(hits / words, quoted words / words, sentences with a frame cue / sentences,
summed scores / scored spans). Resampling the sentences of an outlet with
replacement and recomputing the ratio gives a percentile interval. All
measures of one outlet share the same resamples (one matrix product), and the
random generator is seeded from a fixed seed and the group's name, so the same
input always gives the same intervals, whatever the order of outlets. The
pooled "rest" of the corpus is resampled stratified by outlet: its resampled
sums are the sums of the other outlets' own resamples, so each sentence is
resampled once per run, not once per comparison (linear in corpus size).

Example:
    >>> import numpy as np
    >>> num = np.array([[1.0], [0.0], [2.0], [1.0]])
    >>> den = np.array([[10.0], [10.0], [10.0], [10.0]])
    >>> low, high = percentile_interval(*resampled_sums(num, den, rng=generator("x"), reps=200))
    >>> bool(low[0] <= 0.1 <= high[0])
    True
"""

from __future__ import annotations

import zlib

import numpy as np

from framing.blas import one_blas_thread

#: Default number of bootstrap resamples.
DEFAULT_REPS = 1000

#: Default seed (combined with the group name, see :func:`generator`).
DEFAULT_SEED = 20220204

#: Largest resample-weight matrix built at once (cells), to bound memory on big corpora.
_MAX_CELLS = 4_000_000


def generator(name: str, *, seed: int = DEFAULT_SEED) -> np.random.Generator:
    """A numpy Generator seeded from ``seed`` and ``name`` (stable across runs and orderings).

    Example:
        >>> int(generator("dw").integers(100)) == int(generator("dw").integers(100))
        True
    """
    return np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])


def resampled_sums(
    num: np.ndarray, den: np.ndarray, *, rng: np.random.Generator, reps: int = DEFAULT_REPS
) -> tuple[np.ndarray, np.ndarray]:
    """Column sums of ``num`` and ``den`` in each of ``reps`` resamples of the rows (``reps`` rows each).

    The two may have different columns (``den``: the distinct denominators of ``num``'s measures).

    Example:
        >>> s, d = resampled_sums(np.ones((3, 1)), np.ones((3, 1)), rng=generator("x"), reps=4)
        >>> s.shape, float(s.sum())
        ((4, 1), 12.0)
    """
    n, m = num.shape
    num_sums = np.zeros((reps, m))
    den_sums = np.zeros((reps, den.shape[1]))
    if n == 0:
        return num_sums, den_sums
    batch = max(1, min(reps, _MAX_CELLS // n))
    p = np.full(n, 1.0 / n)
    with one_blas_thread():  # resample products of a few hundred rows: a second thread only spins
        for lo in range(0, reps, batch):
            k = min(batch, reps - lo)
            weights = rng.multinomial(n, p, size=k).astype(np.float64)
            num_sums[lo : lo + k] = weights @ num
            den_sums[lo : lo + k] = weights @ den
    return num_sums, den_sums


def percentile_interval(
    num_sums: np.ndarray, den_sums: np.ndarray, *, level: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of the ratio ``num_sums / den_sums`` over resamples (rows), per column.

    NaN where the ratio is undefined in half the resamples or more.
    """
    reps, m = num_sums.shape
    with np.errstate(invalid="ignore", divide="ignore"):
        ratios = np.where(den_sums > 0, num_sums / np.where(den_sums > 0, den_sums, 1.0), np.nan)
    alpha = (1.0 - level) / 2.0
    low = np.full(m, np.nan)
    high = np.full(m, np.nan)
    defined = np.sum(~np.isnan(ratios), axis=0)
    full = defined == reps  # no undefined ratio: the columns' quantiles in one call
    if reps and full.any():
        low[full], high[full] = np.quantile(ratios[:, full], [alpha, 1.0 - alpha], axis=0)
    for j in np.flatnonzero(~full & (defined >= reps / 2)) if reps else ():
        col = ratios[:, j]
        col = col[~np.isnan(col)]
        low[j], high[j] = np.quantile(col, [alpha, 1.0 - alpha])
    return low, high
