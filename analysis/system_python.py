# SPDX-License-Identifier: GPL-2.0-only
"""Run a plotting script under the interpreter that has Debian's matplotlib.

On machines where `python3` on PATH is not the system interpreter (pyenv, venv),
Debian's python3-matplotlib is only visible to /usr/bin/python3. A script that needs
matplotlib calls require_matplotlib(__file__) before importing it.
"""

import importlib.util
import os
import sys

SYSTEM_PYTHON = "/usr/bin/python3"


def require_matplotlib(script):
    """Return if matplotlib imports; else re-run SCRIPT under the system interpreter once,
    or exit naming the package to install."""
    if importlib.util.find_spec("matplotlib") is not None:
        return
    if (os.access(SYSTEM_PYTHON, os.X_OK)
            and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)
            and not os.environ.get("DMM_PLOT_REEXEC")):
        os.environ["DMM_PLOT_REEXEC"] = "1"
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(script)] + sys.argv[1:])
    sys.exit("%s: error: matplotlib is not available to %s "
             "(Debian/Ubuntu: apt-get install python3-matplotlib)"
             % (os.path.basename(script), sys.executable))
