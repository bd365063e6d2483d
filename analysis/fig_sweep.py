# SPDX-License-Identifier: GPL-2.0-only
"""Parameter-sweep line plots: each metric vs the swept key, per profile, 95 % CI bands.

Input: a comparison.csv of tools/dmm-compare, one row per run: profile, seed, the swept
keys (the columns between `seed` and `handovers`, e.g. links.access_delay_ms), then the
metrics. At each x the runs of a profile (its seeds) give the mean and a Student t 95 %
confidence interval (dmm_plot.mean_ci); the band is drawn where a point has two or more
seeds. Rows that differ in another swept key are separate lines of the profile's colour,
told apart by line style and marker and named "profile, key=value" in the legend.
"""

import csv
import math

import dmm_plot
from dmm_plot import InputError
from fig_common import file_name, legend_above, plt, save

NAME = "sweep"
HELP = ("metrics vs a swept key from a dmm-compare comparison.csv, per profile, with "
        "95 % CI bands")

# (comparison.csv column, y label, scale)
METRICS = [
    ("latency_mean_ms", "Handover latency (ms)", 1.0),
    ("interruption_mean_ms", "Interruption (ms)", 1.0),
    ("loss_ratio", "Packet loss (%)", 100.0),
    ("signaling_messages_per_handover", "Signalling messages\nper handover", 1.0),
    ("mean_path_stretch", "Path stretch", 1.0),
]
STYLES = [("-", "o"), ("--", "s"), (":", "^"), ("-.", "D")]


def add_arguments(parser):
    parser.add_argument("csv", metavar="COMPARISON.csv",
                        help="comparison.csv of dmm-compare (one row per run)")
    parser.add_argument("--x", required=True, metavar="KEY",
                        help="the swept column to put on the x axis")


def read_comparison(path, x):
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            rows = list(reader)
    except FileNotFoundError:
        raise InputError("%s: file not found" % path)
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise InputError("%s: cannot read: %s" % (path, e))
    missing = [c for c in ["profile", "seed", "handovers"] + [m for m, _, _ in METRICS]
               if c not in header]
    if missing:
        raise InputError("%s: missing column(s) %s (is it a dmm-compare comparison.csv?)"
                         % (path, ", ".join(missing)))
    swept = header[header.index("seed") + 1:header.index("handovers")]
    if x not in swept:
        raise InputError("%s: --x %s is not a swept column (swept: %s)"
                         % (path, x, ", ".join(swept) or "none"))
    if not rows:
        raise InputError("%s: no runs (header only)" % path)
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise InputError("%s:%d: expected %d fields" % (path, i, len(header)))
        for m, _, _ in METRICS:
            row[m] = dmm_plot._number(row[m], "%s:%d: column %s" % (path, i, m))
    return rows, [k for k in swept if k != x]


def x_values(rows, x):
    """The x positions: numbers if every value is one, else the values in order of appearance."""
    texts = list(dict.fromkeys(r[x] for r in rows))
    try:
        return sorted(texts, key=float), True
    except ValueError:
        return texts, False


def lines(rows, x, others):
    """{(profile, other key values): {x value: [rows]}} in order of appearance."""
    out = {}
    for r in rows:
        key = (r["profile"], tuple(r[k] for k in others))
        out.setdefault(key, {}).setdefault(r[x], []).append(r)
    return out


def line_label(profile, others, values):
    return ", ".join([profile] + ["%s=%s" % (k, v) for k, v in zip(others, values)])


def draw_line(axes, profile, label, style, points, position, table):
    """One line (and band) per metric; appends [mean, ci95, n] rows to table."""
    order = sorted(points, key=lambda v: position[v])
    px = [position[v] for v in order]
    colour = dmm_plot.profile_colour(profile)
    for ax, (metric, ylabel, scale) in zip(axes, METRICS):
        stats = [dmm_plot.mean_ci([r[metric] for r in points[v]]) for v in order]
        table += [[v, metric] + list(s) for v, s in zip(order, stats)]
        means = [s[0] * scale for s in stats]
        half = [0.0 if math.isnan(s[1]) else s[1] * scale for s in stats]
        ax.plot(px, means, linestyle=style[0], marker=style[1], markersize=4, color=colour,
                label=label)
        ax.fill_between(px, [m - h for m, h in zip(means, half)],
                        [m + h for m, h in zip(means, half)], color=colour, alpha=0.2,
                        linewidth=0)
        ax.set_ylabel(ylabel)


def run(args):
    rows, others = read_comparison(args.csv, args.x)
    xs, numeric = x_values(rows, args.x)
    position = {v: (float(v) if numeric else i) for i, v in enumerate(xs)}
    pyplot = plt()
    fig, axes = pyplot.subplots(1, len(METRICS), figsize=(3.0 * len(METRICS), 3.0))
    style_of = {}
    table = []
    for (profile, values), points in lines(rows, args.x, others).items():
        style = style_of.setdefault(values, STYLES[len(style_of) % len(STYLES)])
        mine = []
        draw_line(axes, profile, line_label(profile, others, values), style, points, position,
                  mine)
        table += [[profile] + list(values) + row for row in mine]
    for ax in axes:
        ax.set_xlabel(args.x)
        if not numeric:
            ax.set_xticks(range(len(xs)))
            ax.set_xticklabels(xs)
    legend_above(fig, axes[:1])
    name = "sweep-" + file_name(args.x)
    save(fig, args.out, name, top=0.85)
    # The numbers drawn, for tables and checks.
    with open("%s/%s.csv" % (args.out, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["profile"] + others + [args.x, "metric", "mean", "ci95", "n"])
        w.writerows(table)
    return [name]
