# SPDX-License-Identifier: GPL-2.0-only
"""Ladder diagram (sequence chart) of one handover's signalling, from signaling.csv; no tshark.

One panel per run side by side. Lifelines are the nodes that send or receive a message in
the handover's window, in order of first appearance; time runs downwards. signaling.csv
names the sender (node) but only the destination address (dst): an address is mapped to the
node that sent from it anywhere in the run, and shown as the address when no node did (e.g.
multicast, drawn last). Rows are evenly spaced in time order, one per message (an arrow at
its send time: the receive time is not in the file) and per handover instant; the y axis
labels give the times. The
window runs from the layer-2 detach to --after seconds after the end of the handover's
signalling (handovers.csv), or after the attach when the signalling never ended.
"""

import math

import dmm_plot
from fig_common import fmt, plt, read_runs, save

NAME = "ladder"
HELP = "sequence chart of one handover's signalling from signaling.csv, one panel per run"


def add_arguments(parser):
    parser.add_argument("runs", nargs="+", metavar="RUN", help="result directory or LABEL=DIR")
    parser.add_argument("--mn", help="mobile node (default: the first in handovers.csv)")
    parser.add_argument("--handover", type=int, default=1, metavar="N",
                        help="the N-th handover of that mobile node (default 1)")
    parser.add_argument("--after", type=float, default=0.05, metavar="S",
                        help="seconds shown after signalling done (default 0.05)")


def messages(run, handover, after):
    """[(time, sender, receiver, type)] in the window, in file order."""
    owner = {}
    for s in run.signaling():
        owner.setdefault(s["src"], s["node"])
    end = handover["signaling_done_s"]
    if math.isnan(end):
        end = handover["l2_up_s"] if not math.isnan(handover["l2_up_s"]) else handover["l2_down_s"]
    lo, hi = handover["l2_down_s"], end + after
    return [(s["time_s"], s["node"], owner.get(s["dst"], s["dst"]), s["type"])
            for s in run.signaling() if lo <= s["time_s"] <= hi]


def lifelines(handover, arrows):
    """The mobile node, its old and new access nodes, the others; multicast groups last."""
    names = [handover["mn"], handover["from"], handover["to"]]
    for _, a, b, _ in arrows:
        names += [a, b]
    names = [n for n in dict.fromkeys(names) if n]
    return [n for n in names if not n.startswith("ff")] + [n for n in names if n.startswith("ff")]


def rows(handover, arrows):
    """One row per message and per handover instant (L2 up, done), in time order.

    Evenly spaced as in a sequence chart: messages microseconds apart stay readable next to
    a 50 ms layer-2 switch; the y labels give the times.
    """
    instants = (("l2_down_s", "L2 down"), ("l2_up_s", "L2 up"),
                ("signaling_done_s", "signalling done"))
    marks = [(handover[k], -1, label) for k, label in instants if not math.isnan(handover[k])]
    events = [(a[0], i, a) for i, a in enumerate(arrows)] + marks
    return sorted(events, key=lambda e: (e[0], e[1]))


def draw_panel(ax, run, handover, arrows):
    t0 = handover["l2_down_s"]
    names = lifelines(handover, arrows)
    x = {n: i for i, n in enumerate(names)}
    events = rows(handover, arrows)
    for n in names:
        ax.axvline(x[n], color="0.7", linewidth=0.8, zorder=0)
    colour = dmm_plot.profile_colour(run.label)
    ticks = []
    for y, (t, index, what) in enumerate(events, start=1):
        ticks.append("%.3f" % ((t - t0) * 1e3))
        if index < 0:
            ax.axhline(y, color="0.4", linestyle=":", linewidth=0.8)
            ax.annotate(what, (len(names) - 0.5, y), fontsize=8, ha="right", va="bottom",
                        color="0.3")
            continue
        _, a, b, kind = what
        ax.annotate("", xy=(x[b], y), xytext=(x[a], y),
                    arrowprops=dict(arrowstyle="->", color=colour, linewidth=1.2))
        ax.annotate(kind, ((x[a] + x[b]) / 2, y), ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, rotation=30, ha="left", rotation_mode="anchor")
    ax.xaxis.tick_top()
    ax.set_xlim(-0.5, len(names) - 0.5)
    ax.set_yticks(range(1, len(events) + 1))
    ax.set_yticklabels(ticks, fontsize=8)
    ax.set_ylim(len(events) + 0.7, 0.3)
    ax.set_ylabel("Time since L2 down (ms)")
    ax.set_title(run.label, pad=30)
    ax.grid(False)
    if not arrows:
        ax.annotate("no signalling", (0.5, 0.5), xycoords="axes fraction", ha="center")


def run(args):
    runs = read_runs(args.runs)
    pyplot = plt()
    fig, axes = pyplot.subplots(1, len(runs), figsize=(3.8 * len(runs), 4.2), squeeze=False)
    for ax, r in zip(axes[0], runs):
        mns = [h["mn"] for h in r.handovers()]
        handover = r.handover_of(args.mn or (mns[0] if mns else "(none)"), args.handover)
        arrows = messages(r, handover, args.after)
        draw_panel(ax, r, handover, arrows)
        for t, a, b, kind in arrows:
            print("ladder: %s %s ms %s -> %s %s"
                  % (r.label, fmt((t - handover["l2_down_s"]) * 1e3), a, b, kind))
    return [save(fig, args.out, "ladder")]
