"""The floor: write the same bytes to the same files as a build did, copying its output file by file."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def copy_tree(src: Path, dst: Path) -> tuple[int, int]:
    """Copy every file with plain reads and writes; returns (files, bytes)."""
    files = size = 0
    for folder, _, names in os.walk(src):
        target = dst / Path(folder).relative_to(src)
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            data = (Path(folder) / name).read_bytes()
            (target / name).write_bytes(data)
            files, size = files + 1, size + len(data)
    return files, size


if __name__ == "__main__":
    files, size = copy_tree(Path(sys.argv[1]), Path(sys.argv[2]))
    print(json.dumps({"files": files, "bytes": size}))
