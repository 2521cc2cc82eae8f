"""ocwatch: the front door. The `ocwatch` command, the stage functions for a date, and settings."""

__version__ = "0.1.0"
