"""python3 -m vnseg.dask: convert files on a Dask cluster.

    python3 -m vnseg.dask segment|resegment|join|normalize|sentences INPUT...
        -o OUTPUT_DIR [--scheduler ADDR | --workers N] [--blocksize B]
        [--invalid error|replace|pass] [--no-progress] [command options]

Writes OUTPUT_DIR/NAME for each INPUT (NAME: its file name), the bytes of
`vnseg COMMAND INPUT`, and OUTPUT_DIR/vnseg-manifest.json; a rerun skips
the inputs already done. Without --scheduler, a local cluster of N worker
processes (default: one per core). Exit status: 0 ok, 1 bad input or data,
2 usage.
"""
import argparse
import sys

from .._vnseg import __version__


def _parser():
    parser = argparse.ArgumentParser(prog="python3 -m vnseg.dask",
                                     description="vnseg conversions on a Dask cluster.")
    parser.add_argument("--version", action="version", version=f"vnseg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name, help_text):
        p = commands.add_parser(name, help=help_text, description=help_text)
        p.add_argument("inputs", nargs="+", metavar="INPUT", help="input files")
        p.add_argument("-o", required=True, metavar="OUTPUT_DIR",
                       help="folder of the outputs (one per input, same file name) and the manifest")
        where = p.add_mutually_exclusive_group()
        where.add_argument("--scheduler", metavar="ADDR",
                           help="a running Dask scheduler (tcp://host:8786)")
        where.add_argument("--workers", type=int, metavar="N",
                           help="local cluster of N worker processes (default: one per core)")
        p.add_argument("--blocksize", default="64MiB", metavar="B",
                       help="bytes per task, moved to line ends (default 64MiB)")
        p.add_argument("--invalid", choices=["error", "replace", "pass"], default="error",
                       help="invalid UTF-8: error (default), replace with U+FFFD, pass through")
        p.add_argument("--no-progress", action="store_true", help="no progress bar on a terminal")
        return p

    def dictionary_options(p):
        p.add_argument("--dict", metavar="FILE", help="compiled dictionary (default: the package's)")
        p.add_argument("--user-words", metavar="FILE", help="extra words, one a line")

    p = command("segment", "natural text -> words joined with '_'")
    dictionary_options(p)
    p.add_argument("--tokenize", action="store_true",
                   help="VnCoreNLP/PhoBERT style: words and punctuation separated by one space")
    p.add_argument("--sentences", action="store_true", help="one sentence a line")
    p = command("resegment", "re-segment text another tool segmented")
    dictionary_options(p)
    p = command("join", "'_' form -> natural text")
    p.add_argument("--detok", action="store_true", help="also undo tokenized spacing")
    p = command("normalize", "NFC, Unicode spaces, invisible characters, tone-mark placement")
    p.add_argument("--tone", choices=["keep", "old", "new"], default="keep")
    p.add_argument("--fold-quotes", action="store_true")
    p.add_argument("--keep-spaces", action="store_true")
    p.add_argument("--keep-invisible", action="store_true")
    command("sentences", "one sentence a line")
    return parser


def main(argv=None):
    args = _parser().parse_args(argv)
    from . import InputError, convert_files, local_client

    kwargs = {k: v for k, v in vars(args).items()
              if k in ("tokenize", "sentences", "detok", "tone", "fold_quotes", "keep_spaces",
                       "keep_invisible", "user_words")}
    if getattr(args, "dict", None):
        kwargs["dict_path"] = args.dict
    if args.workers is not None and args.workers < 1:
        print(f"vnseg.dask {args.command}: --workers: must be at least 1", file=sys.stderr)
        return 2
    client = args.scheduler
    try:
        if client is None and args.workers is not None:
            client = local_client(args.workers)
        try:
            convert_files(args.inputs, args.o, op=args.command, client=client,
                          blocksize=args.blocksize, invalid=args.invalid,
                          progress=not args.no_progress and sys.stderr.isatty(), **kwargs)
        finally:
            if client is not None and not isinstance(client, str):
                cluster = client.cluster
                client.close()
                cluster.close()
    except (InputError, OSError, ValueError) as e:
        print(f"vnseg.dask {args.command}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
