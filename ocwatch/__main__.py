import sys

from ocwatch.cli import main

sys.exit(main())
