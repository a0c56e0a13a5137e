"""Work around a refcount bug of PySide6 6.12 wheels on CPython 3.11.

Those wheels return ``None`` from void or null-returning Qt calls without
taking a reference (they assume CPython 3.12's immortal ``None``). On 3.11
every such call (``setPos``, ``setPen``, ``parent()`` of a top-level...)
steals one reference, and after a few thousand calls the interpreter aborts
with "none_dealloc: deallocating None". Giving ``None`` a huge reference count
makes it effectively immortal, as it is on 3.12+.

Call ``protect_none()`` once before using Qt; it is idempotent and a no-op on
interpreters where ``None`` is already immortal.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 48


def protect_none() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    if sys.getrefcount(None) >= _BOOST // 2:
        return
    ctypes.c_ssize_t.from_address(id(None)).value += _BOOST


protect_none()
