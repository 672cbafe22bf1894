"""Command line: ``python -m tools.demogen samples OUTDIR`` or ``bench OUTDIR``."""

from __future__ import annotations

import argparse
import os
import sys

from tools.demogen.samples import SAMPLE_SEED, write_bench, write_samples


def main(argv: list[str] | None = None) -> int:
    """Run the generator command line and return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.demogen", description="Seeded fictitious county-court data."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("samples", help="write the small demo set")
    s.add_argument("outdir")
    s.add_argument("--seed", type=int, default=SAMPLE_SEED)
    b = sub.add_parser("bench", help="write large benchmark files")
    b.add_argument("outdir")
    b.add_argument("--cases", type=int, default=100_000)
    b.add_argument("--text", type=int, nargs=2, default=(2000, 4000), metavar=("MIN", "MAX"))
    b.add_argument(
        "--formats", nargs="+", default=["xlsx", "csv"], choices=["xlsx", "csv", "gb18030"]
    )
    b.add_argument("--seed", type=int, default=1)
    b.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    b.add_argument(
        "--shared-strings",
        action="store_true",
        help="write xlsx strings through the shared-string table, as Excel does",
    )
    args = parser.parse_args(argv)
    if args.command == "samples":
        for name, path in write_samples(args.outdir, args.seed).items():
            print(f"{path.stat().st_size / 1e6:7.2f} MB  {name}")
        return 0
    write_bench(
        args.outdir,
        cases=args.cases,
        text_chars=tuple(args.text),
        formats=args.formats,
        seed=args.seed,
        workers=args.workers,
        shared_strings=args.shared_strings,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
