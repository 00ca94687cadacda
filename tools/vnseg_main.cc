// vnseg: command-line front end. Declares the commands (convert_commands.h,
// dict_command.h) on CLI11 and runs the one given; the work is the
// library's.
#include "CLI/CLI.hpp"
#include "cli_app.h"
#include "convert_commands.h"
#include "detect_command.h"
#include "dict_command.h"
#include "vnseg/version.h"

int main(int argc, char** argv) {
  using vnseg::cli::Invocation;
  CLI::App root("vnseg " VNSEG_VERSION_STRING " - Vietnamese word segmentation", "vnseg");
  vnseg::cli::AddHelpAndVersion(&root);
  Invocation invocation;
  vnseg::cli::AddConvertCommands(&root, &invocation);
  vnseg::cli::AddDetectCommand(&root, &invocation);
  vnseg::cli::AddDictCommands(&root, &invocation);
  root.footer(vnseg::cli::CommandList(&root) +
              "\nFILEs default to stdin ('-' is stdin); output goes to stdout or -o FILE.\n"
              "Exit status: 0 ok, 1 bad input or data, 2 usage error.\n"
              "'vnseg COMMAND --help' describes each command.");
  return vnseg::cli::Run(&root, &invocation, argc, argv);
}
