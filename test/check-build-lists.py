#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check that the CMake and waf descriptions of the dmm module list the same files.

Usage: check-build-lists.py [REPO_ROOT]
       check-build-lists.py --sync-wscript [REPO_ROOT]

--sync-wscript rewrites the module.source and headers.source lists of wscript
from CMakeLists.txt (CMakeLists.txt is the reference), then checks.

Compares
  CMakeLists.txt          set(source_files ...) / set(header_files ...)  (and list(APPEND ...))
  examples/CMakeLists.txt build_lib_example(NAME ... SOURCE_FILES ...)
with
  wscript                 <module>.source, <ns3header>.source, <program>.source
and fails (exit 1), naming each file, when
  - a file is listed by one build description and not by the other,
  - a listed file does not exist,
  - a .cc or .h under model/ or helper/ is listed by neither,
  - a file is listed twice, or a list cannot be read.
"""

import ast
import re
import sys
from pathlib import Path

EXTENSIONS = {".cc", ".h"}


class ListError(Exception):
    """A build description that cannot be read."""


def strip_cmake_comments(text):
    # CMake line comments; file names never contain '#'.
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def cmake_calls(text, command):
    """Yield the argument text of every `command(...)` call (no nested parentheses)."""
    for m in re.finditer(r"\b%s\s*\(([^()]*)\)" % re.escape(command), text, re.IGNORECASE):
        yield m.group(1)


def cmake_variable_list(text, variable, where):
    """Files given to `set(variable ...)` and `list(APPEND variable ...)`."""
    files = []
    found = False
    for args in cmake_calls(text, "set"):
        words = args.split()
        if words and words[0] == variable:
            found = True
            files += words[1:]
    for args in cmake_calls(text, "list"):
        words = args.split()
        if len(words) >= 2 and words[0].upper() == "APPEND" and words[1] == variable:
            files += words[2:]
    if not found:
        raise ListError("%s: no set(%s ...)" % (where, variable))
    for f in files:
        if "$" in f or '"' in f:
            raise ListError("%s: %s holds %s, which this check cannot resolve"
                            % (where, variable, f))
    return files


def cmake_examples(text, where):
    """{program name: [sources relative to the repository root]} from examples/CMakeLists.txt."""
    programs = {}
    keywords = {"NAME", "SOURCE_FILES", "HEADER_FILES", "LIBRARIES_TO_LINK", "IGNORE_PCH"}
    for args in cmake_calls(text, "build_lib_example"):
        words = args.split()
        current = None
        name = None
        sources = []
        for w in words:
            if w in keywords:
                current = w
            elif current == "NAME":
                name = w
            elif current == "SOURCE_FILES":
                if "$" in w:
                    raise ListError("%s: example source %s cannot be resolved" % (where, w))
                sources.append("examples/" + w)
        if name is None:
            raise ListError("%s: build_lib_example without NAME" % where)
        programs[name] = sources
    return programs


def wscript_lists(text, where):
    """(module sources, headers, {program: sources}) from the build() of a waf wscript."""
    try:
        tree = ast.parse(text, filename=where)
    except SyntaxError as e:
        raise ListError("%s: not valid Python: %s" % (where, e))

    build = next((n for n in tree.body
                  if isinstance(n, ast.FunctionDef) and n.name == "build"), None)
    if build is None:
        raise ListError("%s: no build(bld) function" % where)

    kinds = {}  # variable name -> ('module'|'headers'|'program', program name)
    lists = {"module": [], "headers": [], "program": {}}
    found = set()

    def call_kind(call):
        if not isinstance(call, ast.Call):
            return None
        func = call.func
        fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        first = call.args[0].value if call.args and isinstance(call.args[0], ast.Constant) \
            else None
        if fname == "create_ns3_module":
            return ("module", first)
        if fname == "create_ns3_program":
            return ("program", first)
        if fname in ("bld", "new_task_gen") or (isinstance(func, ast.Name) and func.id == "bld"):
            for kw in call.keywords:
                feats = kw.value
                values = [feats.value] if isinstance(feats, ast.Constant) else \
                    [e.value for e in getattr(feats, "elts", []) if isinstance(e, ast.Constant)]
                if kw.arg == "features" and "ns3header" in values:
                    return ("headers", None)
        return None

    def strings(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value.split()
        if isinstance(node, (ast.List, ast.Tuple)):
            out = []
            for e in node.elts:
                if not (isinstance(e, ast.Constant) and isinstance(e.value, str)):
                    raise ListError("%s:%d: a source list entry is not a plain string"
                                    % (where, node.lineno))
                out.append(e.value)
            return out
        raise ListError("%s:%d: a source list is not a literal list of strings"
                        % (where, node.lineno))

    def add(var, files):
        kind, name = kinds[var]
        found.add(kind)
        if kind == "program":
            lists["program"].setdefault(name, []).extend(files)
        else:
            lists[kind].extend(files)

    for node in ast.walk(build):
        if isinstance(node, ast.Assign):
            kind = call_kind(node.value)
            for t in node.targets:
                if kind and isinstance(t, ast.Name):
                    kinds[t.id] = kind
    for node in ast.walk(build):
        target = value = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add):
            target, value = node.target, node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("extend", "append") and node.args:
            owner = node.func.value
            if isinstance(owner, ast.Attribute) and owner.attr == "source" \
                    and isinstance(owner.value, ast.Name) and owner.value.id in kinds:
                add(owner.value.id, strings(node.args[0]))
            continue
        if isinstance(target, ast.Attribute) and target.attr == "source" \
                and isinstance(target.value, ast.Name) and target.value.id in kinds:
            add(target.value.id, strings(value))

    for kind, what in (("module", "module.source"), ("headers", "ns3header source")):
        if kind not in found:
            raise ListError("%s: build() sets no %s" % (where, what))
    return lists["module"], lists["headers"], lists["program"]


def read(path):
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise ListError("cannot read %s: %s" % (path, e.strerror or e))


def duplicates(files):
    seen, dups = set(), []
    for f in files:
        if f in seen and f not in dups:
            dups.append(f)
        seen.add(f)
    return dups


def sync_wscript(root):
    """Replace the literal module.source / headers.source lists of wscript by CMake's."""
    top = strip_cmake_comments(read(root / "CMakeLists.txt"))
    path = root / "wscript"
    text = read(path)
    for var, files in (("module", cmake_variable_list(top, "source_files", "CMakeLists.txt")),
                       ("headers", cmake_variable_list(top, "header_files", "CMakeLists.txt"))):
        m = re.search(r"^( *)%s\.source = \[\n.*?^ *\]\n" % var, text, re.M | re.S)
        if not m:
            raise ListError("wscript: no multi-line '%s.source = [' list to rewrite" % var)
        indent = m.group(1)
        body = "".join("%s    '%s',\n" % (indent, f) for f in files)
        text = text[:m.start()] + "%s%s.source = [\n%s%s    ]\n" % (indent, var, body, indent) \
            + text[m.end():]
    path.write_text(text, encoding="utf-8")


def main(argv):
    args = argv[1:]
    sync = "--sync-wscript" in args
    args = [a for a in args if a != "--sync-wscript"]
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent
    problems = []
    try:
        if sync:
            sync_wscript(root)
        top = strip_cmake_comments(read(root / "CMakeLists.txt"))
        cm_src = cmake_variable_list(top, "source_files", "CMakeLists.txt")
        cm_hdr = cmake_variable_list(top, "header_files", "CMakeLists.txt")
        cm_ex = cmake_examples(strip_cmake_comments(read(root / "examples" / "CMakeLists.txt")),
                               "examples/CMakeLists.txt")
        wf_src, wf_hdr, wf_ex = wscript_lists(read(root / "wscript"), "wscript")
    except ListError as e:
        print("check-build-lists: %s" % e, file=sys.stderr)
        return 1

    def compare(what, cmake, waf):
        for f in sorted(set(cmake) - set(waf)):
            problems.append("%s: %s is in CMakeLists.txt but not in wscript" % (what, f))
        for f in sorted(set(waf) - set(cmake)):
            problems.append("%s: %s is in wscript but not in CMakeLists.txt" % (what, f))
        for f in duplicates(cmake):
            problems.append("%s: %s is listed twice in CMakeLists.txt" % (what, f))
        for f in duplicates(waf):
            problems.append("%s: %s is listed twice in wscript" % (what, f))

    compare("library sources", cm_src, wf_src)
    compare("headers", cm_hdr, wf_hdr)
    for name in sorted(set(cm_ex) | set(wf_ex)):
        if name not in wf_ex:
            problems.append("example program %s is in examples/CMakeLists.txt but not in wscript"
                            % name)
        elif name not in cm_ex:
            problems.append("example program %s is in wscript but not in examples/CMakeLists.txt"
                            % name)
        else:
            compare("example %s" % name, cm_ex[name], wf_ex[name])

    listed = set(cm_src) | set(cm_hdr) | set(wf_src) | set(wf_hdr)
    listed_anywhere = listed | {f for v in list(cm_ex.values()) + list(wf_ex.values()) for f in v}
    for f in sorted(listed_anywhere):
        if not (root / f).is_file():
            problems.append("%s is listed but does not exist" % f)
    for f in sorted(set(cm_src) | set(wf_src)):
        if not f.endswith(".cc"):
            problems.append("%s is listed as a source but is not a .cc file" % f)
    for f in sorted(set(cm_hdr) | set(wf_hdr)):
        if not f.endswith(".h"):
            problems.append("%s is listed as a header but is not a .h file" % f)
    for folder in ("model", "helper"):
        for p in sorted((root / folder).rglob("*")):
            rel = p.relative_to(root).as_posix()
            if p.is_file() and p.suffix in EXTENSIONS and rel not in listed:
                problems.append("%s exists but neither build description lists it" % rel)

    if problems:
        for line in problems:
            print("check-build-lists: %s" % line, file=sys.stderr)
        print("check-build-lists: %d problem(s)" % len(problems), file=sys.stderr)
        return 1
    print("check-build-lists: CMakeLists.txt and wscript agree: %d sources, %d headers, "
          "%d example program(s)" % (len(cm_src), len(cm_hdr), len(cm_ex)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
