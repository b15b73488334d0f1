"""``python -m foithread``: the ``foithread`` command (see :mod:`foithread.cli`)."""

import sys

from foithread.cli import main

if __name__ == "__main__":
    sys.exit(main())
