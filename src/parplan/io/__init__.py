"""Files and the parplan document format: load, dump, migrations and the JSON Schema."""

from parplan.io.document import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, dump, dumps, load, load_many, loads
from parplan.io.migrations import FORMAT_VERSION, register_migration

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "FORMAT_VERSION",
    "dump",
    "dumps",
    "load",
    "load_many",
    "loads",
    "register_migration",
]
