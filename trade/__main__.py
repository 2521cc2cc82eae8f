"""``python -m ocwatch.trade``: see cli.py."""

import sys

from ocwatch.trade.cli import main

sys.exit(main())
