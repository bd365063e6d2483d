# SPDX-License-Identifier: GPL-2.0-only
"""Signalling cost per message type, stacked, one bar per profile.

Counts the rows of signaling.csv by type (with --bytes: sums their bytes) and divides by the
run's handovers (a run without handovers counts per run instead, and says so); a profile
with several runs shows the mean over them. Profiles are the bars, in order of appearance;
message types are the stacked segments, each type one colour in every bar. The counts are
checked against summary.json signaling.messages.
"""

import math

import dmm_plot
from dmm_plot import InputError
from fig_common import fmt, plt, read_runs, save

NAME = "signaling"
HELP = "signalling messages (or bytes) per handover, stacked by message type, per profile"
TYPE_COLOURS = ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB",
                "#332288", "#DDAA33", "#117733", "#882255", "#44AA99"]


def add_arguments(parser):
    parser.add_argument("runs", nargs="+", metavar="RUN", help="result directory or LABEL=DIR")
    parser.add_argument("--bytes", action="store_true",
                        help="stack signalling bytes instead of messages")


def per_type(run, by_bytes):
    """{type: messages or bytes} of one run, checked against summary.json."""
    counts = {}
    sizes = {}
    for s in run.signaling():
        counts[s["type"]] = counts.get(s["type"], 0) + 1
        sizes[s["type"]] = sizes.get(s["type"], 0) + s["bytes"]
    summary = {t: int(n) for t, n in run.summary["messages"].items() if n}
    if counts != summary:
        raise InputError("%s: message counts %s disagree with summary.json's %s"
                         % (run.dir / "signaling.csv", counts, summary))
    return sizes if by_bytes else counts


def profile_means(runs, by_bytes):
    """({profile: {type: mean per handover}}, [types]); per run where a run has no handover."""
    sums = {}
    for r in runs:
        handovers = r.summary["handovers"]
        divisor = handovers if handovers > 0 else 1
        if not handovers > 0:
            print("signaling: %s (%s) has no handover: counted per run" % (r.label, r.dir))
        mine = sums.setdefault(r.label, ({}, []))
        mine[1].append(r)
        for t, v in per_type(r, by_bytes).items():
            mine[0][t] = mine[0].get(t, 0.0) + v / divisor
    types = sorted({t for totals, _ in sums.values() for t in totals})
    means = {p: {t: totals.get(t, 0.0) / len(rs) for t in types}
             for p, (totals, rs) in sums.items()}
    return means, types


def run(args):
    means, types = profile_means(read_runs(args.runs), args.bytes)
    profiles = list(means)
    pyplot = plt()
    fig, ax = pyplot.subplots(figsize=(max(3.5, 0.9 * len(profiles) + 2.0), 3.4))
    bottom = [0.0] * len(profiles)
    for i, t in enumerate(types):
        heights = [means[p][t] for p in profiles]
        ax.bar(range(len(profiles)), heights, 0.6, bottom=bottom, label=t,
               color=TYPE_COLOURS[i % len(TYPE_COLOURS)], edgecolor="white", linewidth=0.5)
        bottom = [b + h for b, h in zip(bottom, heights)]
    for p in profiles:
        print("signaling: %s: %s; total %s" % (p, ", ".join("%s %s" % (t, fmt(means[p][t]))
                                                             for t in types if means[p][t]),
                                               fmt(math.fsum(means[p].values()))))
    ax.set_xticks(range(len(profiles)))
    ax.set_xticklabels(profiles)
    for label, p in zip(ax.get_xticklabels(), profiles):
        label.set_color(dmm_plot.profile_colour(p))  # segments are types: profiles by name
    if sum(len(p) + 2 for p in profiles) > 40:
        pyplot.setp(ax.get_xticklabels(), rotation=30, ha="right", rotation_mode="anchor")
    ax.set_xlabel("Profile")
    ax.set_ylabel("Signalling %s per handover" % ("bytes" if args.bytes else "messages"))
    if types:
        # Beside the bars: a stack may have many types.
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                  title="Message type")
    return [save(fig, args.out, "signaling-stack" + ("-bytes" if args.bytes else ""))]
