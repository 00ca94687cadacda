#!/usr/bin/env bash
# Bad input, usage errors, damaged dictionaries, huge lines, --help: one
# ctest per CHECK (see tests/cli/CMakeLists.txt).
#
# usage: checks.sh VNSEG WORK_DIR CHECK
#   VNSEG_DICT must name the build's dictionary (ctest sets it).
# shellcheck disable=SC2317  # the checks are called by name, indirectly
VNSEG=$1
WORK=$2
CHECK=$3
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
need_work

SEGMENT_LIKE=(segment "segment --tokenize" resegment join "join --detok" normalize sentences
              "segment --sentences")

# A small file with one invalid byte (0xFF) at line 2, column 21 (counted
# from 1), byte offset 32 of the file.
write_bad_utf8() {
  printf 'dòng một\ndòng hai có lỗi \xff ở đây\nba\n' >"$1"
}

check_invalid_utf8_error() {
  local bad="$WORK/bad.txt" cmd
  write_bad_utf8 "$bad"
  for cmd in "${SEGMENT_LIKE[@]}"; do
    # shellcheck disable=SC2086  # cmd holds a command and its flag
    run $cmd "$bad"
    expect_rc 1 "$cmd FILE with invalid UTF-8"
    expect_err_has "bad.txt: invalid UTF-8 at line 2" "$cmd"
    expect_err_has "(byte offset 32)" "$cmd"
    expect_err_has "byte 0xFF" "$cmd"
    # shellcheck disable=SC2086
    run_in "$bad" $cmd
    expect_rc 1 "$cmd < stdin with invalid UTF-8"
    expect_err_has "<stdin>: invalid UTF-8 at line 2" "$cmd (stdin)"
    # -o: no output file, no temporary left behind.
    rm -f "$WORK"/out.txt*
    # shellcheck disable=SC2086
    run $cmd -o "$WORK/out.txt" "$bad"
    expect_rc 1 "$cmd -o out.txt"
    expect_no_file "$WORK/out.txt*" "$cmd -o out.txt on invalid input"
  done
  # An existing output file is not touched by a failed run.
  printf 'old content\n' >"$WORK/keep.txt"
  run segment -o "$WORK/keep.txt" "$bad"
  expect_rc 1 "segment -o existing file"
  printf 'old content\n' >"$WORK/keep.want"
  expect_same "$WORK/keep.want" "$WORK/keep.txt" "existing -o file after a failed run"
  expect_no_file "$WORK/keep.txt.*" "segment -o existing file: temporaries"
  # The error is found in a later block of a big file too (line counting
  # across the reader's 1 MiB blocks).
  local line='Hà Nội là thủ đô của nước ta.'
  yes "$line" | head -n 60000 >"$WORK/big_bad.txt"
  printf 'abc \xc3\x28 xyz\n' >>"$WORK/big_bad.txt"
  run segment "$WORK/big_bad.txt"
  expect_rc 1 "segment, invalid UTF-8 after 2.5 MB"
  local offset=$(($(printf '%s\n' "$line" | wc -c) * 60000 + 4))
  expect_err_has "line 60001, column 5 (byte offset $offset)" "invalid UTF-8 after 2.5 MB"
}

check_invalid_utf8_replace() {
  local bad="$WORK/bad.txt"
  write_bad_utf8 "$bad"
  printf 'dòng một\ndòng hai có lỗi \xef\xbf\xbd ở đây\nba\n' >"$WORK/replaced.txt"
  run join --invalid=replace "$bad"
  expect_rc 0 "join --invalid=replace"
  expect_same "$WORK/replaced.txt" "$WORK/out" "join --invalid=replace: 0xFF becomes U+FFFD"
  run normalize --invalid replace "$bad"
  expect_rc 0 "normalize --invalid replace"
  expect_same "$WORK/replaced.txt" "$WORK/out" "normalize --invalid replace"
  run segment --invalid=replace "$bad"
  expect_rc 0 "segment --invalid=replace"
  cp "$WORK/out" "$WORK/segmented"
  run join "$WORK/segmented"
  expect_rc 0 "join of segment --invalid=replace output (valid UTF-8)"
  expect_same "$WORK/replaced.txt" "$WORK/out" "segment --invalid=replace | join"
  run resegment --invalid=replace "$bad"
  expect_rc 0 "resegment --invalid=replace"
  expect_same "$WORK/segmented" "$WORK/out" "resegment --invalid=replace = segment --invalid=replace"
}

check_invalid_utf8_pass() {
  local bad="$WORK/bad.txt"
  # Invalid bytes of several kinds: lone continuation, truncated sequences,
  # overlong form, surrogate, next to '_' and inside words.
  printf 'dòng hai có lỗi \xff ở đây\nx_\xc3 \xe1\xbb_y foo_\x80bar \xc0\xaf \xed\xa0\x80 hòa\xe1 bình\n\xf0\x9f' >"$bad"
  round_trip "$bad" "invalid bytes" --invalid=pass
  run segment --invalid=pass "$bad"
  expect_rc 0 "segment --invalid=pass"
  run normalize --invalid=pass "$bad"
  expect_rc 0 "normalize --invalid=pass"
  expect_same "$bad" "$WORK/out" "normalize --invalid=pass copies invalid text through"
}

check_empty_input() {
  local cmd
  : >"$WORK/empty.txt"
  for cmd in "${SEGMENT_LIKE[@]}" "normalize --tone old"; do
    # shellcheck disable=SC2086
    run $cmd
    expect_rc 0 "$cmd < empty stdin"
    expect_out_empty "$cmd < empty stdin"
    # shellcheck disable=SC2086
    run $cmd "$WORK/empty.txt"
    expect_rc 0 "$cmd EMPTY_FILE"
    expect_out_empty "$cmd EMPTY_FILE"
    rm -f "$WORK/o.txt"
    # shellcheck disable=SC2086
    run $cmd -o "$WORK/o.txt" "$WORK/empty.txt"
    expect_rc 0 "$cmd -o o.txt EMPTY_FILE"
    expect_same "$WORK/empty.txt" "$WORK/o.txt" "$cmd -o o.txt EMPTY_FILE"
  done
}

check_usage_errors() {
  local cmd
  for cmd in segment resegment join normalize; do
    run "$cmd" --bogus
    expect_rc 2 "$cmd --bogus"
    expect_err_has "vnseg $cmd: unknown option --bogus" "$cmd --bogus"
    expect_err_has "Try 'vnseg $cmd --help'" "$cmd --bogus"
    expect_out_empty "$cmd --bogus"
    run "$cmd" -o
    expect_rc 2 "$cmd -o (no value)"
    expect_err_has "vnseg $cmd: -o: 1 required FILE missing" "$cmd -o"
    run "$cmd" --invalid=bogus
    expect_rc 2 "$cmd --invalid=bogus"
    expect_err_has "--invalid: must be error, replace or pass, not 'bogus'" "$cmd --invalid=bogus"
    run "$cmd" --help=yes
    expect_rc 2 "$cmd --help=yes"
    expect_err_has "--help takes no value" "$cmd --help=yes"
    expect_out_empty "$cmd --help=yes"
  done
  run segment --tokenize=1
  expect_rc 2 "segment --tokenize=1"
  expect_err_has "--tokenize takes no value" "segment --tokenize=1"
  run join --tokenize
  expect_rc 2 "join --tokenize (segment's flag)"
  expect_err_has "unknown option --tokenize" "join --tokenize"
  run normalize --tone=sideways
  expect_rc 2 "normalize --tone=sideways"
  expect_err_has "--tone: must be keep, old or new, not 'sideways'" "normalize --tone=sideways"
  run frobnicate
  expect_rc 2 "unknown command"
  expect_err_has "vnseg: unknown command 'frobnicate'" "unknown command"
  run
  expect_rc 2 "no command"
  expect_err_has "Usage: vnseg" "no command"
  expect_err_has "vnseg: missing command" "no command"
  run --bogus
  expect_rc 2 "vnseg --bogus"
  expect_err_has "vnseg: unknown option --bogus" "vnseg --bogus"
  run dict
  expect_rc 2 "dict without subcommand"
  expect_err_has "missing subcommand" "dict"
  run dict frob
  expect_rc 2 "dict frob"
  expect_err_has "unknown subcommand 'frob'" "dict frob"
  run dict lookup
  expect_rc 2 "dict lookup without WORD"
  expect_err_has "give at least one WORD" "dict lookup"
  run dict lookup --bogus hòa
  expect_rc 2 "dict lookup --bogus"
  run dict info --bogus
  expect_rc 2 "dict info --bogus"
  run dict build
  expect_rc 2 "dict build without -o"
  expect_err_has "vnseg dict build: -o is required" "dict build"
  run dict learn -o "$WORK/x.dic"
  expect_rc 2 "dict learn without CORPUS"
  expect_err_has "give at least one CORPUS file" "dict learn without CORPUS"
  # Every subcommand names an unknown option, and an argument it takes none
  # of (dict info used to ignore them).
  for cmd in "dict build" "dict learn" "dict info" "dict lookup"; do
    # shellcheck disable=SC2086  # cmd is a command and its subcommand
    run $cmd --bogus x
    expect_rc 2 "$cmd --bogus"
    expect_err_has "vnseg $cmd: unknown option --bogus" "$cmd --bogus"
    expect_err_has "Try 'vnseg $cmd --help'" "$cmd --bogus"
  done
  run dict info stray
  expect_rc 2 "dict info stray"
  expect_err_has "vnseg dict info: unexpected argument 'stray'" "dict info stray"
  run dict info -- stray
  expect_rc 2 "dict info -- stray"
  expect_err_has "unexpected argument 'stray'" "dict info -- stray"
  # A word naming another command is a FILE once a command is chosen.
  run segment join
  expect_rc 1 "segment join (a FILE named join)"
  expect_err_has "vnseg segment: cannot open join" "segment join"
}

check_missing_input() {
  printf 'hòa bình\n' >"$WORK/good.txt"
  local cmd
  for cmd in segment resegment join normalize; do
    run "$cmd" "$WORK/nosuch.txt"
    expect_rc 1 "$cmd MISSING_FILE"
    expect_err_has "vnseg $cmd: cannot open $WORK/nosuch.txt: No such file or directory" "$cmd MISSING_FILE"
    expect_out_empty "$cmd MISSING_FILE"
    # All inputs are opened first: nothing is written, no -o file appears.
    run "$cmd" -o "$WORK/o.txt" "$WORK/good.txt" "$WORK/nosuch.txt"
    expect_rc 1 "$cmd -o o.txt GOOD MISSING"
    expect_no_file "$WORK/o.txt*" "$cmd -o o.txt GOOD MISSING"
  done
  run segment -o "$WORK/no/such/dir/o.txt" "$WORK/good.txt"
  expect_rc 1 "segment -o into a missing directory"
  expect_err_has "cannot create" "segment -o into a missing directory"
  run segment --user-words "$WORK/nosuch.txt" "$WORK/good.txt"
  expect_rc 1 "segment --user-words MISSING"
  expect_err_has "nosuch.txt" "segment --user-words MISSING"
}

check_corrupt_dict() {
  find_python || skip "python3 not found"
  [[ -f ${VNSEG_DICT:-} ]] || { fail "VNSEG_DICT is not a file: '${VNSEG_DICT:-}'"; finish; }
  local dir="$WORK/dicts"
  "$PY" "$CLI_TEST_DIR/dict_corrupt.py" "$VNSEG_DICT" "$dir" --fuzz 12 --seed 7 ||
    { fail "dict_corrupt.py failed"; finish; }
  printf 'Tổng thống Mỹ nói về hòa bình.\n' >"$WORK/text.txt"
  local name text
  while IFS=$'\t' read -r name text; do
    run segment --dict "$dir/$name" "$WORK/text.txt"
    if [[ $text == "*" ]]; then  # random damage: an error or a result, never a crash
      if [[ $RC -eq 0 || $RC -eq 1 ]]; then pass; else fail "segment --dict $name: exit $RC"; show_err; fi
      continue
    fi
    expect_rc 1 "segment --dict $name"
    expect_err_has "vnseg segment: $dir/$name: " "segment --dict $name"
    expect_err_has "$text" "segment --dict $name"
    expect_out_empty "segment --dict $name"
  done <"$dir/cases.tsv"
  # The same through dict info / dict lookup / $VNSEG_DICT.
  run dict info --dict "$dir/truncated.dic"
  expect_rc 1 "dict info --dict truncated.dic"
  expect_err_has "not a usable vnseg dictionary" "dict info --dict truncated.dic"
  run dict lookup --dict "$dir/text.dic" hòa_bình
  expect_rc 1 "dict lookup --dict text.dic"
  expect_err_has "bad magic bytes" "dict lookup --dict text.dic"
  RC=0
  VNSEG_DICT="$dir/truncated.dic" "$VNSEG" segment <"$WORK/text.txt" >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 1 "VNSEG_DICT=truncated.dic segment"
  expect_err_has "truncated?" "VNSEG_DICT=truncated.dic segment"
  run segment --dict "$WORK" "$WORK/text.txt"
  expect_rc 1 "segment --dict DIRECTORY"
  expect_err_has "not a regular file" "segment --dict DIRECTORY"
  run segment --dict "$WORK/nosuch.dic" "$WORK/text.txt"
  expect_rc 1 "segment --dict MISSING"
  expect_err_has "cannot open $WORK/nosuch.dic" "segment --dict MISSING"
  # join and normalize need no dictionary at all.
  RC=0
  VNSEG_DICT="$dir/text.dic" "$VNSEG" join <"$WORK/text.txt" >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 0 "join with a broken VNSEG_DICT"
}

# A word list that is a directory or cannot be read is an error naming it,
# for every reader (--user-words, dict build, dict lookup); it used to be
# read as an empty list. A UTF-8 BOM before the first word is skipped (it
# used to make the first word unmatchable).
check_word_list_files() {
  printf 'Mạng xã hội lan truyền\n' >"$WORK/text.txt"
  mkdir -p "$WORK/words.d"
  local bad cmd
  for bad in "$WORK/words.d" /proc/self/mem; do
    for cmd in segment resegment; do
      run "$cmd" --user-words "$bad" "$WORK/text.txt"
      expect_rc 1 "$cmd --user-words $bad"
      expect_err_has "vnseg $cmd: " "$cmd --user-words $bad"
      expect_err_has "$bad" "$cmd --user-words $bad"
      expect_out_empty "$cmd --user-words $bad"
    done
    run dict lookup --user-words "$bad" hòa_bình
    expect_rc 1 "dict lookup --user-words $bad"
    expect_err_has "$bad" "dict lookup --user-words $bad"
    run dict build -o "$WORK/x.dic" "$bad"
    expect_rc 1 "dict build LIST=$bad"
    expect_err_has "$bad" "dict build LIST=$bad"
    run dict build -o "$WORK/x.dic" --base "$bad"
    expect_rc 1 "dict build --base $bad"
    expect_no_file "$WORK/x.dic*" "dict build --base $bad"
  done
  run segment --user-words "$WORK/words.d" "$WORK/text.txt"
  expect_err_has "words.d: is a directory" "segment --user-words DIR"
  run segment --user-words /proc/self/mem "$WORK/text.txt"
  expect_err_has "cannot read /proc/self/mem: Input/output error" "segment --user-words UNREADABLE"

  printf '\xef\xbb\xbfmạng xã hội\n' >"$WORK/bom.txt"
  run segment --user-words "$WORK/bom.txt" "$WORK/text.txt"
  expect_rc 0 "segment --user-words BOM_LIST"
  expect_out_has "Mạng_xã_hội lan_truyền" "segment --user-words BOM_LIST"
  run dict lookup --user-words "$WORK/bom.txt" mạng_xã_hội
  expect_rc 0 "dict lookup --user-words BOM_LIST"
  run dict build -o "$WORK/bom.dic" "$WORK/bom.txt"
  expect_rc 0 "dict build BOM_LIST"
  run dict lookup --dict "$WORK/bom.dic" mạng_xã_hội
  expect_rc 0 "dict lookup in a dictionary built from BOM_LIST"
}

# User words that can never match (punctuation inside: an en dash, '.', ...;
# not '-', which stays inside a syllable token) are skipped with a warning:
# how many, the first lines; the run goes on, exit 0.
check_user_words_skipped() {
  printf 'Mạng xã hội lan truyền tin về Nagorno-Karabakh\n' >"$WORK/text.txt"
  printf '# a comment\nNagorno–Karabakh\nlan truyền\na.b\nx,y\nu/v\np:q\nr;s\nNagorno-Karabakh\n' \
    >"$WORK/words.txt"
  local cmd
  for cmd in segment resegment "dict lookup"; do
    local args=("$WORK/text.txt")
    [[ $cmd == "dict lookup" ]] && args=(lan_truyền)
    # shellcheck disable=SC2086  # cmd holds a command and its subcommand
    run $cmd --user-words "$WORK/words.txt" "${args[@]}"
    expect_rc 0 "$cmd --user-words with skipped entries"
    expect_err_has "vnseg $cmd: warning: $WORK/words.txt: 6 entries skipped, never matched (punctuation inside a word): line 2 'Nagorno–Karabakh', line 4 'a.b', line 5 'x,y', line 6 'u/v', line 7 'p:q', ..." \
      "$cmd --user-words: the skipped entries"
  done
  run segment --user-words "$WORK/words.txt" "$WORK/text.txt"
  expect_out_has "lan_truyền" "segment --user-words: the other entries are used"
  run dict lookup --user-words "$WORK/words.txt" Nagorno-Karabakh
  expect_out_has "found	from=user" "dict lookup: Nagorno-Karabakh (a hyphen) is a user word"
  printf 'lan truyền\nNagorno–Karabakh\n' >"$WORK/one.txt"
  run segment --user-words "$WORK/one.txt" "$WORK/text.txt"
  expect_err_has "warning: $WORK/one.txt: 1 entry skipped, never matched (punctuation inside a word): line 2 'Nagorno–Karabakh'" \
    "segment --user-words: one skipped entry"
  printf 'lan truyền\n' >"$WORK/good.txt"
  run segment --user-words "$WORK/good.txt" "$WORK/text.txt"
  expect_rc 0 "segment --user-words without skipped entries"
  if [[ -s $WORK/err ]]; then fail "segment --user-words good.txt: stderr not empty"; show_err; else pass; fi
}

# dict build (and learn) report the entries of each list they skip as
# --user-words does: the list, how many, the first lines; the build goes on.
check_dict_build_skipped() {
  printf '# a comment\nNagorno–Karabakh\nlan truyền\na.b\nx,y\nu/v\np:q\nr;s\nNagorno-Karabakh\n' \
    >"$WORK/words.txt"
  printf 'mạng xã hội\nv.v\n' >"$WORK/base.txt"
  run dict build -o "$WORK/skipped.dic" --base "$WORK/base.txt" "$WORK/words.txt"
  expect_rc 0 "dict build with skipped entries"
  expect_err_has "vnseg dict build: warning: $WORK/words.txt: 6 entries skipped, never matched (punctuation inside a word): line 2 'Nagorno–Karabakh', line 4 'a.b', line 5 'x,y', line 6 'u/v', line 7 'p:q', ..." \
    "dict build: the skipped entries of a LIST"
  expect_err_has "vnseg dict build: warning: $WORK/base.txt: 1 entry skipped, never matched (punctuation inside a word): line 2 'v.v'" \
    "dict build: the skipped entries of a --base LIST"
  expect_err_has "3 words -> $WORK/skipped.dic" "dict build: the other entries are built"
  expect_err_has "7 entries skipped (punctuation inside: never matchable)" "dict build: the total"
  run dict lookup --dict "$WORK/skipped.dic" lan_truyền Nagorno-Karabakh
  expect_rc 0 "dict lookup in a dictionary built with skipped entries"
}

# Output that cannot be written (here /dev/full: ENOSPC) is an error, exit 1
# with a message, for every command that writes stdout: help and dict
# info/lookup used to exit 0. (Never `-o /dev/full`: as root, the -o writer
# of main 4d69068 replaces the device by a file.)
check_stdout_full() {
  printf 'Tổng thống Mỹ nói về hòa bình.\n' >"$WORK/text.txt"
  local cmd
  for cmd in --help -h help --version "dict --help" "dict info" "dict lookup hòa_bình" \
             "dict lookup nosuchword" "dict info --help" "dict lookup --help" \
             "dict build --help" "dict learn --help" "segment --help" "resegment --help" \
             "join --help" "normalize --help" \
             segment "segment --tokenize" "segment --threads 2" resegment join "join --detok" \
             normalize; do
    RC=0
    # shellcheck disable=SC2086  # cmd holds a command and its flags
    "$VNSEG" $cmd <"$WORK/text.txt" >/dev/full 2>"$WORK/err" || RC=$?
    expect_rc 1 "vnseg $cmd >/dev/full"
    expect_err_has "No space left on device" "vnseg $cmd >/dev/full"
  done
  RC=0
  "$VNSEG" dict info >/dev/full 2>"$WORK/err" || RC=$?
  expect_err_has "vnseg dict info: cannot write to stdout: No space left on device" "dict info >/dev/full"
  # Many words: the failure comes from a write in the middle, not the last flush.
  local words=()
  for _ in $(seq 1 3000); do words+=(hòa_bình); done
  RC=0
  "$VNSEG" dict lookup "${words[@]}" >/dev/full 2>"$WORK/err" || RC=$?
  expect_rc 1 "dict lookup of 3000 words >/dev/full"
  expect_err_has "cannot write to stdout" "dict lookup of 3000 words >/dev/full"
}

# A 50 MB single line (no newline) of Vietnamese-like text: segment | join
# gives it back byte for byte, in bounded time.
# ICU's getNFCInstance failing (its data missing) made vnseg dereference
# null: every command that needs it now exits 1 saying why.
check_icu_missing() {
  local shim=${VNSEG_ICU_FAIL_PRELOAD:-} cmd
  [[ -f $shim ]] || { fail "VNSEG_ICU_FAIL_PRELOAD is not a file: '$shim'"; finish; }
  # Not `| grep -q`: with pipefail, ldd killed by SIGPIPE when grep quits
  # early made the test skip now and then.
  [[ $(ldd "$VNSEG" 2>/dev/null) == *libicuuc* ]] || skip "vnseg is not linked to a shared ICU"
  printf 'Hoà bình ho\xcc\x80a\n' >"$WORK/in.txt"
  # A sanitizer runtime may insist on coming first; the shim does not care.
  export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
  export LD_PRELOAD=$shim
  for cmd in segment "segment --tokenize" resegment normalize "normalize --tone old" \
             "dict info" "dict lookup hòa_bình"; do
    # shellcheck disable=SC2086  # cmd holds a command and its arguments
    run_in "$WORK/in.txt" $cmd
    expect_rc 1 "$cmd without ICU's NFC normalizer"
    expect_err_has "ICU has no NFC normalizer (U_FILE_ACCESS_ERROR)" "$cmd without ICU's NFC normalizer"
    expect_out_empty "$cmd without ICU's NFC normalizer"
  done
  run_in "$WORK/in.txt" join  # needs no normalizer
  expect_rc 0 "join without ICU's NFC normalizer"
  unset LD_PRELOAD
}

check_big_line() {
  find_python || skip "python3 not found"
  local big="$WORK/big_line.txt"
  local mb=${VNSEG_BIG_LINE_MB:-50}
  "$PY" "$CLI_TEST_DIR/gen_text.py" "$big" --bytes $((mb * 1000 * 1000)) --seed 42 ||
    { fail "gen_text.py failed"; finish; }
  if [[ $(tr -dc '\n' <"$big" | wc -c) -ne 0 ]]; then fail "generator wrote a newline"; fi
  echo "generated $(wc -c <"$big") bytes, one line"
  local start=$SECONDS
  round_trip "$big" "${mb} MB single line"
  echo "segment | join took $((SECONDS - start)) s"
  rm -f "$big" "$WORK/round_trip.out"
}

check_help() {
  local cmd
  for cmd in --help -h help "dict --help" "dict help" \
             "segment --help" "resegment --help" "join --help" "normalize --help" \
             "sentences --help" "dict build --help" "dict info --help" "dict lookup --help"; do
    # shellcheck disable=SC2086
    run $cmd
    expect_rc 0 "vnseg $cmd"
    expect_out_has "Usage: vnseg" "vnseg $cmd"
    if [[ -s $WORK/err ]]; then fail "vnseg $cmd wrote to stderr"; else pass; fi
  done
  for cmd in segment resegment join normalize sentences; do
    run "$cmd" --help
    expect_out_has "Usage: vnseg $cmd [OPTIONS] [FILE...]" "$cmd --help"
    expect_out_has "--invalid MODE" "$cmd --help"
  done
  run --version
  expect_rc 0 "vnseg --version"
  expect_out_has "vnseg " "vnseg --version"
  # -h, --help and --version on every command and subcommand (the old
  # parser knew them only at the top level: `vnseg segment --version` and
  # `vnseg dict learn -h` were unknown options).
  local version flag
  version=$(cat "$WORK/out")
  for cmd in segment resegment join normalize dict "dict build" "dict learn" "dict info" \
             "dict lookup"; do
    for flag in -h --help; do
      # shellcheck disable=SC2086
      run $cmd $flag
      expect_rc 0 "vnseg $cmd $flag"
      expect_out_has "Usage: vnseg $cmd [OPTIONS]" "vnseg $cmd $flag"
      if [[ -s $WORK/err ]]; then fail "vnseg $cmd $flag wrote to stderr"; else pass; fi
    done
    # shellcheck disable=SC2086
    run $cmd --version
    expect_rc 0 "vnseg $cmd --version"
    if [[ $(cat "$WORK/out") == "$version" ]]; then
      pass
    else
      fail "vnseg $cmd --version printed '$(cat "$WORK/out")', not '$version'"
    fi
  done
  # Help after options and FILEs still wins, and runs nothing.
  run segment --dict /nonexistent nosuch.txt --help
  expect_rc 0 "vnseg segment ... --help"
  expect_out_has "Usage: vnseg segment" "vnseg segment ... --help"
  # The top-level help lists every command, dict's subcommands included.
  run --help
  for cmd in segment join resegment normalize "dict build" "dict learn" "dict info" \
             "dict lookup"; do
    if grep -qE "^  $cmd  " "$WORK/out"; then pass; else fail "vnseg --help does not list '$cmd'"; fi
  done
}

# Options that repeat keep every value, in order; "--" ends the options of
# every command: what follows is a FILE even if it looks like an option.
# The old parser read repeated options by a second pass over argv that did
# not stop at "--", so `-- --base c.txt` also made c.txt a base list.
check_repeated_options() {
  printf 'cô gái\n' >"$WORK/a.txt"
  printf 'con đường\n' >"$WORK/b.txt"
  printf 'học sinh\n' >"$WORK/c.txt"
  printf 'bàn mèo\n' >"$WORK/-x"
  printf 'cà phê\n' >"$WORK/--base"
  RC=0
  (cd "$WORK" && exec "$VNSEG" dict build -o d.dic --base a.txt --base=b.txt -- -x --base c.txt) \
    >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 0 "dict build --base a --base=b -- -x --base c.txt"
  expect_err_has "5 words" "dict build: five lists, one word each"
  run dict lookup --dict "$WORK/d.dic" cô_gái con_đường bàn_mèo cà_phê học_sinh
  expect_rc 0 "dict lookup of the five words"
  local word from
  while read -r word from; do
    if grep -qP "^$word\t.*\tfrom=$from\$" "$WORK/out"; then
      pass
    else
      fail "dict build: $word should be from=$from: $(grep "^$word" "$WORK/out")"
    fi
  done <<EOF
cô_gái base
con_đường base
bàn_mèo names
cà_phê names
học_sinh names
EOF
  # The conversions: a FILE named -x after "--", stdin as "-", in order.
  printf 'Tổng thống Mỹ\n' >"$WORK/in.txt"
  cp "$WORK/in.txt" "$WORK/-x"
  local cmd
  for cmd in segment resegment join normalize; do
    RC=0
    (cd "$WORK" && exec "$VNSEG" "$cmd" -o out.txt in.txt -- -x -) <"$WORK/in.txt" \
      >"$WORK/out" 2>"$WORK/err" || RC=$?
    expect_rc 0 "$cmd -o out.txt in.txt -- -x -"
    (cd "$WORK" && "$VNSEG" "$cmd" in.txt in.txt in.txt) >"$WORK/want.txt" 2>/dev/null
    expect_same "$WORK/want.txt" "$WORK/out.txt" "$cmd in.txt -- -x -: three inputs in order"
    run "$cmd" -- --bogus
    expect_rc 1 "$cmd -- --bogus (a FILE)"
    expect_err_has "cannot open --bogus" "$cmd -- --bogus"
  done
  # An option that does not repeat, given twice, keeps the last value (as
  # the old parser did; CLI11 by default refuses it).
  run segment -o "$WORK/first.txt" -o "$WORK/second.txt" "$WORK/in.txt"
  expect_rc 0 "segment -o first -o second"
  expect_no_file "$WORK/first.txt" "segment -o first -o second: not first"
  printf 'Tổng_thống Mỹ\n' >"$WORK/want.txt"
  expect_same "$WORK/want.txt" "$WORK/second.txt" "segment -o first -o second: second"
  run normalize --tone new --tone old "$WORK/in.txt"
  expect_rc 0 "normalize --tone new --tone old"
  # dict learn: repeated --base, a CORPUS named like an option.
  printf 'cô_gái đi trên con_đường .\nhọc_sinh thấy cô_gái .\n' >"$WORK/--names"
  RC=0
  (cd "$WORK" && exec "$VNSEG" dict learn -o l.dic --base a.txt --base b.txt --names c.txt \
     -- --names) >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 0 "dict learn --base a --base b --names c -- --names"
  expect_err_has "2 lines (0 skipped)" "dict learn read the CORPUS named --names"
  run dict lookup --dict "$WORK/l.dic" -- con_đường
  expect_rc 0 "dict lookup -- WORD"
  expect_out_has "from=base" "dict learn: b.txt is a base list"
}

# Without --dict or VNSEG_DICT the CLI finds the build's dictionary.
check_default_dict() {
  local build_dict=${VNSEG_DICT:-}
  RC=0
  env -u VNSEG_DICT "$VNSEG" dict info >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 0 "dict info with no VNSEG_DICT"
  expect_out_has "file:" "dict info"
  local installed=${VNSEG_INSTALL_DICT:-/usr/local/share/vnseg/vnseg.dic}
  local relocated
  relocated="$(dirname "$VNSEG")/../share/vnseg/vnseg.dic"
  if [[ -n $build_dict && ! -e $installed && ! -e $relocated ]]; then
    expect_out_has "file:           $build_dict" "dict info finds the build tree's dictionary"
  fi
  printf 'Tổng thống Mỹ\n' >"$WORK/in.txt"
  printf 'Tổng_thống Mỹ\n' >"$WORK/want.txt"
  RC=0
  env -u VNSEG_DICT "$VNSEG" segment "$WORK/in.txt" >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 0 "segment with no VNSEG_DICT"
  expect_same "$WORK/want.txt" "$WORK/out" "segment with the default dictionary"
}

# No dictionary: the error lists every place looked in, in order, and how
# to choose one; a damaged one keeps its own error.
check_missing_dict() {
  local missing="$WORK/no/such.dic" cmd
  for cmd in segment resegment "segment --tokenize" "dict info" "dict lookup"; do
    local args=()
    [[ $cmd == "dict lookup" ]] && args=(mèo)
    RC=0
    # shellcheck disable=SC2086  # cmd holds a command and its subcommand
    VNSEG_DICT=$missing "$VNSEG" $cmd "${args[@]}" </dev/null >"$WORK/out" 2>"$WORK/err" || RC=$?
    expect_rc 1 "VNSEG_DICT=missing $cmd"
    expect_out_empty "VNSEG_DICT=missing $cmd"
    expect_err_has "vnseg ${cmd% --*}: no dictionary found; looked in, in order:" "$cmd"
    expect_err_has "  --dict: not given" "$cmd"
    expect_err_has "  \$VNSEG_DICT: $missing: No such file or directory" "$cmd"
    expect_err_has "not looked in, as \$VNSEG_DICT is set:" "$cmd"
    expect_err_has "  installed: ${VNSEG_INSTALL_DICT:-/usr/local/share/vnseg/vnseg.dic}: " "$cmd"
    expect_err_has "Choose one with --dict FILE or VNSEG_DICT=FILE." "$cmd"
  done
  # The order: --dict, $VNSEG_DICT, then the defaults (the build tree's
  # before the configured install path, as DefaultDictionaryPath tries them).
  local order
  order=$(grep -oE '^  (--dict|\$VNSEG_DICT|installed, seen from this (library|program)|build tree|installed):' \
          "$WORK/err" | tr -d ' :' | tr '\n' ' ')
  if [[ $order == "--dict \$VNSEG_DICT installed,seenfromthisprogram buildtree installed " ]]; then
    pass
  else
    fail "missing dictionary: places in the wrong order: '$order'"
    show_err
  fi
  if [[ -n ${VNSEG_DICT:-} ]]; then
    expect_err_has "  build tree: $VNSEG_DICT: exists" "the build tree's dictionary is listed"
  fi
  # --dict given: only that file.
  run segment --dict "$missing"
  expect_rc 1 "segment --dict missing"
  expect_err_has "cannot open $missing: No such file or directory" "segment --dict missing"
  if grep -qF "looked in" "$WORK/err"; then fail "segment --dict missing: lists the defaults"; else pass; fi
  # A damaged $VNSEG_DICT: its own error, not "no dictionary found".
  printf 'not a dictionary' >"$WORK/bad.dic"
  RC=0
  VNSEG_DICT="$WORK/bad.dic" "$VNSEG" segment </dev/null >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 1 "VNSEG_DICT=bad.dic segment"
  expect_err_has "bad.dic" "VNSEG_DICT=bad.dic segment"
  if grep -qF "looked in" "$WORK/err"; then fail "VNSEG_DICT=bad.dic: says missing"; else pass; fi
}

# Text segmented already: `segment` says once on stderr (not per line,
# block, thread or file) that `resegment` is meant; output and exit code as
# without the hint. Natural text, and resegment, get none.
check_segmented_hint() {
  local hint="hint: the input looks segmented already"
  {
    printf 'Trả_lời phỏng_vấn , ông Lộc nói : bán đất với giá không được ủy_ban tỉnh phê_duyệt .\n'
    printf 'Công_trình đường Trương_Định do công_ty chi_nhánh Bạch_Đằng thi_công .\n'
    printf 'Họ đưa chúng_tôi đến khu_vực công_trường , nơi không có bóng_dáng người dân .\n'
  } >"$WORK/seg.txt"
  sed 's/_/ /g' "$WORK/seg.txt" >"$WORK/raw.txt"
  local args
  for args in "" "--tokenize" "--threads 2" "--threads 0"; do
    # shellcheck disable=SC2086  # args holds options
    run segment $args "$WORK/seg.txt" "$WORK/seg.txt"
    expect_rc 0 "segment $args SEGMENTED"
    expect_err_has "vnseg segment: $hint" "segment $args SEGMENTED"
    if [[ $(grep -c "$hint" "$WORK/err") -eq 1 && $(wc -l <"$WORK/err") -eq 1 ]]; then
      pass
    else
      fail "segment $args SEGMENTED SEGMENTED: not one line of hint"
      show_err
    fi
    if grep -qF "hint" "$WORK/out"; then fail "segment $args: the hint is in stdout"; else pass; fi
    # shellcheck disable=SC2086
    run segment $args "$WORK/raw.txt"
    expect_rc 0 "segment $args RAW"
    if [[ -s $WORK/err ]]; then fail "segment $args RAW: stderr not empty"; show_err; else pass; fi
  done
  # Many pieces (128-byte blocks, each enough for a hint): still once;
  # output lossless as always.
  RC=0
  VNSEG_BLOCK_SIZE=128 "$VNSEG" segment "$WORK/seg.txt" >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 0 "segment SEGMENTED in 128-byte blocks"
  [[ $(grep -c "$hint" "$WORK/err") -eq 1 ]] && pass || fail "128-byte blocks: not one hint"
  cp "$WORK/out" "$WORK/seg.out"
  run segment "$WORK/seg.txt"
  expect_same "$WORK/seg.out" "$WORK/out" "segment SEGMENTED: the same output in blocks"
  run join "$WORK/seg.out"
  expect_same "$WORK/seg.txt" "$WORK/out" "segment SEGMENTED | join (lossless)"
  run resegment "$WORK/seg.txt"
  expect_rc 0 "resegment SEGMENTED"
  if [[ -s $WORK/err ]]; then fail "resegment SEGMENTED: stderr not empty"; show_err; else pass; fi
  # Identifiers of code are not words joined with '_'.
  printf 'def foo_bar(x_y): return a_b + c_d\n' >"$WORK/code.txt"
  run segment "$WORK/code.txt"
  if [[ -s $WORK/err ]]; then fail "segment CODE: a hint"; show_err; else pass; fi
}

# -o, several inputs, '-' for stdin.
check_files() {
  printf 'Tổng thống Mỹ\n' >"$WORK/a.txt"
  printf 'hòa bình' >"$WORK/b.txt"
  printf 'học sinh\n' >"$WORK/c.txt"
  printf 'Tổng_thống Mỹ\nhòa_bìnhhọc_sinh\n' >"$WORK/want.txt"
  RC=0
  "$VNSEG" segment "$WORK/a.txt" - "$WORK/b.txt" <"$WORK/c.txt" >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 0 "segment a.txt - b.txt"
  printf 'Tổng_thống Mỹ\nhọc_sinh\nhòa_bình' >"$WORK/want2.txt"
  expect_same "$WORK/want2.txt" "$WORK/out" "segment a.txt - b.txt (stdin in the middle)"
  run segment -o "$WORK/o.txt" "$WORK/a.txt" "$WORK/b.txt" "$WORK/c.txt"
  expect_rc 0 "segment -o o.txt a b c"
  expect_out_empty "segment -o o.txt"
  expect_same "$WORK/want.txt" "$WORK/o.txt" "segment -o o.txt a b c"
  expect_no_file "$WORK/o.txt.*" "segment -o o.txt: temporaries"
  # -o replaces an existing file, but not one of the inputs (see
  # output_is_input): that is refused and the file stays.
  run join -o "$WORK/o.txt" "$WORK/a.txt"
  expect_rc 0 "join -o o.txt a.txt"
  printf 'Tổng thống Mỹ\n' >"$WORK/want3.txt"
  expect_same "$WORK/want3.txt" "$WORK/o.txt" "join -o o.txt a.txt replaces o.txt"
  run join -o "$WORK/o.txt" "$WORK/o.txt"
  expect_rc 1 "join -o o.txt o.txt"
  expect_same "$WORK/want3.txt" "$WORK/o.txt" "join -o o.txt o.txt: refused, unchanged"
}

# dict learn: a corpus that splits what the word list joins, learned into a
# dictionary whose model then segments that way; its errors name the file.
check_dict_learn() {
  printf 'cô gái\ncon đường\nhọc sinh\n' >"$WORK/list.txt"
  printf '%s\n' "Cô gái đi trên con đường ." "hai cô gái và con đường ." \
    "học_sinh thấy cô gái ." "con đường có học_sinh ." >"$WORK/corpus.txt"
  run dict learn -o "$WORK/learned.dic" --base "$WORK/list.txt" \
    --export-model "$WORK/model.tsv" --export-words "$WORK/words.txt" "$WORK/corpus.txt"
  expect_rc 0 "dict learn"
  expect_err_has "4 lines (0 skipped)" "dict learn report"
  RC=0
  "$VNSEG" dict info --dict "$WORK/learned.dic" >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 0 "dict info of a learned dictionary"
  expect_out_has "n-gram weights" "dict info shows the model"
  printf 'hai cô gái có học sinh\n' >"$WORK/in.txt"
  printf 'hai cô gái có học_sinh\n' >"$WORK/want.txt"
  RC=0
  "$VNSEG" segment --dict "$WORK/learned.dic" "$WORK/in.txt" >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 0 "segment with a learned dictionary"
  expect_same "$WORK/want.txt" "$WORK/out" "the learned convention"
  # The exported text form compiles into the same segmentation.
  run dict build -o "$WORK/built.dic" --base "$WORK/list.txt" --corpus-words "$WORK/words.txt" \
    --model "$WORK/model.tsv"
  expect_rc 0 "dict build --model"
  RC=0
  "$VNSEG" segment --dict "$WORK/built.dic" "$WORK/in.txt" >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_same "$WORK/want.txt" "$WORK/out" "segment with the rebuilt dictionary"
  # Bad inputs: a corpus with invalid UTF-8, a damaged model file.
  printf 'một\nhai \xff ba\n' >"$WORK/bad.txt"
  run dict learn -o "$WORK/x.dic" --base "$WORK/list.txt" "$WORK/bad.txt"
  expect_rc 1 "dict learn of invalid UTF-8"
  expect_err_has "invalid UTF-8 at line 2" "dict learn of invalid UTF-8"
  expect_no_file "$WORK/x.dic" "dict learn of invalid UTF-8: no output"
  { head -n 1 "$WORK/model.tsv"; printf 'N\tcô\t1 2 zz 4\n'; } >"$WORK/bad.tsv"
  run dict build -o "$WORK/x.dic" --base "$WORK/list.txt" --model "$WORK/bad.tsv"
  expect_rc 1 "dict build with a damaged model"
  expect_err_has "bad.tsv:2: bad weight" "dict build with a damaged model"
  run dict learn -o "$WORK/x.dic" --epochs 0 "$WORK/corpus.txt"
  expect_rc 2 "dict learn --epochs 0"
  expect_err_has "--epochs: must be a whole number from 1 to 1000, not '0'" "dict learn --epochs 0"
  run dict learn -o "$WORK/x.dic" --case-variants 1.5 "$WORK/corpus.txt"
  expect_rc 2 "dict learn --case-variants 1.5"
  expect_err_has "--case-variants: must be a number from 0 to 1, not '1.5'" "dict learn --case-variants 1.5"
  expect_no_file "$WORK/x.dic" "dict learn --case-variants 1.5: no output"
}

# --threads N converts blocks in parallel: the output must be the same as
# with one thread, for every command, on text of several 1 MiB blocks
# (the golden inputs repeated, with a line longer than a block); an invalid
# byte is reported at the same place, after the same output.
check_threads() {
  local golden i cmd
  golden=$(dirname "$0")/golden
  for i in $(seq 1 300); do cat "$golden"/*/input.txt; done >"$WORK/big.txt"
  yes 'Tổng thống Mỹ nói hòa bình' | head -n 60000 | paste -sd' ' >>"$WORK/big.txt"
  for cmd in segment "segment --tokenize" resegment join "join --detok" normalize sentences \
             "segment --sentences"; do
    # shellcheck disable=SC2086  # cmd holds a command and its flag
    run $cmd --threads 1 "$WORK/big.txt"
    expect_rc 0 "$cmd --threads 1"
    mv "$WORK/out" "$WORK/one.txt"
    # shellcheck disable=SC2086
    run $cmd --threads 3 "$WORK/big.txt"
    expect_rc 0 "$cmd --threads 3"
    expect_same "$WORK/one.txt" "$WORK/out" "$cmd: --threads 3 as --threads 1"
  done
  printf 'tail \xff\n' >>"$WORK/big.txt"
  run segment --threads 1 "$WORK/big.txt"
  expect_rc 1 "segment --threads 1 with a bad byte at the end"
  mv "$WORK/out" "$WORK/one.txt"
  mv "$WORK/err" "$WORK/one.err"
  run segment --threads 2 "$WORK/big.txt"
  expect_rc 1 "segment --threads 2 with a bad byte at the end"
  expect_same "$WORK/one.txt" "$WORK/out" "output before the bad byte, --threads 2"
  expect_same "$WORK/one.err" "$WORK/err" "error message, --threads 2"
  run segment --threads -1 "$WORK/big.txt"
  expect_rc 2 "segment --threads -1"
  expect_err_has "--threads: must be a whole number from 0 to 256, not '-1'" "segment --threads -1"
  run segment --threads 257 "$WORK/big.txt"
  expect_rc 2 "segment --threads 257"
}

# --- Lines longer than the reader's 1 MiB block.

# Tokenized output depends on the whole line: it must not be cut inside one
# (a cut used to glue the words on both sides of it).
long_line_tokenize() {
  # Numbers separated by single spaces: every token is its own word, so
  # `segment --tokenize` must print the line unchanged.
  yes 12345 | head -n 400000 | paste -sd' ' >"$WORK/numbers.txt"
  run segment --tokenize "$WORK/numbers.txt"
  expect_rc 0 "segment --tokenize, 2.4 MB line"
  expect_same "$WORK/numbers.txt" "$WORK/out" "segment --tokenize of a 2.4 MB line of numbers"
}

long_line_detok() {
  yes 12345 | head -n 400000 | paste -sd' ' >"$WORK/numbers.txt"
  run join --detok "$WORK/numbers.txt"
  expect_rc 0 "join --detok, 2.4 MB line"
  expect_same "$WORK/numbers.txt" "$WORK/out" "join --detok of a 2.4 MB line of numbers"
}

# The error message's column counts from the start of the line even when
# the line spans several read blocks.
long_line_error_column() {
  yes 'hòa bình' | head -n 300000 | paste -sd' ' | tr -d '\n' >"$WORK/long.txt"
  printf ' \xe1\xbb end\n' >>"$WORK/long.txt"
  local col=$(($(wc -c <"$WORK/long.txt") - 7))
  run segment "$WORK/long.txt"
  expect_rc 1 "segment, invalid UTF-8 at byte $col of a long line"
  expect_err_has "line 1, column $((col + 1)) (byte offset $col)" "error position in a long line"
}

# A line longer than one block is cut only where both parts segment like the
# whole: not after ", ", where a name after the cut would be taken for the
# start of a sentence ("…, Bùi Văn Luyến" must stay "…, Bùi_Văn_Luyến").
long_line_sentence_start() {
  local unit='hòa bình, ' tail n unit_len
  tail=$(printf 'Bùi Văn Luyến đến thăm nhà %.0s' {1..20})
  unit_len=$(printf '%s' "$unit" | wc -c)
  n=$(((1048576 - 200) / unit_len))  # the last ", " of the first block is the cut
  { yes "$unit" | head -n "$n" | tr -d '\n'; printf '%s\n' "$tail"; } >"$WORK/long.txt"
  { printf '%s' "$unit"; printf '%s\n' "$tail"; } >"$WORK/short.txt"
  run segment "$WORK/short.txt"
  expect_rc 0 "segment short line"
  cp "$WORK/out" "$WORK/short.seg"
  # The long line must segment as n - 1 units followed by the short line.
  { yes "$(head -c "$unit_len" "$WORK/short.seg")" | head -n $((n - 1)) | tr -d '\n'
    cat "$WORK/short.seg"; } >"$WORK/want.txt"
  run segment "$WORK/long.txt"
  expect_rc 0 "segment 1 MiB line"
  expect_same "$WORK/want.txt" "$WORK/out" "segment of a 1 MiB line cut after ', '"
}

# Every command, cut in pieces of VNSEG_BLOCK_SIZE bytes (a test hook of the
# reader), writes what it writes for whole lines: the golden inputs (no line
# longer than 110 bytes), as they are and as one line (a tab between them, so
# that every block holds a cut that changes no word), and lines without
# white space.
long_line_pieces() {
  cat "$CLI_TEST_DIR"/golden/*/input.txt >"$WORK/lines.txt"
  tr '\n' '\t' <"$WORK/lines.txt" >"$WORK/one_line.txt"
  printf 'a%.0s' {1..3000} >"$WORK/letters.txt"
  printf 'hòabìnhtổngthống%.0s' {1..200} >"$WORK/glued.txt"
  printf '.,;:!?()"%.0s' {1..300} >"$WORK/punct.txt"
  printf 'hòa_bình_%.0s' {1..300} >"$WORK/joints.txt"
  "$VNSEG" segment --tokenize "$WORK/one_line.txt" >"$WORK/tokenized.txt"
  "$VNSEG" segment "$WORK/one_line.txt" >"$WORK/segmented.txt"
  local in c inputs
  for c in "segment" "segment --tokenize" "resegment" "join" "join --detok" "normalize" \
           "normalize --tone old" "normalize --tone new --fold-quotes" \
           "segment --tokenize --threads 2" "join --detok --threads 2"; do
    inputs="lines one_line letters glued punct"
    [[ $c == join* ]] && inputs="lines one_line letters glued punct tokenized segmented joints"
    [[ $c == segment* ]] && inputs+=" joints"
    for in in $inputs; do
      # shellcheck disable=SC2086
      "$VNSEG" $c "$WORK/$in.txt" >"$WORK/whole.out" 2>"$WORK/err" || fail "$c $in.txt: exit $?"
      # shellcheck disable=SC2086
      VNSEG_BLOCK_SIZE=256 "$VNSEG" $c "$WORK/$in.txt" >"$WORK/pieces.out" 2>"$WORK/err" ||
        fail "$c $in.txt, 256-byte blocks: exit $?"
      expect_same "$WORK/whole.out" "$WORK/pieces.out" "$c of $in.txt in 256-byte blocks"
    done
  done
  RC=0
  VNSEG_BLOCK_SIZE=12x "$VNSEG" join "$WORK/lines.txt" >"$WORK/out" 2>"$WORK/err" || RC=$?
  expect_rc 2 "VNSEG_BLOCK_SIZE=12x"
}

# Blocks of 16 to 40 bytes (VNSEG_BLOCK_SIZE): nearly every read ends on a
# space, a quote or a '_', and a cut often takes the whole buffer. The state
# of the line must still go on to the next piece: every command writes what
# it writes for whole lines, on random lines of words, quotes, brackets and
# '_' and on the golden inputs. (Segment cuts a run of syllables at a single
# space where no exact cut is in the block, stream_cut.h: its random lines
# have none, and the golden inputs are cut in 256-byte blocks above.)
small_block_pieces() {
  find_python || skip "python3 not found"
  "$PY" - "$WORK/random.txt" "$WORK/spaced.txt" <<'PY'
import random, sys
rng = random.Random(11)
tokens = ["hòa", "bình", "hoà_bình", "Khánh_Hoà", "tiếp", "Việt", "Nam", '"', "'", "(", ")",
          "“", "”", ",", ".", "...", "!", "_", "__", "a__b", "x_y", "12", "TP.HCM", "😀"]
for out, seps in ((sys.argv[1], [" "] * 8 + ["  ", "\t", ""]), (sys.argv[2], ["  ", "\t", " \t"])):
    with open(out, "w", encoding="utf-8") as f:
        for _ in range(150):
            n = rng.randint(1, 30)
            f.write("".join(rng.choice(tokens) + rng.choice(seps) for _ in range(n)) + "\n")
PY
  cat "$CLI_TEST_DIR"/golden/*/input.txt >"$WORK/golden.txt"
  "$VNSEG" segment --tokenize "$WORK/random.txt" >"$WORK/tokenized.txt"
  "$VNSEG" segment "$WORK/random.txt" >"$WORK/segmented.txt"
  local c in block inputs blocks
  for c in "segment" "segment --tokenize" "resegment" "join" "join --detok" "normalize" \
           "segment --tokenize --threads 2" "join --detok --threads 2"; do
    inputs="spaced"
    blocks="16 17 19 23 29 31 37 40"  # each run loads the dictionary
    [[ $c == normalize ]] && inputs+=" random golden"
    [[ $c == join* ]] && { inputs="random golden tokenized segmented"; blocks=$(seq 16 40); }
    for in in $inputs; do
      # shellcheck disable=SC2086
      "$VNSEG" $c "$WORK/$in.txt" >"$WORK/whole.out" 2>"$WORK/err" || fail "$c $in.txt: exit $?"
      for block in $blocks; do
        # shellcheck disable=SC2086
        VNSEG_BLOCK_SIZE=$block "$VNSEG" $c "$WORK/$in.txt" >"$WORK/pieces.out" 2>"$WORK/err" ||
          fail "$c $in.txt, $block-byte blocks: exit $?"
        expect_same "$WORK/whole.out" "$WORK/pieces.out" "$c of $in.txt in $block-byte blocks"
      done
    done
  done
}

# sentences and segment --sentences cut a long line at a sentence start
# (CutRules::kSentences): in blocks longer than every sentence, the output
# is that of whole lines; a line of 1.5 MB is read in 1 MiB blocks with the
# same output; a line with no sentence end is still read in bounded pieces.
sentence_pieces() {
  find_python || skip "python3 not found"
  "$PY" - "$WORK/lines.txt" "$WORK/long.txt" <<'PY'
import random, sys
rng = random.Random(14)
words = ["hòa", "bình", "Việt", "Nam", "TP.", "Hồ", "Q.", "1", "1.000", "A.", "v.v.", "(a)",
         "“Đi”", "x@y.vn", "...", "anh", "Ông", "nói:", '"', "'", "_", "a_b"]
ends = [".", "!", "?", "?!", "...", ".”", ".)", ""]
def sentence():
    n = rng.randint(1, 8)
    s = " ".join(rng.choice(words) for _ in range(n))
    return s[0].upper() + s[1:] + rng.choice(ends)
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for _ in range(200):
        f.write(rng.choice([" ", "  ", "\t"]).join(sentence() for _ in range(rng.randint(1, 40))) + "\n")
with open(sys.argv[2], "w", encoding="utf-8") as f:
    while f.tell() < 1_500_000:
        f.write(sentence() + " ")
    f.write("\n")
PY
  local c block
  for c in sentences "segment --sentences" "segment --sentences --tokenize" "sentences --threads 2"; do
    # shellcheck disable=SC2086
    "$VNSEG" $c "$WORK/lines.txt" >"$WORK/whole.out" || fail "$c lines.txt: exit $?"
    for block in 256 300 1000; do
      # shellcheck disable=SC2086
      VNSEG_BLOCK_SIZE=$block "$VNSEG" $c "$WORK/lines.txt" >"$WORK/pieces.out" ||
        fail "$c lines.txt, $block-byte blocks: exit $?"
      expect_same "$WORK/whole.out" "$WORK/pieces.out" "$c of lines.txt in $block-byte blocks"
    done
    # shellcheck disable=SC2086
    VNSEG_BLOCK_SIZE=1073741824 "$VNSEG" $c "$WORK/long.txt" >"$WORK/whole.out" ||
      fail "$c long.txt whole: exit $?"
    # shellcheck disable=SC2086
    "$VNSEG" $c "$WORK/long.txt" >"$WORK/pieces.out" || fail "$c long.txt: exit $?"
    expect_same "$WORK/whole.out" "$WORK/pieces.out" "$c of a 1.5 MB line in 1 MiB blocks"
  done
  # No sentence end in 1.7 MB: cut at white space (a cut ends a sentence),
  # every word kept.
  yes 'Tổng thống Mỹ nói hòa bình' | head -n 60000 | paste -sd' ' >"$WORK/flat.txt"
  run sentences "$WORK/flat.txt"
  expect_rc 0 "sentences of a 1.7 MB line with no sentence end"
  tr -d '\n ' <"$WORK/flat.txt" >"$WORK/flat.want"
  tr -d '\n ' <"$WORK/out" >"$WORK/flat.got"
  expect_same "$WORK/flat.want" "$WORK/flat.got" "sentences of a line with no sentence end: every word"
}

# A 1 MiB block that ends on the space of a line that goes on: the piece is
# the whole buffer, and the state after it (a word before) must go on to
# the next piece ("hoà bình Khánh Hoà", not "hoà bìnhKhánh Hoà").
block_ends_on_space() {
  find_python || skip "python3 not found"
  "$PY" -c "
import sys
unit = 'hoà_bình '.encode()
head = b'x' * (1048576 % len(unit)) + unit * (1048576 // len(unit))
assert len(head) == 1048576 and head[1048575:] == b' '
open(sys.argv[1], 'wb').write(head + 'Khánh_Hoà tiếp\n'.encode())" "$WORK/in.txt"
  local c
  for c in "join" "join --detok" "segment" "segment --tokenize" "resegment"; do
    # shellcheck disable=SC2086
    VNSEG_BLOCK_SIZE=1073741824 "$VNSEG" $c "$WORK/in.txt" >"$WORK/whole.out" || fail "$c whole: exit $?"
    # shellcheck disable=SC2086
    "$VNSEG" $c "$WORK/in.txt" >"$WORK/pieces.out" || fail "$c: exit $?"
    expect_same "$WORK/whole.out" "$WORK/pieces.out" "$c of a line whose first block ends on a space"
  done
  if tail -c 30 "$WORK/pieces.out" | grep -q 'bình Khánh_Hoà tiếp'; then pass; else
    fail "resegment: no space before Khánh_Hoà"; fi
}

# Valid UTF-8 without white space whose 256 KiB cut limit falls inside a
# code point (é, then U+20D0 of 3 bytes): it is valid, so every command
# takes it and writes what it writes for the whole, with no U+FFFD.
spaceless_code_point_limit() {
  find_python || skip "python3 not found"
  "$PY" -c "
import sys
open(sys.argv[1], 'w', encoding='utf-8').write('é' + '\u20d0' * 100000)" "$WORK/in.txt"
  local c
  for c in "segment" "segment --tokenize" "resegment" "normalize" "join" "join --detok" \
           "segment --invalid=replace"; do
    # shellcheck disable=SC2086
    VNSEG_BLOCK_SIZE=1073741824 "$VNSEG" $c "$WORK/in.txt" >"$WORK/whole.out" 2>"$WORK/err" ||
      fail "$c whole: exit $?"
    RC=0
    # shellcheck disable=SC2086
    "$VNSEG" $c "$WORK/in.txt" >"$WORK/out" 2>"$WORK/err" || RC=$?
    expect_rc 0 "$c of valid text whose cut limit falls inside a code point"
    expect_same "$WORK/whole.out" "$WORK/out" "$c of é + 100000 U+20D0"
  done
  if grep -q $'\xef\xbf\xbd' "$WORK/out"; then fail "segment --invalid=replace wrote U+FFFD"; else pass; fi
}

# Peak memory on a 20 MB line, with and without white space (the README
# promises bounded memory; bench/memory_bench.sh measures 100 MB lines).
# RSS does not depend on timing: the limit leaves room for other builds.
bounded_memory() {
  find_python || skip "python3 not found"
  [[ -x /usr/bin/time ]] || skip "/usr/bin/time not found (package time)"
  local text=$WORK/text.txt letters=$WORK/letters.txt limit_kb=$((64 * 1024))
  "$PY" "$CLI_TEST_DIR/gen_text.py" "$text" --bytes 20000000 --seed 7 || { fail "gen_text.py failed"; finish; }
  "$PY" -c "import sys; open(sys.argv[1], 'w').write('hòabìnhtổngthống' * 1000000)" "$letters"
  # Stretches without white space before a line end (a piece cut at the
  # line end held them whole): a token a byte, one line and several.
  local dots=$WORK/dots.txt punct=$WORK/punct.txt
  "$PY" -c "
import sys
open(sys.argv[1], 'w').write(('a.' * 2000000 + '. x\n') * 3 + 'x ' + 'a.' * 2000000 + '. x')
open(sys.argv[2], 'w').write(('.,;:!?()\"\'-' * 400000 + '. x\n') * 3)" "$dots" "$punct"
  local in c kb
  for in in "$text" "$letters" "$dots" "$punct"; do
    for c in "segment" "segment --tokenize" "segment --tokenize --threads 2" "join --detok" \
             "normalize --tone new" "tokenize" "tokenize --format conllu --threads 2"; do
      # shellcheck disable=SC2086
      /usr/bin/time -v -o "$WORK/time.txt" "$VNSEG" $c "$in" >/dev/null 2>"$WORK/err" ||
        fail "$c $(basename "$in"): exit $?"
      kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
      if [[ -n $kb && $kb -lt $limit_kb ]]; then
        pass
      else
        fail "$c on $(basename "$in"): peak RSS ${kb:-?} KB, limit $limit_kb KB"
      fi
    done
  done
  rm -f "$text" "$letters" "$dots" "$punct"
}

# normalize --invalid=pass copies the invalid bytes and normalizes the text
# around them (it used to leave the whole block that held one unnormalized).
normalize_pass_block() {
  printf 'Gi\xc3\xa1\xc2\xa0v\xc3\xa0ng\nbad \xff here\n' >"$WORK/in.txt"
  printf 'Gi\xc3\xa1 v\xc3\xa0ng\nbad \xff here\n' >"$WORK/want.txt"
  run normalize --invalid=pass "$WORK/in.txt"
  expect_rc 0 "normalize --invalid=pass"
  expect_same "$WORK/want.txt" "$WORK/out" "normalize --invalid=pass normalizes the valid line (NBSP -> space)"
}

# --- What -o does with OUT (tools/output_file.h): a regular file is replaced
# atomically keeping its mode and hard links, a symlink's target is written,
# a device or FIFO is written as is, a signal leaves no temporary behind.

# The devices of these checks: private nodes of /dev/null and /dev/full
# when root can make them, so that a broken vnseg replaces those and not
# the machine's; the real ones otherwise (only root could replace them).
make_devices() {
  NULL_DEV=/dev/null FULL_DEV=/dev/full
  if [[ $(id -u) -eq 0 ]]; then
    if ! mknod "$WORK/null" c 1 3 || ! mknod "$WORK/full" c 1 7; then
      skip "root, but cannot make device nodes in $WORK (not risking /dev/null)"
    fi
    chmod 0666 "$WORK/null" "$WORK/full"
    NULL_DEV=$WORK/null FULL_DEV=$WORK/full
  fi
}

check_output_device() {
  make_devices
  printf 'Tổng thống Mỹ\n' >"$WORK/in.txt"
  local cmd
  for cmd in segment join normalize; do
    run "$cmd" "$WORK/in.txt" -o "$NULL_DEV"
    expect_rc 0 "$cmd -o $NULL_DEV"
    if [[ -c $NULL_DEV ]]; then pass; else fail "$cmd -o $NULL_DEV: no longer a character device"; fi
    [[ -c $NULL_DEV ]] || { rm -f "$NULL_DEV"; mknod "$NULL_DEV" c 1 3; }
  done
  run dict build -o "$NULL_DEV" "$WORK/in.txt"
  expect_rc 0 "dict build -o $NULL_DEV"
  if [[ -c $NULL_DEV ]]; then pass; else fail "dict build -o $NULL_DEV: no longer a character device"; fi
  run segment "$WORK/in.txt" -o "$FULL_DEV"
  expect_rc 1 "segment -o $FULL_DEV"
  expect_err_has "cannot write $FULL_DEV: No space left on device" "segment -o $FULL_DEV"
  if [[ -c $FULL_DEV ]]; then pass; else fail "segment -o $FULL_DEV: no longer a character device"; fi
  expect_no_file "$WORK/*.vnseg-tmp-*" "-o device: temporaries"
}

# A write error on a regular OUT (EFBIG from a file size limit, as ENOSPC
# on a full disk): the path and the reason, exit 1, OUT and the folder as
# they were.
check_output_write_error() {
  yes 'Tổng thống Mỹ nói hòa bình' | head -n 2000 >"$WORK/in.txt"
  printf 'old\n' >"$WORK/out.txt"
  cp "$WORK/out.txt" "$WORK/out.want"
  RC=0
  (ulimit -f 8 && trap '' XFSZ && exec "$VNSEG" segment "$WORK/in.txt" -o "$WORK/out.txt") 2>"$WORK/err" || RC=$?
  expect_rc 1 "segment -o past the file size limit"
  expect_err_has "cannot write $WORK/out.txt: File too large" "segment -o past the file size limit"
  expect_same "$WORK/out.want" "$WORK/out.txt" "segment -o past the file size limit: OUT untouched"
  expect_no_file "$WORK/out.txt.*" "segment -o past the file size limit: temporaries"
}

check_output_fifo() {
  printf 'Tổng thống Mỹ\n' >"$WORK/in.txt"
  printf 'Tổng_thống Mỹ\n' >"$WORK/want.txt"
  mkfifo "$WORK/fifo"
  cat "$WORK/fifo" >"$WORK/got.txt" &
  local reader=$!
  run segment "$WORK/in.txt" -o "$WORK/fifo"
  expect_rc 0 "segment -o FIFO"
  if [[ -p $WORK/fifo ]]; then
    pass
  else
    fail "segment -o FIFO: no longer a FIFO"
    kill "$reader"  # it waits for a writer that will never come
  fi
  wait "$reader"
  expect_same "$WORK/want.txt" "$WORK/got.txt" "the FIFO's reader gets the output"
  expect_no_file "$WORK/fifo.*" "segment -o FIFO: temporaries"
}

check_output_symlink() {
  printf 'Tổng thống Mỹ\n' >"$WORK/in.txt"
  printf 'Tổng_thống Mỹ\n' >"$WORK/want.txt"
  mkdir "$WORK/sub"
  printf 'old\n' >"$WORK/sub/target.txt"
  # A chain: link1 -> sub/link2 -> target.txt (relative to each link's folder).
  ln -s target.txt "$WORK/sub/link2"
  ln -s sub/link2 "$WORK/link1"
  run segment "$WORK/in.txt" -o "$WORK/link1"
  expect_rc 0 "segment -o SYMLINK"
  if [[ -L $WORK/link1 && -L $WORK/sub/link2 ]]; then pass; else fail "-o SYMLINK: the links were replaced"; fi
  expect_same "$WORK/want.txt" "$WORK/sub/target.txt" "-o SYMLINK writes the link's target"
  expect_no_file "$WORK/sub/target.txt.* $WORK/link1.*" "-o SYMLINK: temporaries"
  # A dangling link: its target is created.
  ln -s new.txt "$WORK/dangling"
  run segment "$WORK/in.txt" -o "$WORK/dangling"
  expect_rc 0 "segment -o DANGLING_SYMLINK"
  if [[ -L $WORK/dangling ]]; then pass; else fail "-o DANGLING_SYMLINK: the link was replaced"; fi
  expect_same "$WORK/want.txt" "$WORK/new.txt" "-o DANGLING_SYMLINK creates the target"
}

check_output_hard_link() {
  printf 'Tổng thống Mỹ\n' >"$WORK/in.txt"
  printf 'Tổng_thống Mỹ\n' >"$WORK/want.txt"
  printf 'old\n' >"$WORK/a.txt"
  ln "$WORK/a.txt" "$WORK/b.txt"
  run segment "$WORK/in.txt" -o "$WORK/a.txt"
  expect_rc 0 "segment -o HARD_LINKED"
  local links
  links=$(stat -c %h "$WORK/a.txt")
  if [[ $links -eq 2 ]]; then pass; else fail "-o HARD_LINKED: link count $links, expected 2"; fi
  expect_same "$WORK/want.txt" "$WORK/b.txt" "-o HARD_LINKED: the other name sees the new content"
  # A failed run leaves both names as they were.
  printf 'x \xff\n' >"$WORK/bad.txt"
  run segment "$WORK/bad.txt" -o "$WORK/a.txt"
  expect_rc 1 "segment -o HARD_LINKED, invalid input"
  expect_same "$WORK/want.txt" "$WORK/b.txt" "-o HARD_LINKED after a failed run"
  expect_no_file "$WORK/a.txt.*" "-o HARD_LINKED: temporaries"
}

# A signal during the in-place copy into a hard-linked OUT (raised by the
# test hook after the first write) waits until the copy is done: OUT is
# complete (never new content followed by the old tail), the temporary is
# gone, and the process still ends by the signal.
check_output_hard_link_signal() {
  if ! env --default-signal=TERM true 2>/dev/null; then
    skip "env --default-signal is missing (coreutils < 8.31)"
  fi
  printf 'Tổng thống Mỹ\n' >"$WORK/in.txt"
  printf 'Tổng_thống Mỹ\n' >"$WORK/want.txt"
  head -c 100000 /dev/zero | tr '\0' 'x' >"$WORK/a.txt"  # longer than the new content
  ln "$WORK/a.txt" "$WORK/b.txt"
  RC=0
  VNSEG_TEST_SIGNAL_IN_COPY=1 env --default-signal=TERM "$VNSEG" segment "$WORK/in.txt" -o "$WORK/a.txt" \
    2>"$WORK/err" || RC=$?
  expect_rc $((128 + $(kill -l TERM))) "segment -o HARD_LINKED, SIGTERM during the copy"
  expect_same "$WORK/want.txt" "$WORK/b.txt" "-o HARD_LINKED, SIGTERM during the copy: OUT complete"
  expect_no_file "$WORK/a.txt.*" "-o HARD_LINKED, SIGTERM during the copy: temporaries"
}

# fs.protected_symlinks, which vnseg's own walk of OUT's links must apply
# too: as root, a link planted by another user in a sticky world-writable
# folder is not followed (the target stays); one root owns is.
check_output_protected_symlink() {
  [[ $(id -u) -eq 0 ]] || skip "needs root (a link owned by another user)"
  id nobody >/dev/null 2>&1 || skip "no user 'nobody'"
  printf 'Tổng thống Mỹ\n' >"$WORK/in.txt"
  printf 'Tổng_thống Mỹ\n' >"$WORK/want.txt"
  mkdir "$WORK/tmp" && chmod 1777 "$WORK/tmp"
  printf 'secret\n' >"$WORK/target.txt"
  cp "$WORK/target.txt" "$WORK/target.want"
  ln -s "$WORK/target.txt" "$WORK/tmp/out.txt"
  chown -h nobody "$WORK/tmp/out.txt"
  run segment "$WORK/in.txt" -o "$WORK/tmp/out.txt"
  expect_rc 1 "segment -o a link another user planted in a sticky folder"
  expect_err_has "refusing to follow symlink $WORK/tmp/out.txt: it is in a sticky world-writable folder and owned by another user" \
    "-o a planted link"
  expect_same "$WORK/target.want" "$WORK/target.txt" "-o a planted link: the target is untouched"
  if [[ -L $WORK/tmp/out.txt ]]; then pass; else fail "-o a planted link: the link was replaced"; fi
  expect_no_file "$WORK/tmp/out.txt.* $WORK/target.txt.*" "-o a planted link: temporaries"
  # The same link owned by root (us) is followed.
  chown -h root "$WORK/tmp/out.txt"
  run segment "$WORK/in.txt" -o "$WORK/tmp/out.txt"
  expect_rc 0 "segment -o our own link in a sticky folder"
  expect_same "$WORK/want.txt" "$WORK/target.txt" "-o our own link in a sticky folder writes the target"
}

# -o onto a file the command reads (a FILE, --dict, --user-words, also by
# another hard link or a symlink) is refused: exit 1, nothing changed.
check_output_is_input() {
  printf 'Tổng thống Mỹ\n' >"$WORK/in.txt"
  printf 'bàn mèo\n' >"$WORK/words.txt"
  ln "$WORK/words.txt" "$WORK/words-link.txt"
  ln -s in.txt "$WORK/in-sym.txt"
  run dict build -o "$WORK/d.dic" "$WORK/words.txt"
  expect_rc 0 "dict build"
  ln "$WORK/d.dic" "$WORK/d2.dic"
  local args out
  while IFS='|' read -r out args; do
    cp "$WORK/$out" "$WORK/before"
    # shellcheck disable=SC2086  # args are words
    run $args -o "$WORK/$out"
    expect_rc 1 "$args -o $out"
    expect_err_has "refusing to write $WORK/$out: it is the input" "$args -o $out"
    expect_same "$WORK/before" "$WORK/$out" "$args -o $out: unchanged"
  done <<EOF
in.txt|segment $WORK/in.txt
in-sym.txt|segment $WORK/in.txt
in.txt|normalize - $WORK/in.txt
in.txt|join $WORK/in.txt
words.txt|segment --dict $WORK/d.dic --user-words $WORK/words.txt $WORK/in.txt
words-link.txt|resegment --dict $WORK/d.dic --user-words $WORK/words.txt $WORK/in.txt
d.dic|segment --dict $WORK/d.dic $WORK/in.txt
d2.dic|segment --dict $WORK/d.dic $WORK/in.txt
EOF
  expect_no_file "$WORK/*.vnseg-tmp-*" "-o an input: temporaries"
  # A device both read and written is not "the same file" to refuse.
  run segment /dev/null -o /dev/null
  expect_rc 0 "segment /dev/null -o /dev/null"
}

check_output_mode() {
  printf 'Tổng thống Mỹ\n' >"$WORK/in.txt"
  printf 'old\n' >"$WORK/kept.txt"
  chmod 0664 "$WORK/kept.txt"
  run segment "$WORK/in.txt" -o "$WORK/kept.txt"
  expect_rc 0 "segment -o an existing 0664 file"
  local mode mask want
  mode=$(stat -c %a "$WORK/kept.txt")
  if [[ $mode == 664 ]]; then pass; else fail "-o an existing 0664 file: mode now $mode"; fi
  for mask in 022 077 002; do
    want=$(printf '%o' $((0666 & ~8#$mask)))
    RC=0
    (umask "$mask" && exec "$VNSEG" segment "$WORK/in.txt" -o "$WORK/new$mask.txt") 2>"$WORK/err" || RC=$?
    expect_rc 0 "segment -o a new file, umask $mask"
    mode=$(stat -c %a "$WORK/new$mask.txt")
    if [[ $mode == "$want" ]]; then pass; else fail "-o a new file, umask $mask: mode $mode, expected $want"; fi
    # dict build's output too.
    RC=0
    (umask "$mask" && exec "$VNSEG" dict build -o "$WORK/new$mask.dic" "$WORK/in.txt") 2>"$WORK/err" || RC=$?
    expect_rc 0 "dict build -o a new file, umask $mask"
    mode=$(stat -c %a "$WORK/new$mask.dic")
    if [[ $mode == "$want" ]]; then pass; else fail "dict build -o a new file, umask $mask: mode $mode, expected $want"; fi
  done
}

# A signal while vnseg waits for input (a FIFO this shell keeps open):
# the temporary file goes, the old OUT stays, the status is 128+signal.
check_output_signals() {
  if ! env --default-signal=INT true 2>/dev/null; then
    skip "env --default-signal is missing (coreutils < 8.31)"
  fi
  local sig num pid i
  for sig in TERM INT HUP; do
    num=$(kill -l "$sig")
    rm -f "$WORK/in.fifo" "$WORK"/out.txt.*
    mkfifo "$WORK/in.fifo"
    exec 3<>"$WORK/in.fifo"
    printf 'Tổng thống\n' >&3  # some output already made
    printf 'old\n' >"$WORK/out.txt"
    # A background job of a script ignores SIGINT; the default action again.
    env --default-signal=INT,TERM,HUP "$VNSEG" segment -o "$WORK/out.txt" <&3 2>"$WORK/err" &
    pid=$!
    for i in $(seq 1 200); do
      compgen -G "$WORK/out.txt.vnseg-tmp-*" >/dev/null && break
      sleep 0.05
    done
    compgen -G "$WORK/out.txt.vnseg-tmp-*" >/dev/null || fail "SIG$sig: no temporary file appeared"
    sleep 0.2
    kill -s "$sig" "$pid"
    RC=0
    wait "$pid" || RC=$?
    exec 3>&-
    expect_rc $((128 + num)) "segment -o killed by SIG$sig"
    expect_no_file "$WORK/out.txt.*" "segment -o killed by SIG$sig: temporaries"
    printf 'old\n' >"$WORK/want.txt"
    expect_same "$WORK/want.txt" "$WORK/out.txt" "segment -o killed by SIG$sig: OUT untouched"
  done
}

# dict build / dict learn outputs: symlinked OUT, OUT that is an input,
# concurrent builds, a planted OUT.tmp.
check_dict_output() {
  printf 'cô gái\ncon đường\nhọc sinh\n' >"$WORK/list.txt"
  cp "$WORK/list.txt" "$WORK/list.want"
  # -o a symlink: the target is written, the link stays.
  mkdir "$WORK/real"
  ln -s real/built.dic "$WORK/link.dic"
  run dict build -o "$WORK/link.dic" "$WORK/list.txt"
  expect_rc 0 "dict build -o SYMLINK"
  if [[ -L $WORK/link.dic && -f $WORK/real/built.dic ]]; then pass; else fail "dict build -o SYMLINK: link replaced or target missing"; fi
  run dict info --dict "$WORK/real/built.dic"
  expect_rc 0 "dict info of the symlink's target"
  # Refused: OUT is an input (by name, through a symlink, or a hard link).
  ln -s list.txt "$WORK/alias.txt"
  ln "$WORK/list.txt" "$WORK/hard.txt"
  local out
  for out in list.txt alias.txt hard.txt; do
    run dict build -o "$WORK/$out" --base "$WORK/list.txt"
    expect_rc 1 "dict build -o $out --base list.txt"
    expect_err_has "refusing to write $WORK/$out: it is the input $WORK/list.txt" "dict build -o $out"
    expect_same "$WORK/list.want" "$WORK/list.txt" "dict build -o $out: the input is unchanged"
  done
  run dict build -o "$WORK/list.txt" "$WORK/list.txt"
  expect_rc 1 "dict build -o LIST LIST"
  printf 'học_sinh và cô gái .\n' >"$WORK/corpus.txt"
  cp "$WORK/corpus.txt" "$WORK/corpus.want"
  run dict learn -o "$WORK/x.dic" --base "$WORK/list.txt" --export-model "$WORK/corpus.txt" "$WORK/corpus.txt"
  expect_rc 1 "dict learn --export-model CORPUS"
  expect_err_has "refusing to write" "dict learn --export-model CORPUS"
  expect_same "$WORK/corpus.want" "$WORK/corpus.txt" "dict learn: the corpus is unchanged"
  expect_no_file "$WORK/x.dic" "dict learn refused: no output"
  # No fixed OUT.tmp: another build's temporary (or a planted link) there
  # is left alone.
  printf 'victim\n' >"$WORK/victim.txt"
  ln -s victim.txt "$WORK/planted.dic.tmp"
  run dict build -o "$WORK/planted.dic" "$WORK/list.txt"
  expect_rc 0 "dict build beside a planted OUT.tmp link"
  printf 'victim\n' >"$WORK/victim.want"
  expect_same "$WORK/victim.want" "$WORK/victim.txt" "dict build does not follow a planted OUT.tmp"
  if [[ -L $WORK/planted.dic.tmp ]]; then pass; else fail "dict build replaced the planted OUT.tmp"; fi
  # Concurrent builds of one OUT: all succeed, the result is a dictionary.
  local i pids failed=0
  awk 'BEGIN { n = split("ba bà bá ca cà da đa ga hà la ma na", s, " ");
               for (i = 1; i <= n; i++) for (j = 1; j <= n; j++) for (k = 1; k <= 300; k++)
                 print s[i] " " s[j] " x" k }' >"$WORK/many.txt"
  for _ in 1 2 3; do
    pids=()
    for i in 1 2 3 4; do
      "$VNSEG" dict build -o "$WORK/same.dic" "$WORK/many.txt" 2>"$WORK/err.$i" &
      pids+=($!)
    done
    for i in "${pids[@]}"; do wait "$i" || failed=$((failed + 1)); done
  done
  if [[ $failed -eq 0 ]]; then pass; else fail "concurrent dict build -o same.dic: $failed of 12 failed"; cat "$WORK"/err.* >&2; fi
  run dict info --dict "$WORK/same.dic"
  expect_rc 0 "dict info after concurrent builds"
  expect_no_file "$WORK/same.dic.*" "concurrent dict build: temporaries"
}

# A dictionary rebuilt while a process has it mapped: the process goes on
# (the build renames a new file; it never rewrites the mapped one).
check_dict_rebuild_in_use() {
  printf 'cô gái\ncon đường\nhọc sinh\n' >"$WORK/list.txt"
  run dict build -o "$WORK/d.dic" "$WORK/list.txt"
  expect_rc 0 "dict build"
  ln "$WORK/d.dic" "$WORK/d2.dic"
  cp "$WORK/d.dic" "$WORK/d.want"
  mkfifo "$WORK/in.fifo"
  exec 3<>"$WORK/in.fifo"  # the writer: closing it ends vnseg's input
  "$VNSEG" segment --dict "$WORK/d.dic" <"$WORK/in.fifo" >"$WORK/seg.out" 2>"$WORK/seg.err" 3>&- &
  local pid=$!
  sleep 0.3  # the dictionary is mapped
  printf 'x\n' >"$WORK/small.txt"
  run dict build -o "$WORK/d.dic" "$WORK/small.txt"
  expect_rc 0 "dict build over a dictionary in use"
  expect_same "$WORK/d.want" "$WORK/d2.dic" "a hard link of the old dictionary keeps it"
  printf 'học sinh\n' >&3
  exec 3>&-
  RC=0
  wait "$pid" || RC=$?
  expect_rc 0 "segment with its dictionary rebuilt meanwhile"
  printf 'học_sinh\n' >"$WORK/seg.want"
  expect_same "$WORK/seg.want" "$WORK/seg.out" "segment with the old dictionary"
}

if ! declare -F "check_$CHECK" >/dev/null && ! declare -F "$CHECK" >/dev/null; then
  echo "unknown check '$CHECK'" >&2
  exit 2
fi
if declare -F "check_$CHECK" >/dev/null; then "check_$CHECK"; else "$CHECK"; fi
finish
