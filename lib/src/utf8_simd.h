// UTF-8 validation 32 bytes at a time, for the byte-level commands: the
// automaton of utf8_fast.h tops out near 3 GB/s (a load, a shift and a mask
// per byte), which was a quarter of `vnseg join`'s time.
#pragma once

namespace vnseg {

// True if [p, end) is well-formed UTF-8; the same answer as utf8_fast.h's
// IsValidUtf8 (utf8_simd_test checks it on every short sequence and on
// random text). Uses AVX2 when the processor has it (asked once, at the
// first call), else IsValidUtf8. Safe from any thread.
bool IsValidUtf8Wide(const char* p, const char* end);

}  // namespace vnseg
