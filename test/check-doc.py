#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check that the project's reStructuredText documents parse without warnings.

Usage: check-doc.py [REPO_ROOT]

Parses every doc/*.rst with docutils (Debian's python3-docutils) and fails (exit 1),
naming file and line, on any warning or error: a title underline shorter than its title,
a malformed table, a left-over merge-conflict line, a block that ends without a blank
line. ns-3 builds its manuals with Sphinx; the Sphinx-only directives and roles the
documents use are accepted here without being checked.
"""

import io
import sys
from pathlib import Path

try:
    import docutils.core
    from docutils.parsers.rst import directives, roles
    from docutils.parsers.rst.directives.body import CodeBlock
    from docutils.parsers.rst.directives.misc import Class
except ImportError:
    sys.exit("check-doc: docutils is missing (tools/bootstrap.sh installs python3-docutils)")

SPHINX_DIRECTIVES = ("highlight", "toctree", "only")
SPHINX_CODE_DIRECTIVES = ("sourcecode", "code-block")
SPHINX_ROLES = ("ref", "doc", "rfc", "cpp:class", "ns3")


def accept_sphinx_markup():
    for name in SPHINX_DIRECTIVES:
        # Any directive class that takes arguments and content; nothing is rendered here.
        directives.register_directive(name, Class)
    for name in SPHINX_CODE_DIRECTIVES:
        directives.register_directive(name, CodeBlock)
    for name in SPHINX_ROLES:
        roles.register_generic_role(name, roles.nodes.literal)


def problems(path):
    stream = io.StringIO()
    docutils.core.publish_doctree(
        path.read_text(encoding="utf-8"),
        source_path=str(path),
        settings_overrides={"report_level": 2, "halt_level": 5, "warning_stream": stream},
    )
    return [line for line in stream.getvalue().splitlines() if line.startswith(str(path))]


def main(argv):
    root = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parents[1])
    accept_sphinx_markup()
    files = sorted((root / "doc").glob("*.rst"))
    if not files:
        sys.exit(f"check-doc: no doc/*.rst under {root}")
    found = [p for f in files for p in problems(f)]
    for line in found:
        print(line)
    print(f"check-doc: {len(files)} document(s), {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
