"""The lake: every dataset's schema (declared once), its partitions and their atomic writes, where it lives.

The ground floor: it imports nothing else of ocwatch, and every stage writes
or reads its datasets through it.
"""
