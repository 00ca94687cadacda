"""python -m vnseg: the command line of the vnseg tool, from Python.

    python -m vnseg segment   [--tokenize] [--dict F] [--user-words F] [FILE...] [-o OUT]
    python -m vnseg join      [--detok] [FILE...] [-o OUT]
    python -m vnseg resegment [--dict F] [--user-words F] [FILE...] [-o OUT]
    python -m vnseg normalize [--tone old|new|keep] [--fold-quotes] [--keep-spaces]
                              [--keep-invisible] [FILE...] [-o OUT]

FILEs (default stdin, '-' is stdin) are read in blocks of whole lines, each
converted by one library call; the blocks are cut at line ends, where every
conversion gives the same result as on the whole text. Exit status: 0 ok,
1 bad input or data (invalid UTF-8, missing or bad dictionary), 2 usage.
"""
import argparse
import os
import signal
import sys

from . import Segmenter, join, normalize
from ._segmenter import _default_dictionary_path
from ._vnseg import _OutputFile, __version__, _invalid_utf8_message
from ._vnseg import _check_not_an_input as _check_not_an_input_of_cli

_BLOCK_BYTES = 1 << 20


class _InputError(Exception):
    pass


def _blocks(name):
    """Yields the text of `name` in blocks of whole lines, as str."""
    stream = sys.stdin.buffer if name == "-" else open(name, "rb")
    label = "<stdin>" if name == "-" else name
    offset, line = 0, 1
    try:
        while True:
            lines = stream.readlines(_BLOCK_BYTES)
            if not lines:
                return
            block = b"".join(lines)
            try:
                yield block.decode("utf-8")
            except UnicodeDecodeError:
                # The library's message, as the CLI gives it.
                raise _InputError(
                    f"{label}: {_invalid_utf8_message(block, offset, line)}") from None
            offset += len(block)
            line += len(lines)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _check_not_an_input(args):
    """Refuses -o onto a regular file the command reads (a FILE, --dict,
    --user-words): it would be lost, or rewritten in place while mapped.
    The CLI's own check (CheckNotAnInput), so the rule and message are its."""
    if args.o is None:
        return
    inputs = list(args.files) + [getattr(args, name, None) for name in ("dict", "user_words")]
    if hasattr(args, "dict") and args.dict is None:
        inputs.append(_default_dictionary_path())  # the dictionary it will map
    _check_not_an_input_of_cli(args.o, [name for name in inputs if name is not None])


def _run(args, convert):
    """Converts the inputs into stdout or args.o, which is written as `vnseg -o`
    writes it (the same C++ writer): replaced only on success, keeping its
    mode and links; a device or FIFO written directly."""
    out = sys.stdout.buffer if args.o is None else _OutputFile(args.o)
    try:
        for name in args.files or ["-"]:
            for block in _blocks(name):
                out.write(convert(block).encode("utf-8"))
        if args.o is None:
            out.flush()
        else:
            out.commit()
    except BaseException:
        if args.o is not None:
            out.abort()  # the temporary file goes, OUT stays as it was
        raise


def _parser():
    parser = argparse.ArgumentParser(prog="python -m vnseg",
                                     description="Vietnamese word segmentation.")
    version = f"vnseg {__version__}"
    parser.add_argument("--version", action="version", version=version)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name, help_text):
        p = commands.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--version", action="version", version=version)
        p.add_argument("files", nargs="*", metavar="FILE", help="input files (default stdin)")
        p.add_argument("-o", metavar="OUT",
                       help="write to OUT (replaced only when the run succeeds; as vnseg -o)")
        return p

    def dictionary_options(p):
        p.add_argument("--dict", metavar="FILE", help="compiled dictionary (default: the package's)")
        p.add_argument("--user-words", metavar="FILE", help="extra words, one a line")

    p = command("segment", "natural text -> words joined with '_'")
    dictionary_options(p)
    p.add_argument("--tokenize", action="store_true",
                   help="VnCoreNLP/PhoBERT style: words and punctuation separated by one space")

    p = command("resegment", "re-segment text another tool segmented (join, then segment)")
    dictionary_options(p)

    p = command("join", "'_' form -> natural text (exact inverse of segment)")
    p.add_argument("--detok", action="store_true", help="also undo tokenized spacing")

    p = command("normalize", "NFC, Unicode spaces, invisible characters, tone-mark placement")
    p.add_argument("--tone", choices=["keep", "old", "new"], default="keep",
                   help="keep (default), old (hoà khoẻ thuỷ) or new (hòa khỏe thủy)")
    p.add_argument("--fold-quotes", action="store_true", help="curly and angle quotes to \" and '")
    p.add_argument("--keep-spaces", action="store_true", help="keep NBSP and other Unicode spaces")
    p.add_argument("--keep-invisible", action="store_true",
                   help="keep zero-width characters and soft hyphens")
    return parser


def _converter(args):
    """The str -> str function of the command."""
    if args.command == "segment":
        segmenter = Segmenter(args.dict, args.user_words)
        return lambda text: segmenter.segment(text, tokenize=args.tokenize)
    if args.command == "resegment":
        return Segmenter(args.dict, args.user_words).resegment
    if args.command == "join":
        return lambda text: join(text, detok=args.detok)
    # The files are read as UTF-8 (no --from here: the vnseg tool has it).
    return lambda text: normalize(text, from_="utf8", tone=args.tone, fold_quotes=args.fold_quotes,
                                  spaces=not args.keep_spaces, invisible=not args.keep_invisible)


def _stdout_failed(command, error):
    """Reports a failed write to stdout (exit 1). What is still buffered
    could not be written either: drop it, so that the interpreter's own
    flush at exit does not fail a second time with a traceback."""
    print(f"vnseg{command}: cannot write to stdout: {error.strerror or error}", file=sys.stderr)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 1


def main(argv=None):
    try:
        args = _parser().parse_args(argv)
    except SystemExit:  # --help or a usage error: what it printed must get out
        try:
            sys.stdout.flush()
        except OSError as e:
            return _stdout_failed("", e)
        raise
    except OSError as e:  # --help could not write
        return _stdout_failed("", e)
    try:
        _check_not_an_input(args)
        _run(args, _converter(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        # The temporary file is gone (see _run): end by SIGINT itself, as the
        # C++ CLI does (status 130 in a shell). SIGTERM and SIGHUP are
        # handled by the writer in C++ in the same way.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        raise
    except (_InputError, OSError, ValueError) as e:
        print(f"vnseg {args.command}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
