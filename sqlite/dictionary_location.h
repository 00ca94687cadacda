// Where the SQLite extension finds the compiled dictionary when the table
// does not name one (`dict PATH`). The host program is sqlite3, python or
// anything else, so the library's own lookup (next to the executable) is
// not enough: the extension also looks next to itself.
#pragma once

#include <string>

namespace vnseg {

// $VNSEG_DICT if set; else the dictionary of the prefix this extension is
// installed in (<its dir>/VNSEG_MODULE_TO_DICT, a relative path fixed at
// configure time) if that file exists; else DefaultDictionaryPath().
std::string ExtensionDictionaryPath();

}  // namespace vnseg
