"""Reference data: the taxonomy (markets, commodities, activities, actors, places) and trade watch lists.

The CSV files beside this module are reviewed like code; ``REFERENCE_DIR`` is
the one place their location is defined, and ``taxonomy`` the one place they
are parsed.
"""

from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent
