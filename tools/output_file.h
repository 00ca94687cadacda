// OutputFile: the one way vnseg writes a file it is asked to write (-o of
// every command, `dict build` / `dict learn` outputs, `python -m vnseg -o`).
//
// What happens to OUT (resolved through any chain of symlinks first, so a
// link stays a link and its target is written; a dangling link's target is
// created; as with fs.protected_symlinks, a link in a sticky world-writable
// folder that neither we nor the folder's owner own is refused):
//  - a regular file, or nothing yet: the data goes to a new temporary file
//    OUT.vnseg-tmp-XXXXXX in OUT's folder (created O_EXCL|O_NOFOLLOW: nothing
//    planted there is followed), which Commit() fsyncs and renames over OUT.
//    OUT is never half-written and is untouched until Commit(). The new file
//    keeps an existing OUT's permission bits (not set-user/group-ID) and,
//    where allowed (root), its owner and group; a new OUT gets 0666 & ~umask.
//    A regular OUT with other hard links is, by default, rewritten in place
//    from the complete temporary file at Commit() so that every name sees
//    the new content; Replace::kAlwaysRename (dictionaries, which readers
//    mmap) renames anyway, giving this name a new file.
//  - anything else (character or block device, FIFO, socket): opened and
//    written directly, never created, truncated or replaced: /dev/null
//    stays a device, a FIFO a FIFO.
//  - "" or "-": standard output.
// While a temporary file exists, SIGINT, SIGTERM and SIGHUP (those not
// ignored or handled by someone else) remove it and then end the process by
// the same signal (a shell sees status 128+signal). During the in-place
// copy into a hard-linked OUT they are blocked: OUT is then complete when
// the signal ends the process.
// Every error names the path and the reason ("cannot write /dev/full: No
// space left on device"); after one the temporary file is gone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace vnseg::cli {

class OutputFile {
 public:
  enum class Replace {
    kKeepHardLinks,  // text output: a hard-linked OUT is rewritten in place
    kAlwaysRename,   // a regular OUT is only ever replaced by rename
  };

  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();  // not committed: Abort()

  // Prepares to write `path` as described above. Call once. A FIFO blocks
  // here until it has a reader, as with a shell's `>`.
  absl::Status Open(const std::string& path, Replace replace = Replace::kKeepHardLinks);
  // Appends `data`. After an error the file is aborted.
  absl::Status Write(std::string_view data);
  // Makes the data visible under the path (rename, or the in-place copy of a
  // hard-linked file) and closes it. OK does not mean anything further can
  // be written.
  absl::Status Commit();
  // Drops what was written: removes the temporary file, OUT unchanged.
  // Safe to call at any time, more than once.
  void Abort();

 private:
  absl::Status OpenDirect(bool is_socket);
  absl::Status RenameIntoPlace();
  int OpenHardLinked();  // the file of dev_/ino_ opened for writing, or -1
  absl::Status CopyInto(int out);
  absl::Status Fail(const char* what, int err);  // Abort(), then the error

  int fd_ = -1;
  bool owns_fd_ = false;      // not stdout
  bool in_place_ = false;     // hard-linked: copy the temporary into path_
  int signal_slot_ = -1;      // where the temporary's name is kept for signals
  int dir_fd_ = -1;           // the folder of path_ (a temporary is made there)
  std::string path_;          // OUT, symlinks resolved: for messages
  std::string name_, temp_name_;  // OUT's and the temporary's names in the folder
  unsigned long long dev_ = 0, ino_ = 0;  // of the hard-linked file
};

// Open, Write(data), Commit: the whole of `data` into `path`, or nothing.
absl::Status WriteWholeFile(const std::string& path, std::string_view data,
                            OutputFile::Replace replace = OutputFile::Replace::kKeepHardLinks);

// Whether `a` and `b` name the same existing file (same device and inode,
// symlinks followed). False when either does not exist.
bool SameFile(const std::string& a, const std::string& b);

// Refuses (FailedPrecondition naming both, nothing written) an output that
// is the same regular file as one of `inputs` (the files a command reads:
// FILEs, --dict, --user-words, word lists): replacing it loses the input, a
// hard-linked one would be rewritten while it is read or mapped. Devices,
// FIFOs, "-" and files that do not exist yet pass.
absl::Status CheckNotAnInput(const std::vector<std::string>& outputs,
                             const std::vector<std::string>& inputs);

}  // namespace vnseg::cli
