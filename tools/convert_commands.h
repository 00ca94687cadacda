// `vnseg segment | resegment | join | normalize`: the commands that stream
// text through one of the library's converters.
#pragma once

#include "CLI/CLI.hpp"
#include "cli_app.h"

namespace vnseg::cli {

// Adds the four commands to `root`; each runs through `invocation` (see
// OnRun).
void AddConvertCommands(CLI::App* root, Invocation* invocation);

}  // namespace vnseg::cli
