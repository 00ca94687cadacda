#include "dictionary_location.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>

#include "vnseg/dictionary.h"

namespace vnseg {
namespace {

// The directory of the shared object this code was loaded from.
std::string ModuleDir() {
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&ModuleDir), &info) == 0 || info.dli_fname == nullptr) return "";
  std::string path = info.dli_fname;
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

std::string ExtensionDictionaryPath() {
  if (const char* env = std::getenv("VNSEG_DICT"); env != nullptr && *env != '\0') return env;
  std::string beside = ModuleDir() + "/" VNSEG_MODULE_TO_DICT;
  if (::access(beside.c_str(), R_OK) == 0) return beside;
  return DefaultDictionaryPath();
}

}  // namespace vnseg
