"""BLAS on one thread, for the small and medium matrix products of the comparison.

The products here (bootstrap resamples, blocks of text similarities) are a few hundred
rows at a time: a second BLAS thread saves little time and, spinning while it waits for a
busy core, costs more CPU than the product itself. Without ``threadpoolctl`` (installed with
scikit-learn) it is a no-op.

Example:
    >>> import numpy as np
    >>> with one_blas_thread():
    ...     float((np.ones((2, 3)) @ np.ones(3))[0])
    3.0
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from typing import Any


def one_blas_thread() -> AbstractContextManager[Any]:
    """A context in which BLAS runs on one thread (a no-op without ``threadpoolctl``)."""
    controller = _blas_controller()
    return nullcontext() if controller is None else controller.limit(limits=1, user_api="blas")


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController()


__all__ = ["one_blas_thread"]
