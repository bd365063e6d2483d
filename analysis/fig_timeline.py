# SPDX-License-Identifier: GPL-2.0-only
"""Per-flow timeline around a handover: one panel per run (profile) side by side.

Reads packets.csv (the opt-in trace of dmm-run --packet-trace) with flows.csv and
handovers.csv. A delivered packet is a dot at (delivery time, sequence number); a lost one a
cross at its send time. With --bin-ms the panels show the delivered packets per bin as
throughput (packets/s) instead. Vertical lines mark the handover's layer-2 detach and attach
and the end of its signalling (handovers.csv l2_down_s, l2_up_s, signaling_done_s). Time is
relative to the detach. Before drawing, each run's packets.csv is checked against flows.csv
(sent, received, lost of the flow).
"""

import math

import dmm_plot
from dmm_plot import InputError
from fig_common import file_name, legend_above, plt, read_runs, save

NAME = "timeline"
HELP = ("received sequence numbers (or throughput) of one flow around a handover, one panel "
        "per run, from packets.csv (dmm-run --packet-trace)")
MARKS = [("l2_down_s", "L2 down", "--"), ("l2_up_s", "L2 up", ":"),
         ("signaling_done_s", "signalling done", "-.")]


def add_arguments(parser):
    parser.add_argument("runs", nargs="+", metavar="RUN", help="result directory or LABEL=DIR")
    parser.add_argument("--flow", required=True, help="flow name (flows.csv)")
    parser.add_argument("--handover", type=int, default=1, metavar="N",
                        help="the N-th handover of the flow's mobile node (default 1)")
    parser.add_argument("--before", type=float, default=0.1, metavar="S",
                        help="seconds shown before the detach (default 0.1)")
    parser.add_argument("--after", type=float, metavar="S",
                        help="seconds shown after the detach (default: until 0.2 s after the "
                             "later of signalling done and first delivery, over the runs)")
    parser.add_argument("--bin-ms", type=float, metavar="MS",
                        help="draw throughput in bins of MS ms instead of sequence numbers")


def flow_packets(run, name):
    """The flow's packets.csv rows, checked against its flows.csv row."""
    flow = run.flow(name)
    rows = [p for p in run.packets() if p["flow"] == name]
    received = sum(1 for p in rows if not math.isnan(p["received_s"]))
    counts = (len(rows), received, len(rows) - received)
    expected = (flow["sent"], flow["received"], flow["lost"])
    if counts != expected:
        raise InputError("%s: flow %s has sent/received/lost %d/%d/%d but flows.csv says "
                         "%d/%d/%d" % ((run.dir / "packets.csv", name) + counts + expected))
    return flow, rows


def default_after(handovers):
    ends = [max(x for x in (h["signaling_done_s"], h["first_rx_s"], h["l2_up_s"])
                if not math.isnan(x)) - h["l2_down_s"] for h in handovers]
    return max(ends) + 0.2


def draw_panel(ax, run, rows, handover, window, bin_ms):
    """Returns (delivered, lost) packets shown."""
    t0 = handover["l2_down_s"]
    lo, hi = window
    colour = dmm_plot.profile_colour(run.label)
    got = [(p["received_s"] - t0, p["seq"]) for p in rows
           if not math.isnan(p["received_s"]) and lo <= p["received_s"] - t0 <= hi]
    lost = [(p["sent_s"] - t0, p["seq"]) for p in rows
            if math.isnan(p["received_s"]) and lo <= p["sent_s"] - t0 <= hi]
    if bin_ms:
        width = bin_ms / 1000.0
        bins = max(1, int(math.ceil((hi - lo) / width)))
        counts = [0] * bins
        for t, _ in got:
            counts[min(bins - 1, int((t - lo) / width))] += 1
        ax.step([lo + i * width for i in range(bins)], [c / width for c in counts],
                where="post", color=colour, label="delivered")
        ax.set_ylabel("Throughput (packets/s)")
    else:
        ax.plot([t for t, _ in got], [s for _, s in got], ".", markersize=3, color=colour,
                label="delivered")
        if lost:
            ax.plot([t for t, _ in lost], [s for _, s in lost], "x", markersize=4,
                    color="black", label="lost (at send time)")
        ax.set_ylabel("Sequence number")
    for key, label, style in MARKS:
        if not math.isnan(handover[key]):
            ax.axvline(handover[key] - t0, linestyle=style, color="0.3", linewidth=1,
                       label=label)
    ax.set_xlim(lo, hi)
    ax.set_xlabel("Time since L2 down (s)")
    ax.set_title(run.label)
    return len(got), len(lost)


def run(args):
    if args.bin_ms is not None and not args.bin_ms > 0:
        raise InputError("--bin-ms must be > 0 (got %g)" % args.bin_ms)
    runs = read_runs(args.runs)
    data = []
    for r in runs:
        flow, rows = flow_packets(r, args.flow)
        data.append((r, flow, rows, r.handover_of(flow["mn"], args.handover)))
    after = args.after if args.after is not None else default_after([d[3] for d in data])
    window = (-args.before, after)
    pyplot = plt()
    fig, axes = pyplot.subplots(1, len(runs), figsize=(3.4 * len(runs), 3.0), sharey=True,
                                squeeze=False)
    for ax, (r, flow, rows, handover) in zip(axes[0], data):
        shown, lost = draw_panel(ax, r, rows, handover, window, args.bin_ms)
        print("timeline: %s flow %s handover %d at %.6f s: %d delivered, %d lost shown "
              "(flows.csv: %d lost in the whole run)"
              % (r.label, args.flow, args.handover, handover["l2_down_s"], shown, lost,
                 flow["lost"]))
    for ax in axes[0][1:]:
        ax.set_ylabel("")
    legend_above(fig, axes[0], 5)
    return [save(fig, args.out, "timeline-" + file_name(args.flow), top=0.85)]
