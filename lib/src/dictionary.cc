// The public faces of a dictionary (vnseg/dictionary.h): opening one hands
// out the image of dictionary_image.h; and where the default one is.
#include "vnseg/dictionary.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "default_paths.h"
#include "dictionary_image.h"

namespace vnseg {

Lexicon::~Lexicon() = default;

absl::StatusOr<std::unique_ptr<Dictionary>> Dictionary::Open(const std::string& path) {
  auto image = DictionaryImage::Open(path);
  if (!image.ok()) return image.status();
  return std::unique_ptr<Dictionary>(*std::move(image));
}

absl::StatusOr<std::unique_ptr<Dictionary>> Dictionary::FromBytes(std::string bytes) {
  auto image = DictionaryImage::FromBytes(std::move(bytes));
  if (!image.ok()) return image.status();
  return std::unique_ptr<Dictionary>(*std::move(image));
}

namespace {

bool IsReadable(const std::string& path) { return ::access(path.c_str(), R_OK) == 0; }

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

std::string ExecutableDir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0) return "";
  return DirName(std::string(buf, static_cast<size_t>(n)));
}

// The directory of the file this code was loaded from: a shared libvnseg,
// a plug-in that links vnseg statically (the SQLite extension), or the
// executable itself.
std::string ModuleDir() {
  Dl_info info;
  if (::dladdr(reinterpret_cast<void*>(&ModuleDir), &info) == 0 || info.dli_fname == nullptr) return "";
  return DirName(info.dli_fname);
}

}  // namespace

std::string DefaultDictionaryPath(std::string_view extra) {
  if (const char* env = std::getenv("VNSEG_DICT"); env != nullptr && *env != '\0') return env;
  if (std::string path(extra); !path.empty() && IsReadable(path)) return path;
  std::string candidates[] = {
      ModuleDir() + "/" VNSEG_LIBDIR_TO_DICT,         // a library or plug-in in an install
      ExecutableDir() + "/../share/vnseg/vnseg.dic",  // an install, wherever it was moved
      VNSEG_BUILD_DICT_PATH,                          // this build tree, not installed
      VNSEG_INSTALL_DICT_PATH,
  };
  for (const std::string& path : candidates) {
    if (IsReadable(path)) return path;
  }
  return VNSEG_INSTALL_DICT_PATH;  // Open() reports it missing
}

}  // namespace vnseg
