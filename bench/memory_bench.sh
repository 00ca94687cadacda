#!/usr/bin/env bash
# Peak memory of every vnseg text command on single lines of 100 MB, with
# and without white space: the README's bounded-memory promise, measured.
#
# usage: bench/memory_bench.sh BUILD_DIR [MB]
#   BUILD_DIR is a built tree (targets vnseg_cli and dictionary); MB the size
#   of each line (default 100). Inputs go to BUILD_DIR/bench/memory/.
#
# Inputs, each one line without a line end:
#   spaces     tests/cli/gen_text.py: Vietnamese-like text, punctuation,
#              e-mails, URLs, emoji, tabs, NBSP; every fifth 5 MB stretch has
#              no punctuation at all
#   letters    aaaa... (one token)
#   glued      Vietnamese syllables without spaces (one token)
#   a-dot      a.a.a.... (no white space, a token every byte)
#   punct      .,;:!?()"'- repeated
#   dots-lines lines of 2 MB of a.a.a.... ending in ". x" (a line end after
#              a stretch without white space; several lines, not one)
#   punct-lines the same with .,;:!?()"'-
# Prints peak RSS (/usr/bin/time -v, "Maximum resident set size") of each
# command on each input, and exits 1 if any exceeds LIMIT_MB (default 64) or
# any command fails. Environment: INPUTS (names from the list above, default
# all), VNSEG (another binary), REF_VNSEG (a reference binary, such as an
# older build: its output must be the same byte for byte, and its RSS is
# printed after a slash; REF_DICT its dictionary).
set -euo pipefail
export LC_ALL=C.UTF-8

if [[ $# -lt 1 || ! -d $1 ]]; then
  echo "usage: $0 BUILD_DIR [MB]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
mb=${2:-100}
limit=${LIMIT_MB:-64}
here=$(cd "$(dirname "$0")" && pwd)
vnseg=${VNSEG:-$build/tools/vnseg}
dict=$build/dictionaries/vnseg.dic
ref=${REF_VNSEG:-}
ref_dict=${REF_DICT:-$dict}
[[ -x $vnseg ]] || { echo "no $vnseg: build target vnseg_cli" >&2; exit 2; }
[[ -f $dict ]] || dict=$(find "$build" -name '*.dic' -size +1M | head -n 1)
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (package time, scripts/install-deps.sh)" >&2; exit 2; }
data=$build/bench/memory
mkdir -p "$data"
bytes=$((mb * 1000 * 1000))

# repeat UNIT OUT: UNIT repeated to `bytes` bytes, no line end.
repeat() {
  python3 - "$1" "$2" "$bytes" <<'PY'
import sys
unit, out, n = sys.argv[1].encode(), sys.argv[2], int(sys.argv[3])
block = unit * (1_000_000 // len(unit) + 1)
with open(out, "wb") as f:
    written = 0
    while written < n:
        part = block[: n - written]
        f.write(part)
        written += len(part)
PY
}
make_inputs() {
  local f=$data/spaces.$mb.txt
  [[ -f $f ]] || python3 "$here/../tests/cli/gen_text.py" "$f" --bytes "$bytes" --seed 42
  [[ -f $data/letters.$mb.txt ]] || repeat a "$data/letters.$mb.txt"
  [[ -f $data/glued.$mb.txt ]] || repeat "hòabìnhtổngthốngphátbiểutạihànộingườidânkhỏethuỷ" "$data/glued.$mb.txt"
  [[ -f $data/a-dot.$mb.txt ]] || repeat "a." "$data/a-dot.$mb.txt"
  [[ -f $data/punct.$mb.txt ]] || repeat ".,;:!?()\"'-" "$data/punct.$mb.txt"
  [[ -f $data/dots-lines.$mb.txt ]] || lines "a." "$data/dots-lines.$mb.txt"
  [[ -f $data/punct-lines.$mb.txt ]] || lines ".,;:!?()\"'-" "$data/punct-lines.$mb.txt"
}
# lines UNIT OUT: lines of UNIT repeated to 2 MB and ". x", to `bytes` bytes.
lines() {
  python3 - "$1" "$2" "$bytes" <<'PY'
import sys
unit, out, n = sys.argv[1].encode(), sys.argv[2], int(sys.argv[3])
line = unit * (2_000_000 // len(unit)) + b". x\n"
with open(out, "wb") as f:
    for _ in range(max(1, n // len(line))):
        f.write(line)
PY
}
make_inputs

commands=(
  "segment" "segment --tokenize" "segment --threads 2" "segment --tokenize --threads 2"
  "resegment" "resegment --threads 2"
  "join" "join --detok" "join --threads 2" "join --detok --threads 2"
  "normalize" "normalize --tone old" "normalize --tone new" "normalize --fold-quotes"
  "normalize --keep-spaces --keep-invisible" "normalize --threads 2"
)
read -r -a inputs <<<"${INPUTS:-spaces letters glued a-dot punct dots-lines punct-lines}"
printf '%-46s' "peak RSS, MB ($mb MB line)"
printf '%12s' "${inputs[@]}"
echo
worst=0
rc=0
for c in "${commands[@]}"; do
  printf '%-46s' "vnseg $c"
  for in in "${inputs[@]}"; do
    args=(--invalid=pass --no-progress)
    [[ $c == segment* || $c == resegment* ]] && args+=(--dict "$dict")
    # shellcheck disable=SC2086
    if ! /usr/bin/time -v -o "$data/time.txt" "$vnseg" $c "${args[@]}" "$data/$in.$mb.txt" \
        >"$data/out.txt" 2>"$data/err.txt"; then
      printf '%12s' FAIL
      rc=1
      continue
    fi
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$data/time.txt")
    rss=$(((kb + 512) / 1024))
    cell=$rss
    if [[ -n $ref ]]; then
      [[ $c == segment* || $c == resegment* ]] && args[-1]=$ref_dict
      # shellcheck disable=SC2086
      /usr/bin/time -v -o "$data/time.txt" "$ref" $c "${args[@]}" "$data/$in.$mb.txt" \
        >"$data/ref.txt" 2>/dev/null || true
      kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$data/time.txt")
      cell="$rss/$(((kb + 512) / 1024))"
      cmp -s "$data/out.txt" "$data/ref.txt" || { cell+="!"; rc=1; }
    fi
    printf '%12s' "$cell"
    ((rss > worst)) && worst=$rss
    ((rss > limit)) && rc=1
  done
  echo
done
rm -f "$data/out.txt" "$data/ref.txt"
echo "largest peak RSS: $worst MB (limit $limit MB)"
[[ -n $ref ]] && echo "(new/reference; ! marks an output that differs from the reference's)"
exit $rc
