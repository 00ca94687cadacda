#include "temporary_cleanup.h"

#include <limits.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iterator>
#include <mutex>

namespace vnseg::cli {
namespace {

// The handler may only make async-signal-safe calls: it unlinks the names
// kept in static buffers (relative to their folder's descriptor, so that a
// chdir does not matter), and the signal, re-raised with its default action
// (SA_RESETHAND), ends the process once the handler returns.

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
constexpr int kSlots = 16;  // temporary files open at once (more: no cleanup on a signal)

char g_names[kSlots][NAME_MAX + 1];
int g_dirs[kSlots];
// A slot's state. The handler reads g_names/g_dirs only of a slot it has
// moved from kLive to kHandled, and a slot leaves kHandled never (the
// process is ending): another thread cannot release and reuse it, giving
// the handler a torn name or another folder's descriptor, in between.
enum SlotState : int { kIdle, kLive, kHandled };
std::atomic<int> g_state[kSlots];
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free atomics");

std::mutex g_mutex;                // guards the rest
bool g_reserved[kSlots];
int g_open_count = 0;
bool g_installed[std::size(kSignals)];

void RemoveTemporariesAndReraise(int sig) {
  int saved = errno;
  for (int i = 0; i < kSlots; ++i) {
    int live = kLive;
    if (g_state[i].compare_exchange_strong(live, kHandled)) ::unlinkat(g_dirs[i], g_names[i], 0);
  }
  errno = saved;
  ::raise(sig);  // the action is the default again: ends the process on return
}

// Installs the handler for the signals whose action is the default: an
// ignored signal (nohup, a background job) cannot end the process, and one
// someone else handles (Python's SIGINT) is theirs.
void InstallHandlers() {
  for (size_t i = 0; i < std::size(kSignals); ++i) {
    struct sigaction old {};
    if (::sigaction(kSignals[i], nullptr, &old) != 0) continue;
    if ((old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL) continue;
    struct sigaction sa {};
    sa.sa_handler = RemoveTemporariesAndReraise;
    sigemptyset(&sa.sa_mask);
    for (int s : kSignals) sigaddset(&sa.sa_mask, s);
    sa.sa_flags = SA_RESETHAND;
    g_installed[i] = ::sigaction(kSignals[i], &sa, nullptr) == 0;
  }
}

void RestoreHandlers() {
  for (size_t i = 0; i < std::size(kSignals); ++i) {
    if (!g_installed[i]) continue;
    struct sigaction current {};
    // Still ours (not reset by a delivery, not replaced by someone else).
    if (::sigaction(kSignals[i], nullptr, &current) == 0 &&
        current.sa_handler == RemoveTemporariesAndReraise) {
      struct sigaction dfl {};
      dfl.sa_handler = SIG_DFL;
      sigemptyset(&dfl.sa_mask);
      ::sigaction(kSignals[i], &dfl, nullptr);
    }
    g_installed[i] = false;
  }
}

}  // namespace

TemporarySignalsBlocked::TemporarySignalsBlocked() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : kSignals) sigaddset(&set, s);
  ::pthread_sigmask(SIG_BLOCK, &set, &old_);
}

TemporarySignalsBlocked::~TemporarySignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

int ReserveTemporarySlot(int dir, const std::string& name) {
  if (name.size() > NAME_MAX) return -1;
  std::lock_guard<std::mutex> lock(g_mutex);
  for (int i = 0; i < kSlots; ++i) {
    if (g_reserved[i]) continue;
    g_reserved[i] = true;
    std::memcpy(g_names[i], name.c_str(), name.size() + 1);
    g_dirs[i] = dir;
    if (g_open_count++ == 0) InstallHandlers();
    return i;
  }
  return -1;
}

void ReleaseTemporarySlot(int slot) {
  if (slot < 0) return;
  int live = kLive;
  if (!g_state[slot].compare_exchange_strong(live, kIdle) && live == kHandled) {
    // A signal handler in another thread is removing this file, and the
    // process ends when it returns: the slot's folder must stay open (and
    // the slot unused) until then.
    for (;;) ::pause();
  }
  std::lock_guard<std::mutex> lock(g_mutex);
  g_reserved[slot] = false;
  if (--g_open_count == 0) RestoreHandlers();
}

void SetTemporaryLive(int slot) {
  if (slot >= 0) g_state[slot].store(kLive);
}

}  // namespace vnseg::cli
