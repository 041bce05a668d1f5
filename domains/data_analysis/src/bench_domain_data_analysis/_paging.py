"""Page-number paging, as the API's list endpoints do it."""

from __future__ import annotations

import math
from typing import Any

DEFAULT_PAGE_SIZE = 25


def page_of(rows: list[Any], args: dict[str, Any], key: str) -> dict[str, Any]:
    """One page of ``rows`` under ``key``, with the totals a caller needs to fetch the rest.

    A page past the last one is empty rather than an error, as most APIs answer it.
    """
    page = args.get("page", 1)
    size = args.get("page_size", DEFAULT_PAGE_SIZE)
    pages = max(1, math.ceil(len(rows) / size))
    chunk = rows[(page - 1) * size : page * size]
    return {
        key: chunk,
        "total": len(rows),
        "page": page,
        "page_size": size,
        "total_pages": pages,
        "next_page": page + 1 if page < pages else None,
    }
