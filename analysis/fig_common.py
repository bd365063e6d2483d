# SPDX-License-Identifier: GPL-2.0-only
"""What the figures of dmm_figures.py share: result reading on top of dmm_plot's, and output.

Reading follows the result-file contract (doc/dmm.rst "Result files"); a file that does not
follow it raises dmm_plot.InputError naming the file, which dmm_figures.py turns into exit
status 2.
"""

import math
import re
from pathlib import Path

import dmm_plot
from dmm_plot import InputError, read_csv

PACKET_COLUMNS = ["flow", "seq", "sent_s", "received_s"]
HANDOVER_TIMES = ["time_s", "l2_down_s", "l2_up_s", "signaling_done_s", "first_rx_s",
                  "latency_ms", "interruption_ms", "lost_packets"]


def plt():
    """pyplot, in the paper style of dmm_plot.py."""
    dmm_plot._style()
    return dmm_plot.plt


def save(fig, out, name, top=1.0):
    """Write OUT/NAME.pdf and OUT/NAME.png (axes below TOP, a figure legend above); return NAME."""
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError("%s: cannot create output directory: %s" % (out, e))
    dmm_plot._save(fig, out, name, top)
    return name


def legend_above(fig, axes, columns=4):
    """One legend above all panels, each label once (panels may lack some, e.g. losses)."""
    seen = {}
    for ax in axes:
        for handle, label in zip(*ax.get_legend_handles_labels()):
            seen.setdefault(label, handle)
    if seen:
        fig.legend(list(seen.values()), list(seen), loc="upper center",
                   ncol=min(len(seen), columns), frameon=False)


def file_name(text):
    """TEXT usable in a file name."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)


class Run:
    """One result directory: its summary (dmm_plot.read_run) and its CSV files, read lazily."""

    def __init__(self, arg):
        self.summary = dmm_plot.read_labelled(arg)
        self.dir = Path(self.summary["dir"])
        self.label = self.summary["profile"]
        self._cache = {}

    def _csv(self, name, columns, numeric):
        if name not in self._cache:
            self._cache[name] = read_csv(self.dir / name, columns, numeric)
        return self._cache[name]

    def handovers(self):
        return self._csv("handovers.csv", dmm_plot.HANDOVER_COLUMNS, HANDOVER_TIMES)

    def flows(self):
        return self._csv("flows.csv", dmm_plot.FLOW_COLUMNS, ["start_s", "sent", "received",
                                                              "lost"])

    def signaling(self):
        return self._csv("signaling.csv", dmm_plot.SIGNALING_COLUMNS, ["time_s", "bytes"])

    def packets(self):
        path = self.dir / "packets.csv"
        if not path.is_file():
            raise InputError("%s: file not found (the per-packet trace is opt-in: run dmm-run "
                             "with --packet-trace)" % path)
        return self._csv("packets.csv", PACKET_COLUMNS, ["seq", "sent_s", "received_s"])

    def flow(self, name):
        for f in self.flows():
            if f["flow"] == name:
                return f
        raise InputError("%s: no flow named '%s' (flows: %s)"
                         % (self.dir / "flows.csv", name,
                            ", ".join(f["flow"] for f in self.flows()) or "none"))

    def handover_of(self, mn, number):
        """The NUMBER-th (from 1) handover of mobile node MN."""
        mine = [h for h in self.handovers() if h["mn"] == mn]
        if not 1 <= number <= len(mine):
            raise InputError("%s: mobile node '%s' has %d handover(s); handover %d asked for"
                             % (self.dir / "handovers.csv", mn, len(mine), number))
        return mine[number - 1]


def read_runs(args):
    runs = [Run(a) for a in args]
    if not runs:
        raise InputError("no result directory given")
    return runs


def finite(values):
    return [v for v in values if not math.isnan(v)]


def fmt(value, digits=3):
    return "n/a" if math.isnan(value) else "%.*f" % (digits, value)
