#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Plot and tabulate dmm-run results, one group per mobility profile.

Usage: dmm_plot.py RESULT_DIR [RESULT_DIR ...] [--out DIR] [--side-by-side]

Each RESULT_DIR is the output of one `dmm-run ... --out RESULT_DIR` and holds
summary.json, handovers.csv, flows.csv and signaling.csv (the result-file
contract of doc DESIGN.md). Runs are grouped by the profile named in their
summary.json; several runs of one profile (different seeds) are averaged and
drawn with 95 % confidence intervals (Student t).

Writes into --out: handover-latency.{pdf,png}, loss.{pdf,png},
signaling.{pdf,png} and summary.md; with --side-by-side also one grouped bar
chart per metric with every profile side by side (compare-latency,
compare-interruption, compare-loss, compare-signaling-messages,
compare-signaling-bytes, compare-path-stretch; .pdf and .png). Profile colours
come from PROFILE_COLOURS.

Importable without matplotlib (tools/dmm-compare uses its reading and
statistics); only the plotting needs it.
"""

import os
import sys

if __name__ == "__main__":
    from system_python import require_matplotlib  # this script's folder is on sys.path
    require_matplotlib(__file__)
try:
    import matplotlib
except ImportError:
    # Imported (e.g. by tools/dmm-compare) for reading and statistics only: those need
    # no matplotlib; the plotting functions do.
    matplotlib = None

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import re  # noqa: E402
import zlib  # noqa: E402
from pathlib import Path  # noqa: E402

if matplotlib is not None:
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: E402

HANDOVER_COLUMNS = ["time_s", "mn", "from", "to", "l2_down_s", "l2_up_s", "signaling_done_s",
                    "first_rx_s", "latency_ms", "interruption_ms", "lost_packets"]
FLOW_COLUMNS = ["flow", "mn", "cn", "start_s", "sent", "received", "lost", "mean_delay_ms",
                "address"]
SIGNALING_COLUMNS = ["time_s", "node", "type", "bytes", "src", "dst"]

# Two-sided 95 % Student t quantiles by degrees of freedom; 1.96 beyond 30.
T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
       2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
       2.060, 2.056, 2.052, 2.048, 2.045, 2.042]

NAN = float("nan")

# One colour per profile, the same in every figure (colour-blind-safe where possible;
# `none`, the baseline without mobility support, is grey).
PROFILE_COLOURS = {
    "pmipv6": "#0072B2",
    "none": "#7F7F7F",
    "mipv6": "#E69F00",
    "mipv6-ro": "#F0C75E",
    "hmipv6": "#009E73",
    "distributed-anchors": "#D55E00",
    "migrating-ha": "#CC79A7",
    "dma": "#56B4E9",
    "dma-client": "#9AD0F0",
    "fully-distributed": "#882255",
    "epmip": "#332288",
    "dmm-mip": "#999933",
    "dlma": "#44AA99",
}
# Profiles not in the table get one of these, chosen by a hash of the name, so a
# profile keeps its colour whatever else is plotted with it.
EXTRA_COLOURS = ["#117733", "#AA4499", "#DDCC77", "#661100", "#6699CC", "#888888"]


def profile_colour(profile):
    if profile in PROFILE_COLOURS:
        return PROFILE_COLOURS[profile]
    return EXTRA_COLOURS[zlib.crc32(profile.encode("utf-8")) % len(EXTRA_COLOURS)]


class InputError(Exception):
    """A result directory or file that does not follow the result-file contract."""


# ----------------------------------------------------------------------------- reading

def _number(value, where):
    """JSON/CSV value -> float; None, '' and 'nan' are missing (NaN)."""
    if value is None:
        return NAN
    if isinstance(value, bool):
        raise InputError("%s: expected a number, got %r" % (where, value))
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if text == "" or text.lower() in ("nan", "na", "n/a", "none", "null"):
        return NAN
    try:
        return float(text)
    except ValueError:
        raise InputError("%s: expected a number, got %r" % (where, value))


def _get(obj, path, where):
    node = obj
    for key in path:
        if not isinstance(node, dict) or key not in node:
            raise InputError("%s: missing key '%s'" % (where, ".".join(path)))
        node = node[key]
    return node


def read_summary(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise InputError("%s: file not found" % path)
    except (OSError, UnicodeDecodeError) as e:
        raise InputError("%s: cannot read: %s" % (path, e))
    except json.JSONDecodeError as e:
        raise InputError("%s: malformed JSON: %s" % (path, e))
    if not isinstance(data, dict):
        raise InputError("%s: expected a JSON object at the top level" % path)

    profile = _get(data, ["profile"], path)
    if not isinstance(profile, str) or not profile:
        raise InputError("%s: 'profile' must be a non-empty string" % path)
    messages = _get(data, ["signaling", "messages"], path)
    if not isinstance(messages, dict):
        raise InputError("%s: 'signaling.messages' must be an object {type: count}" % path)

    def num(*keys):
        return _number(_get(data, list(keys), path), "%s: '%s'" % (path, ".".join(keys)))

    return {
        "profile": profile,
        "seed": data.get("seed"),
        "handovers": num("handovers", "count"),
        "latency_mean": num("handovers", "latency_ms", "mean"),
        "latency_p95": num("handovers", "latency_ms", "p95"),
        "interruption_mean": num("handovers", "interruption_ms", "mean"),
        "interruption_p95": num("handovers", "interruption_ms", "p95"),
        "sent": num("packets", "sent"),
        "lost": num("packets", "lost"),
        "loss_ratio": num("packets", "loss_ratio"),
        "messages": {str(k): _number(v, "%s: 'signaling.messages.%s'" % (path, k))
                     for k, v in messages.items()},
        "signaling_bytes": num("signaling", "bytes"),
        "mean_stretch": num("path", "mean_stretch"),
        "tunnelled_bytes": num("path", "tunnelled_bytes"),
    }


def read_csv(path, columns, numeric):
    """Rows of a result CSV as dicts; `numeric` columns converted to float (NaN if empty)."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames
            if header is None:
                raise InputError("%s: empty file (expected a header line: %s)"
                                 % (path, ",".join(columns)))
            missing = [c for c in columns if c not in header]
            if missing:
                raise InputError("%s: missing column(s) %s" % (path, ", ".join(missing)))
            rows = []
            for row in reader:
                if None in row or any(row[c] is None for c in columns):
                    raise InputError("%s:%d: expected %d fields"
                                     % (path, reader.line_num, len(header)))
                for c in numeric:
                    row[c] = _number(row[c], "%s:%d: column %s" % (path, reader.line_num, c))
                rows.append(row)
            return rows
    except FileNotFoundError:
        raise InputError("%s: file not found" % path)
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise InputError("%s: cannot read: %s" % (path, e))


def read_run(directory):
    d = Path(directory)
    if not d.is_dir():
        raise InputError("%s: not a directory" % d)
    run = read_summary(d / "summary.json")
    handovers = read_csv(d / "handovers.csv", HANDOVER_COLUMNS,
                         ["latency_ms", "interruption_ms", "lost_packets"])
    read_csv(d / "flows.csv", FLOW_COLUMNS, ["sent", "received", "lost"])
    read_csv(d / "signaling.csv", SIGNALING_COLUMNS, ["bytes"])

    if len(handovers) != run["handovers"]:
        print("dmm_plot.py: warning: %s: %d rows in handovers.csv but summary.json says %g"
              % (d, len(handovers), run["handovers"]), file=sys.stderr)
    lost = [h["lost_packets"] for h in handovers if not math.isnan(h["lost_packets"])]
    run["lost_per_handover"] = sum(lost) / len(lost) if lost else NAN
    count = run["handovers"]
    total_messages = sum(v for v in run["messages"].values() if not math.isnan(v))
    run["messages_per_handover"] = total_messages / count if count > 0 else NAN
    run["bytes_per_handover"] = run["signaling_bytes"] / count if count > 0 else NAN
    run["dir"] = str(d)
    return run


def read_labelled(arg):
    """read_run of DIR, or of LABEL=DIR with LABEL as its profile (a variant)."""
    label, sep, directory = arg.partition("=")
    if not sep or Path(arg).is_dir() or not re.fullmatch(r"[A-Za-z0-9_-]+", label):
        return read_run(arg)
    run = read_run(directory)
    run["profile"] = label
    return run


# ----------------------------------------------------------------------------- statistics

def mean_ci(values):
    """(mean, 95 % CI half-width, n) over the non-NaN values; half-width NaN for n < 2."""
    v = [x for x in values if not math.isnan(x)]
    n = len(v)
    if n == 0:
        return NAN, NAN, 0
    m = sum(v) / n
    if n < 2:
        return m, NAN, n
    var = sum((x - m) ** 2 for x in v) / (n - 1)
    t = T95[n - 2] if n - 1 <= len(T95) else 1.96
    return m, t * math.sqrt(var / n), n


def group(runs):
    """{profile: [runs]} in the order the profiles first appear."""
    groups = {}
    for r in runs:
        groups.setdefault(r["profile"], []).append(r)
    return groups


def stat(runs, key):
    return mean_ci([r[key] for r in runs])


def message_types(groups):
    return sorted({t for runs in groups.values() for r in runs for t in r["messages"]})


# ----------------------------------------------------------------------------- output

def _style():
    plt.rcParams.update({
        "font.size": 11,
        "axes.labelsize": 11,
        "axes.titlesize": 11,
        "xtick.labelsize": 10,
        "ytick.labelsize": 10,
        "legend.fontsize": 10,
        "pdf.fonttype": 42,  # embed TrueType: editable text, accepted by paper checkers
        "ps.fonttype": 42,
        "axes.grid": True,
        "axes.grid.axis": "y",
        "grid.alpha": 0.3,
        "axes.axisbelow": True,
    })


def _bars(ax, categories, series, ylabel, colours=None):
    """Grouped bars: series = [(label, means, cis)], one group per category.

    Error bars only where a CI exists (n > 1), clipped at zero: every quantity
    plotted here is non-negative.
    """
    k = len(series)
    width = 0.8 / max(k, 1)
    xs = range(len(categories))
    top = 0.0
    for i, (label, means, cis) in enumerate(series):
        pos = [x - 0.4 + width * (i + 0.5) for x in xs]
        heights = [0.0 if math.isnan(m) else m for m in means]
        colour = colours[i] if colours else "C%d" % (i % 10)
        ax.bar(pos, heights, width, label=label, color=colour)
        for p, m, c in zip(pos, means, cis):
            if math.isnan(m):
                ax.annotate("n/a", (p, 0), ha="center", va="bottom", fontsize=9)
                continue
            top = max(top, m)
            if not math.isnan(c) and c > 0:
                ax.errorbar([p], [m], yerr=[[min(c, m)], [c]], fmt="none", ecolor="black",
                            elinewidth=1, capsize=3)
                top = max(top, m + c)
    ax.set_xticks(list(xs))
    ax.set_xticklabels(categories)
    ax.set_ylabel(ylabel)
    ax.set_ylim(0, top * 1.1 if top > 0 else 1.0)


def _legend_above(ax, entries):
    # Above the axes, so it never hides a bar.
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=min(entries, 4),
              frameon=False)


def _save(fig, out, name, top=1.0):
    fig.tight_layout(rect=(0, 0, 1, top))
    for ext in ("pdf", "png"):
        fig.savefig(out / ("%s.%s" % (name, ext)), dpi=200, bbox_inches="tight")
    plt.close(fig)


def plot_latency(groups, out):
    profiles = list(groups)
    series = []
    for label, key in (("handover latency", "latency_mean"),
                       ("interruption time", "interruption_mean")):
        stats = [stat(groups[p], key) for p in profiles]
        series.append((label, [s[0] for s in stats], [s[1] for s in stats]))
    fig, ax = plt.subplots(figsize=(max(4.0, 1.3 * len(profiles) + 2), 3.2))
    _bars(ax, profiles, series, "Time (ms)")
    ax.set_xlabel("Profile")
    _legend_above(ax, len(series))
    _save(fig, out, "handover-latency")


def plot_loss(groups, out):
    profiles = list(groups)
    fig, (left, right) = plt.subplots(1, 2, figsize=(max(6.0, 2.2 * len(profiles) + 2), 3.2))
    s = [stat(groups[p], "lost_per_handover") for p in profiles]
    _bars(left, profiles, [("lost packets per handover", [x[0] for x in s], [x[1] for x in s])],
          "Lost packets per handover")
    s = [stat(groups[p], "loss_ratio") for p in profiles]
    _bars(right, profiles, [("loss ratio", [100 * x[0] for x in s], [100 * x[1] for x in s])],
          "Packet loss (%)", colours=["C1"])
    for ax in (left, right):
        ax.set_xlabel("Profile")
    fig.legend(handles=[left.containers[0], right.containers[0]],
               labels=["lost packets per handover", "loss ratio"],
               loc="upper center", ncol=2, frameon=False)
    _save(fig, out, "loss", top=0.9)


def plot_signaling(groups, out):
    profiles = list(groups)
    types = message_types(groups)
    series = []
    for p in profiles:
        stats = [mean_ci([r["messages"].get(t, 0.0) for r in groups[p]]) for t in types]
        series.append((p, [s[0] for s in stats], [s[1] for s in stats]))
    width = min(7.0, max(4.0, 0.6 * len(types) * max(len(profiles), 1) + 2))
    fig, ax = plt.subplots(figsize=(width, 3.2))
    _bars(ax, types or ["(none)"], series if types else [], "Messages per run",
          colours=[profile_colour(p) for p in profiles])
    ax.set_xlabel("Mobility message type")
    if types:
        _legend_above(ax, len(profiles))
    _save(fig, out, "signaling")


# Side-by-side comparison: one figure per metric, every profile's bar next to the
# others' (mean over runs, 95 % CI error bars). (file name, y label, [(statistic, key)]).
SIDE_BY_SIDE = [
    ("compare-latency", "Handover latency (ms)",
     [("mean", "latency_mean"), ("95th percentile", "latency_p95")]),
    ("compare-interruption", "Interruption time (ms)",
     [("mean", "interruption_mean"), ("95th percentile", "interruption_p95")]),
    ("compare-loss", "Lost packets per handover", [("", "lost_per_handover")]),
    ("compare-signaling-messages", "Signalling messages\nper handover",
     [("", "messages_per_handover")]),
    ("compare-signaling-bytes", "Signalling bytes\nper handover (B)",
     [("", "bytes_per_handover")]),
    ("compare-path-stretch", "Path stretch\n(links / shortest path)",
     [("", "mean_stretch")]),
]


def plot_side_by_side(groups, out):
    """One grouped bar chart per SIDE_BY_SIDE metric; returns the file names written."""
    profiles = list(groups)
    colours = [profile_colour(p) for p in profiles]
    written = []
    for name, ylabel, statistics in SIDE_BY_SIDE:
        if len(statistics) == 1:
            # One statistic: the profiles are the categories, one coloured bar each.
            key = statistics[0][1]
            stats = [stat(groups[p], key) for p in profiles]
            width = max(3.5, 0.9 * len(profiles) + 1.5)
            fig, ax = plt.subplots(figsize=(width, 3.2))
            _bars(ax, profiles, [("", [s[0] for s in stats], [s[1] for s in stats])], ylabel)
            for patch, colour in zip(ax.containers[0], colours):
                patch.set_color(colour)
            if sum(len(p) + 2 for p in profiles) > 7 * (width - 1):
                # Long names would run into each other.
                plt.setp(ax.get_xticklabels(), rotation=30, ha="right",
                         rotation_mode="anchor")
            ax.set_xlabel("Profile")
            _save(fig, out, name)
        else:
            series = []
            for p in profiles:
                stats = [stat(groups[p], key) for _, key in statistics]
                series.append((p, [s[0] for s in stats], [s[1] for s in stats]))
            fig, ax = plt.subplots(
                figsize=(max(4.0, 0.45 * len(profiles) * len(statistics) + 2), 3.2))
            _bars(ax, [label for label, _ in statistics], series, ylabel, colours=colours)
            _legend_above(ax, len(profiles))
            _save(fig, out, name)
        written.append(name)
    return written


def _fmt(m, ci, digits):
    if math.isnan(m):
        return "n/a"
    text = "%.*f" % (digits, m)
    if not math.isnan(ci):
        text += " ± %.*f" % (digits, ci)
    return text


def write_table(groups, out):
    header = ["profile", "runs", "handovers/run", "latency mean (ms)", "latency p95 (ms)",
              "interruption mean (ms)", "lost packets/handover", "loss ratio",
              "signaling msgs/handover", "signaling bytes/handover"]
    cols = [("handovers", 1), ("latency_mean", 2), ("latency_p95", 2),
            ("interruption_mean", 2), ("lost_per_handover", 2), ("loss_ratio", 4),
            ("messages_per_handover", 2), ("bytes_per_handover", 1)]
    lines = ["# dmm results by profile", "",
             "Mean over runs; ± is the 95 % confidence interval (Student t) when a profile has "
             "more than one run.", "",
             "| " + " | ".join(header) + " |",
             "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    for p, runs in groups.items():
        cells = [p, str(len(runs))]
        for key, digits in cols:
            m, ci, _ = stat(runs, key)
            cells.append(_fmt(m, ci, digits))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Runs:", ""]
    for p, runs in groups.items():
        for r in runs:
            lines.append("- %s, seed %s: `%s`" % (p, r["seed"], r["dir"]))
    (out / "summary.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Plot dmm-run result directories, grouped by profile.")
    parser.add_argument("dirs", nargs="+", metavar="RESULT_DIR",
                        help="a dmm-run --out directory (summary.json and CSV files), or "
                             "LABEL=DIR to group it under LABEL instead of its profile")
    parser.add_argument("--out", default="plots", metavar="DIR",
                        help="where to write the figures and summary.md (default: plots)")
    parser.add_argument("--side-by-side", action="store_true",
                        help="also draw one figure per metric with the profiles side by "
                             "side: " + ", ".join(n for n, _, _ in SIDE_BY_SIDE))
    args = parser.parse_args(argv)

    try:
        runs = [read_labelled(d) for d in args.dirs]
        out = Path(args.out)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise InputError("%s: cannot create output directory: %s" % (out, e))
    except InputError as e:
        print("dmm_plot.py: error: %s" % e, file=sys.stderr)
        return 1

    groups = group(runs)
    _style()
    plot_latency(groups, out)
    plot_loss(groups, out)
    plot_signaling(groups, out)
    if args.side_by_side:
        plot_side_by_side(groups, out)
    write_table(groups, out)
    print("dmm_plot.py: %d run(s), %d profile(s) -> %s" % (len(runs), len(groups), out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
