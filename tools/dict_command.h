// `vnseg dict build|info|lookup`.
#pragma once

namespace vnseg::cli {

// argv[1] is "dict"; argv[2] the subcommand. Returns the exit code.
int RunDict(int argc, char** argv);

}  // namespace vnseg::cli
