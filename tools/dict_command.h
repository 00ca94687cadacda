// `vnseg dict build | learn | info | lookup`: the compiled dictionary.
#pragma once

#include "CLI/CLI.hpp"
#include "cli_app.h"

namespace vnseg::cli {

// Adds `dict` and its four subcommands to `root`; each runs through
// `invocation` (see OnRun).
void AddDictCommands(CLI::App* root, Invocation* invocation);

}  // namespace vnseg::cli
