"""Root pytest configuration: notebooks (nbval) and tests run quietly and deterministically."""

import os

os.environ["KZRU_QUIET"] = "1"  # no progress bars in tests or in nbval kernels
os.environ.setdefault("PYTHONHASHSEED", "0")
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
