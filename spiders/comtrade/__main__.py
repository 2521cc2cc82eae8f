"""``python -m spiders.comtrade``: see cli.py."""

import sys

from spiders.comtrade.cli import main

sys.exit(main())
