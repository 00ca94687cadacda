// The public API speaks std::string_view; Debian's abseil has its own
// absl::string_view (not an alias). Convert at the edge with these.
#pragma once

#include <string_view>

#include "absl/strings/string_view.h"

namespace vnseg {

inline absl::string_view ToAbsl(std::string_view s) { return absl::string_view(s.data(), s.size()); }
inline std::string_view ToStd(absl::string_view s) { return std::string_view(s.data(), s.size()); }

}  // namespace vnseg
