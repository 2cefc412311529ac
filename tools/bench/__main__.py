"""`python -m tools.bench [checkin|fanout|...]`: the same as `smallsteps bench`, from a clone."""

from __future__ import annotations

import sys

from bot.__main__ import main

if __name__ == "__main__":
    main(["bench", *sys.argv[1:]])
