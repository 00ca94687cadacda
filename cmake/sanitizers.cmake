# Sanitizer builds of the whole tree, and the libFuzzer harnesses.
#
#   -DVNSEG_SANITIZE=address,undefined   ASan + UBSan (any -fsanitize= list;
#   -DVNSEG_SANITIZE=thread              "thread" for TSan); gcc or clang
#   -DVNSEG_FUZZ=ON                      tests/fuzz/ harnesses (clang only):
#                                        the tree gets fuzzer-no-link plus
#                                        VNSEG_SANITIZE (default address,undefined)
#
# Every finding aborts (-fno-sanitize-recover), so a test or a fuzzer fails
# on the first one instead of printing a report and going on.
set(VNSEG_SANITIZE "" CACHE STRING
    "Build everything with -fsanitize=THIS (e.g. address,undefined or thread)")
option(VNSEG_FUZZ "Build the libFuzzer harnesses in tests/fuzz (needs clang)" OFF)

if(VNSEG_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "VNSEG_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_CXX_COMPILER=clang++ (scripts/install-deps.sh installs it)")
  endif()
  if(NOT VNSEG_SANITIZE)
    set(VNSEG_SANITIZE "address,undefined" CACHE STRING "" FORCE)
  endif()
endif()

if(VNSEG_SANITIZE)
  set(vnseg_compile_sanitize "${VNSEG_SANITIZE}")
  if(VNSEG_FUZZ)
    # Coverage instrumentation for libFuzzer everywhere; only the harnesses
    # link libFuzzer's main (-fsanitize=fuzzer, tests/fuzz/CMakeLists.txt).
    set(vnseg_compile_sanitize "fuzzer-no-link,${VNSEG_SANITIZE}")
  endif()
  add_compile_options(-fsanitize=${vnseg_compile_sanitize} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${VNSEG_SANITIZE})
  # What a program linking the installed static library needs too (the
  # CMake package's vnseg::vnseg and vnseg.pc carry it, install.consumer).
  set(VNSEG_SANITIZE_LINK "-fsanitize=${VNSEG_SANITIZE}")

  # Uninstrumented interpreters (python3, the sqlite3 shell) that load an
  # instrumented module need the sanitizer runtime loaded first: tests put
  # VNSEG_SANITIZER_PRELOAD in LD_PRELOAD for those processes only.
  if(VNSEG_SANITIZE MATCHES "address")
    set(vnseg_runtime asan)
  elseif(VNSEG_SANITIZE MATCHES "thread")
    set(vnseg_runtime tsan)
  endif()
  if(vnseg_runtime AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=lib${vnseg_runtime}.so
                    OUTPUT_VARIABLE VNSEG_SANITIZER_PRELOAD OUTPUT_STRIP_TRAILING_WHITESPACE)
  elseif(vnseg_runtime)
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libclang_rt.${vnseg_runtime}-x86_64.so
                    OUTPUT_VARIABLE VNSEG_SANITIZER_PRELOAD OUTPUT_STRIP_TRAILING_WHITESPACE)
  endif()
  # The C++ runtime too: the ASan runtime intercepts __cxa_throw and must
  # find the real one when it starts, in python3, which has no libstdc++
  # (else the first C++ exception aborts: "real___cxa_throw != 0").
  if(VNSEG_SANITIZER_PRELOAD)
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libstdc++.so.6
                    OUTPUT_VARIABLE vnseg_libstdcxx OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(IS_ABSOLUTE "${vnseg_libstdcxx}")
      string(APPEND VNSEG_SANITIZER_PRELOAD ":${vnseg_libstdcxx}")
    endif()
  endif()
  # The environment entries (a CMake list) of a test run by an interpreter.
  set(VNSEG_SANITIZER_ENV "VNSEG_SANITIZER_PRELOAD=${VNSEG_SANITIZER_PRELOAD}")
  if(VNSEG_SANITIZER_PRELOAD)
    list(APPEND VNSEG_SANITIZER_ENV "LD_PRELOAD=${VNSEG_SANITIZER_PRELOAD}")
  endif()
  # The interpreter's own allocations are not ours to report.
  if(vnseg_runtime STREQUAL "asan")
    list(APPEND VNSEG_SANITIZER_ENV "ASAN_OPTIONS=detect_leaks=0")
  endif()
  message(STATUS "vnseg: -fsanitize=${vnseg_compile_sanitize} (preload: ${VNSEG_SANITIZER_PRELOAD})")
  # A sanitizer build runs several times slower: tests with tight time
  # limits multiply them by this (tests/cli).
  set(VNSEG_TEST_TIMEOUT_SCALE 4)
else()
  set(VNSEG_TEST_TIMEOUT_SCALE 1)
  set(VNSEG_SANITIZE_LINK "")
  set(VNSEG_SANITIZER_ENV "")
endif()
