#include "detect_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vnseg/encoding.h"

namespace vnseg::cli {
namespace {

// The first kDetectSampleBytes of `name` ("-": stdin), what --from auto
// decides on; the rest of the file is not read.
absl::StatusOr<std::string> ReadStart(const std::string& name) {
  const bool is_stdin = name == "-";
  int fd = is_stdin ? STDIN_FILENO : ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::NotFoundError(absl::StrCat("cannot open ", name, ": ", std::strerror(errno)));
  std::string sample(kDetectSampleBytes, '\0');
  size_t got = 0;
  absl::Status status;
  while (got < sample.size()) {
    ssize_t n = ::read(fd, sample.data() + got, sample.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      status = absl::DataLossError(absl::StrCat(name, ": read failed: ", std::strerror(errno)));
      break;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  if (!is_stdin) ::close(fd);
  if (!status.ok()) return status;
  sample.resize(got);
  return sample;
}

int RunDetect(const std::vector<std::string>& files) {
  std::vector<std::string> names = files;
  if (names.empty()) names.push_back("-");
  for (const std::string& name : names) {
    absl::StatusOr<std::string> sample = ReadStart(name);
    if (!sample.ok()) return Fail("detect", sample.status());
    Detection found = DetectEncoding(*sample);
    std::cout << (name == "-" ? "<stdin>" : name) << '\t' << EncodingName(found.encoding) << '\t'
              << absl::StrFormat("%.2f", found.confidence) << '\n';
  }
  return kExitOk;
}

const CommandDoc kDetect{
    "detect", "the encoding of each FILE (utf8, tcvn3, vni, viscii, cp1258, viqr)",
    "Print, for each FILE, its name, the encoding 'normalize --from auto' reads it in\n"
    "and a confidence from 0 to 1, separated by tabs. Decided on the first 64 KiB:\n"
    "each encoding's reading is scored by its well-formed Vietnamese syllables with\n"
    "diacritics, less the malformed ones, control characters and invalid bytes;\n"
    "valid UTF-8 stays UTF-8 unless another reading is clearly better. ASCII\n"
    "without VIQR marks reads alike in every encoding: utf8, confidence 1."};

}  // namespace

void AddDetectCommand(CLI::App* root, Invocation* invocation) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* app = AddCommand(root, kDetect);
  app->add_option("FILE", *files, "input files (default, or '-': stdin)")->type_name("");
  OnRun(app, invocation, files.get(), [files] { return RunDetect(*files); });
}

}  // namespace vnseg::cli
