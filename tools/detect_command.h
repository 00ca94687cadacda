// `vnseg detect`: the encoding of each input file.
#pragma once

#include "CLI/CLI.hpp"
#include "cli_app.h"

namespace vnseg::cli {

// Adds `detect` to `root`; it runs through `invocation` (see OnRun).
void AddDetectCommand(CLI::App* root, Invocation* invocation);

}  // namespace vnseg::cli
