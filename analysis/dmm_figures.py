#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The figures mobility papers show, each from one command, as PDF and PNG.

Usage: dmm_figures.py FIGURE [options] INPUT...

  sweep COMPARISON.csv --x KEY   metric vs swept key, mean and 95 % CI band per profile
  timeline RUN... --flow NAME    received sequence numbers (or throughput) around a handover
  cdf RUN...                     CDF of handover latency and interruption time per profile
  signaling RUN...               signalling messages (or bytes) per handover, stacked by type
  ladder RUN...                  sequence chart of one handover's signalling

RUN is a dmm-run result directory, or LABEL=DIR to show it under LABEL instead of its
profile. `dmm_figures.py FIGURE --help` describes each. Every figure is written as
--out/NAME.pdf and .png in the style of dmm_plot.py, with its profile colours; the numbers
it shows are printed on stdout. Bad input (a missing or malformed file, an unknown flow,
column or handover) exits with status 2 and a message naming the file.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dmm_plot  # noqa: E402

if __name__ == "__main__":
    from system_python import require_matplotlib  # noqa: E402
    require_matplotlib(__file__)

import argparse  # noqa: E402

import fig_cdf  # noqa: E402
import fig_ladder  # noqa: E402
import fig_signaling  # noqa: E402
import fig_sweep  # noqa: E402
import fig_timeline  # noqa: E402

FIGURES = [fig_sweep, fig_timeline, fig_cdf, fig_signaling, fig_ladder]


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="dmm_figures.py", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="figure", metavar="FIGURE")
    commands.required = True
    for module in FIGURES:
        # argparse %-formats help strings (not descriptions): a literal % must be doubled.
        sub = commands.add_parser(module.NAME, help=module.HELP.replace("%", "%%"),
                                  description=module.HELP)
        sub.add_argument("--out", default="plots", metavar="DIR",
                         help="where to write the figure (default: plots)")
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    args = parser.parse_args(argv)
    try:
        written = args.run(args)
    except dmm_plot.InputError as e:
        print("dmm_figures.py %s: error: %s" % (args.figure, e), file=sys.stderr)
        return 2
    for name in written:
        print("dmm_figures.py: wrote %s.pdf and %s.png" % (os.path.join(args.out, name),
                                                           os.path.join(args.out, name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
