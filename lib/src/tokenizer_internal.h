// Test hook of the pre-tokenizer (tokenizer.cc): how much work it did.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "vnseg/tokenizer.h"

namespace vnseg::internal {

// PreTokenize, returning the number of bytes its scanning loops passed
// over (look-ahead that was given up included). Linear scanners keep it
// within a small multiple of text.size() on any input.
uint64_t PreTokenizeCountingSteps(std::string_view text, std::vector<Token>* tokens);

}  // namespace vnseg::internal
