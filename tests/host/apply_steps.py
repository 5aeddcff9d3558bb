"""Append the host-step blocks of docs/integration.md to a site made by ``wagtail start``.

docs/integration.md marks each snippet a host site copies with ``<!-- host-step: settings -->``
or ``<!-- host-step: urls -->`` on the line before its ```python fence. This script takes those
blocks as they are and appends them, in their order, to ``<package>/settings/base.py`` and
``<package>/urls.py``, so the host test (tests/host/) runs exactly what the docs say.

    python tests/host/apply_steps.py docs/integration.md path/to/mysite [mysite]
"""

import re
import sys
from pathlib import Path

MARKER = re.compile(r"^<!-- host-step: (?P<kind>[a-z]+) -->\s*$")
#: Where `wagtail start <name>` keeps what each kind of step extends.
TARGETS = {"settings": "{package}/settings/base.py", "urls": "{package}/urls.py"}


def extract(markdown):
    """[(kind, code)] of the marked blocks, in the document's order."""
    lines = markdown.splitlines()
    steps = []
    for number, line in enumerate(lines):
        match = MARKER.match(line)
        if not match:
            continue
        kind = match["kind"]
        if kind not in TARGETS:
            raise ValueError(f"line {number + 1}: unknown host step {kind!r}")
        if number + 1 >= len(lines) or lines[number + 1].strip() != "```python":
            raise ValueError(f"line {number + 1}: a host step must be followed by ```python")
        try:
            end = lines.index("```", number + 2)
        except ValueError:
            raise ValueError(f"line {number + 1}: the ```python block is not closed") from None
        steps.append((kind, "\n".join(lines[number + 2 : end]) + "\n"))
    return steps


def apply(markdown_path, project_dir, package=None):
    """Append every step to its file; return [(kind, path)] in the order applied."""
    project_dir = Path(project_dir).resolve()
    package = package or project_dir.name
    applied = []
    steps = extract(Path(markdown_path).read_text(encoding="utf-8"))
    if not steps:
        raise ValueError(f"{markdown_path} has no host-step blocks")
    for kind, code in steps:
        target = project_dir / TARGETS[kind].format(package=package)
        if not target.is_file():
            raise FileNotFoundError(target)
        with target.open("a", encoding="utf-8") as file:
            file.write(f"\n\n# --- host step from {Path(markdown_path).name} ---\n{code}")
        applied.append((kind, target))
    return applied


if __name__ == "__main__":
    for kind, target in apply(*sys.argv[1:]):
        print(f"{kind}: appended to {target}")
