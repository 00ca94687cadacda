// The public faces of a dictionary (vnseg/dictionary.h): opening one hands
// out the image of dictionary_image.h; and where the default one is.
#include "vnseg/dictionary.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "default_paths.h"
#include "dictionary_image.h"
#include "string_view_util.h"

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
  // The executable's name is as it was run ("tools/vnseg"): resolved, it
  // does not depend on the working directory (and repeats ExecutableDir).
  char* resolved = ::realpath(info.dli_fname, nullptr);
  if (resolved == nullptr) return "";
  std::string path(resolved);
  std::free(resolved);
  return DirName(path);
}

// One place DefaultDictionaryPath looks in, after $VNSEG_DICT.
struct Place {
  std::string what;
  std::string path;
};

// The places after $VNSEG_DICT, in order, without repeats (the CLI is its
// own module: both installed candidates are then one file).
std::vector<Place> DefaultPlaces(std::string_view extra, std::string_view extra_what) {
  std::vector<Place> places;
  auto add = [&places](std::string_view what, std::string path) {
    if (path.empty()) return;
    for (const Place& p : places) {
      if (p.path == path) return;
    }
    places.push_back({std::string(what), std::move(path)});
  };
  add(extra_what, std::string(extra));
  const std::string module = ModuleDir(), program = ExecutableDir();
  // A library or plug-in in an install (or the program, linked statically).
  add(module == program ? "installed, seen from this program" : "installed, seen from this library",
      module + "/" VNSEG_LIBDIR_TO_DICT);
  // An install, wherever it was moved.
  add("installed, seen from this program", program + "/../share/vnseg/vnseg.dic");
  add("build tree", VNSEG_BUILD_DICT_PATH);  // this build tree, not installed
  add("installed", VNSEG_INSTALL_DICT_PATH);
  return places;
}

const char* EnvDict() {
  const char* env = std::getenv("VNSEG_DICT");
  return env != nullptr && *env != '\0' ? env : nullptr;
}

// "exists", or why `path` cannot be read.
std::string State(const std::string& path) {
  if (IsReadable(path)) return "exists";
  return std::strerror(errno);
}

}  // namespace

std::string DefaultDictionaryPath(std::string_view extra) {
  if (const char* env = EnvDict()) return env;
  for (const Place& place : DefaultPlaces(extra, "")) {
    if (IsReadable(place.path)) return place.path;
  }
  return VNSEG_INSTALL_DICT_PATH;  // Open() reports it missing
}

std::string DescribeDictionarySearch(std::string_view extra, std::string_view extra_what) {
  const char* env = EnvDict();
  std::string out = env != nullptr ? absl::StrCat("  $VNSEG_DICT: ", env, ": ", State(env), "\n")
                                   : "  $VNSEG_DICT: not set\n";
  if (env != nullptr) out += "not looked in, as $VNSEG_DICT is set:\n";
  for (const Place& place : DefaultPlaces(extra, extra_what)) {
    absl::StrAppend(&out, "  ", place.what, ": ", place.path, ": ", State(place.path), "\n");
  }
  return out;
}

absl::StatusOr<std::unique_ptr<Dictionary>> OpenDefaultDictionary(std::string_view option,
                                                                  std::string_view choose) {
  auto dictionary = Dictionary::Open(DefaultDictionaryPath());
  if (dictionary.ok() || !absl::IsNotFound(dictionary.status())) return dictionary;
  return absl::NotFoundError(absl::StrCat("no dictionary found; looked in, in order:\n  ",
                                          ToAbsl(option), ": not given\n",
                                          DescribeDictionarySearch(), ToAbsl(choose)));
}

}  // namespace vnseg
