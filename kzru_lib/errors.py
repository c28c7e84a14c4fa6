"""Errors and warnings raised by kzru.

Every message names the file (and line, where there is one) and the problem, so a researcher
can find and fix the input.
"""

from __future__ import annotations


class KzruError(Exception):
    """A problem with the user's input or options that stops the job (one clear line)."""


class CorpusError(KzruError):
    """A corpus folder or file that cannot be read (missing folder, strict-mode problem...)."""


class MetadataError(CorpusError):
    """A ``metadata.csv`` sidecar with a missing column, an unknown ``doc_id`` or a bad date (strict mode)."""


class LoadWarning(UserWarning):
    """A file that was read with a problem, or could not be read, in the default (non-strict) mode."""
