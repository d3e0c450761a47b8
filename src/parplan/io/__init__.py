"""Files and the parplan document format: load, dump, migrations, kinds of document and the JSON Schema."""

from parplan.io.document import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    dump,
    dumps,
    from_dict,
    load,
    load_many,
    loads,
    to_dict,
)
from parplan.io.kinds import DocumentKind, kinds
from parplan.io.migrations import FORMAT_VERSION, register_migration

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "FORMAT_VERSION",
    "DocumentKind",
    "dump",
    "dumps",
    "from_dict",
    "kinds",
    "load",
    "load_many",
    "loads",
    "register_migration",
    "to_dict",
]
