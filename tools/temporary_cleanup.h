// Removing OutputFile's temporary files (output_file.h) when SIGINT,
// SIGTERM or SIGHUP ends the process. While at least one is registered, a
// handler is installed for each of those signals whose action is the
// default (one that is ignored, as under nohup, cannot end the process; one
// that someone else handles, as Python's SIGINT, is theirs); it unlinks the
// registered names and re-raises the signal with its default action, so the
// process still ends by it (status 128+signal in a shell). The last release
// puts the default action back.
#pragma once

#include <signal.h>

#include <string>

namespace vnseg::cli {

// Blocks those signals in this thread while it lives: create the file and
// mark it live inside one, so no signal falls between the two.
class TemporarySignalsBlocked {
 public:
  TemporarySignalsBlocked();
  ~TemporarySignalsBlocked();
  TemporarySignalsBlocked(const TemporarySignalsBlocked&) = delete;
  TemporarySignalsBlocked& operator=(const TemporarySignalsBlocked&) = delete;

 private:
  sigset_t old_;
};

// Reserves a slot for the file `name` in the folder open as `dir_fd` (which
// must stay open until the release), not yet removed on a signal. Returns
// the slot, or -1 when all 16 are taken (that file is then not removed on a
// signal) or the name is longer than NAME_MAX.
int ReserveTemporarySlot(int dir_fd, const std::string& name);
// From now on a signal removes the file of `slot` (-1: nothing).
void SetTemporaryLive(int slot);
// Forgets `slot` (-1: nothing); call before closing its folder.
void ReleaseTemporarySlot(int slot);

}  // namespace vnseg::cli
