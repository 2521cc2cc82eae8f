"""The processes the stages start, one module each: argv and settings in, a room's function called.

They are edges like the CLI: dates are parsed and the environment is read
(through ``ocwatch.settings``) here, once, and the rooms below get values.
"""
