#include "output_file.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "temporary_cleanup.h"

namespace vnseg::cli {
namespace {

std::string ErrnoMessage(const std::string& what, const std::string& path, int err) {
  return absl::StrCat(what, " ", path, ": ", std::strerror(err));
}

// The folder part of `path` ("." when none, "/" for the root).
std::string FolderOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

// The kernel's fs.protected_symlinks rule, which a readlink walk bypasses:
// a link (lstat `link`) in a sticky world-writable folder is followed only
// if we or the folder's owner own it. Otherwise a user could plant
// /tmp/out.txt -> /etc/shadow for root to replace.
absl::Status CheckMayFollow(const std::string& path, const struct stat& link) {
  struct stat dir {};
  if (::stat(FolderOf(path).c_str(), &dir) != 0) return absl::OkStatus();  // lstat just found it
  bool sticky_world_writable = (dir.st_mode & S_ISVTX) && (dir.st_mode & S_IWOTH);
  if (!sticky_world_writable || link.st_uid == ::geteuid() || link.st_uid == dir.st_uid) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(absl::StrCat(
      "refusing to follow symlink ", path,
      ": it is in a sticky world-writable folder and owned by another user"));
}

// Follows the symlinks that `path` ends in (up to 40, as the kernel does),
// so that the file written is the target and the link stays. Sets *exists
// and, if the file exists, *st (lstat of the file reached).
absl::StatusOr<std::string> ResolveLinks(std::string path, bool* exists, struct stat* st) {
  for (int hops = 0; hops <= 40; ++hops) {
    if (::lstat(path.c_str(), st) != 0) {
      int err = errno;
      if (err != ENOENT) return absl::Status(absl::ErrnoToStatusCode(err), ErrnoMessage("cannot write", path, err));
      *exists = false;  // a new file, or the target of a dangling link
      return path;
    }
    if (!S_ISLNK(st->st_mode)) {
      *exists = true;
      return path;
    }
    if (absl::Status s = CheckMayFollow(path, *st); !s.ok()) return s;
    std::vector<char> target(static_cast<size_t>(st->st_size > 0 ? st->st_size : PATH_MAX) + 1);
    ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0 || static_cast<size_t>(n) >= target.size()) {
      return absl::PermissionDeniedError(ErrnoMessage("cannot read the link", path, n < 0 ? errno : ENAMETOOLONG));
    }
    std::string next(target.data(), static_cast<size_t>(n));
    size_t slash = path.rfind('/');
    if (next.empty() || next[0] != '/') next = (slash == std::string::npos ? "" : path.substr(0, slash + 1)) + next;
    path = std::move(next);
  }
  return absl::PermissionDeniedError(ErrnoMessage("cannot write", path, ELOOP));
}

// A new name beside the file `name`: NAME.vnseg-tmp-XXXXXX (or
// .vnseg-tmp-XXXXXX when the name is too long to take the suffix).
std::string TemporaryName(const std::string& name) {
  static const char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char random[6] = {};
  if (::getrandom(random, sizeof random, 0) != static_cast<ssize_t>(sizeof random)) {
    static std::atomic<unsigned> counter{0};  // O_EXCL still keeps names apart
    unsigned v = static_cast<unsigned>(::getpid()) * 2654435761u + counter++ * 40503u;
    for (unsigned char& c : random) c = static_cast<unsigned char>(v >>= 5);
  }
  std::string suffix = ".vnseg-tmp-";
  for (unsigned char c : random) suffix += kChars[c % (sizeof kChars - 1)];
  return name.size() + suffix.size() <= NAME_MAX ? name + suffix : suffix;
}

// Writes all of `data` (at `offset`, or at the file position when
// negative); 0 or the errno of the failure.
int WriteAll(int fd, std::string_view data, off_t offset = -1) {
  while (!data.empty()) {
    ssize_t n = offset < 0 ? ::write(fd, data.data(), data.size())
                           : ::pwrite(fd, data.data(), data.size(), offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    data.remove_prefix(static_cast<size_t>(n));
    if (offset >= 0) offset += n;
  }
  return 0;
}

}  // namespace

OutputFile::~OutputFile() { Abort(); }

absl::Status OutputFile::Open(const std::string& path, Replace replace) {
  if (path.empty() || path == "-") {
    fd_ = STDOUT_FILENO;
    path_ = "<stdout>";
    return absl::OkStatus();
  }
  bool exists = false;
  struct stat st {};
  auto resolved = ResolveLinks(path, &exists, &st);
  if (!resolved.ok()) return resolved.status();
  path_ = *std::move(resolved);
  if (exists && S_ISDIR(st.st_mode)) return Fail("cannot write", EISDIR);
  if (exists && !S_ISREG(st.st_mode)) return OpenDirect(S_ISSOCK(st.st_mode));

  // A regular file or none: a new temporary file beside it. Everything
  // from here on is relative to the folder's descriptor: a folder renamed
  // or a link swapped into the path meanwhile changes nothing.
  size_t slash = path_.rfind('/');
  std::string dir = FolderOf(path_);
  name_ = slash == std::string::npos ? path_ : path_.substr(slash + 1);
  dir_fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd_ < 0 && errno == EACCES) dir_fd_ = ::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd_ < 0) return Fail("cannot create", errno);
  {
    TemporarySignalsBlocked blocked;
    for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
      temp_name_ = TemporaryName(name_);
      signal_slot_ = ReserveTemporarySlot(dir_fd_, temp_name_);
      // A new file's mode is 0666 less the umask (the kernel applies it);
      // an existing file's is set below, before anything is written.
      fd_ = ::openat(dir_fd_, temp_name_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                     exists ? 0600 : 0666);
      int err = errno;
      if (fd_ < 0) {
        ReleaseTemporarySlot(signal_slot_);
        signal_slot_ = -1;
        temp_name_.clear();
        if (err != EEXIST) return Fail("cannot create", err);
      } else if (signal_slot_ >= 0) {
        SetTemporaryLive(signal_slot_);
      }
    }
    if (fd_ < 0) return Fail("cannot create", EEXIST);
  }
  owns_fd_ = true;
  if (!exists) return absl::OkStatus();
  // The owner first: only root may give a file away (otherwise the group
  // may still be one of ours; else the new file stays ours). chown may clear
  // mode bits, fchmod then sets them.
  if (::fchown(fd_, st.st_uid, st.st_gid) != 0) {
    if (errno != EPERM) return Fail("cannot create", errno);
    (void)::fchown(fd_, static_cast<uid_t>(-1), st.st_gid);
  }
  if (::fchmod(fd_, st.st_mode & 0777) != 0) return Fail("cannot create", errno);
  if (st.st_nlink > 1 && replace == Replace::kKeepHardLinks) {
    in_place_ = true;  // the temporary only holds the data until Commit()
    dev_ = st.st_dev;
    ino_ = st.st_ino;
  }
  return absl::OkStatus();
}

absl::Status OutputFile::OpenDirect(bool is_socket) {
  if (is_socket) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path_.size() >= sizeof addr.sun_path) return Fail("cannot connect to", ENAMETOOLONG);
    std::memcpy(addr.sun_path, path_.c_str(), path_.size() + 1);
    fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) return Fail("cannot connect to", errno);
    owns_fd_ = true;
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return Fail("cannot connect to", errno);
    return absl::OkStatus();
  }
  // No O_CREAT, no O_TRUNC: a device or FIFO is written, never replaced.
  // O_NOFOLLOW: a link planted since ResolveLinks is not followed. A signal
  // handled while a FIFO waits for its reader (EINTR) is an error, so that
  // Python's Ctrl-C is not lost in a retry.
  fd_ = ::open(path_.c_str(), O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
  if (fd_ < 0) return Fail("cannot open", errno);
  owns_fd_ = true;
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return Fail("cannot open", errno);
  if (S_ISREG(st.st_mode)) return Fail("cannot open", EAGAIN);  // replaced by a file meanwhile
  return absl::OkStatus();
}

absl::Status OutputFile::Write(std::string_view data) {
  if (fd_ < 0) return absl::FailedPreconditionError(absl::StrCat("cannot write ", path_, ": not open"));
  int err = WriteAll(fd_, data);
  return err == 0 ? absl::OkStatus() : Fail("cannot write", err);
}

absl::Status OutputFile::Commit() {
  if (fd_ < 0) return absl::FailedPreconditionError(absl::StrCat("cannot write ", path_, ": not open"));
  if (!owns_fd_) {  // stdout stays open for the process
    fd_ = -1;
    return absl::OkStatus();
  }
  if (temp_name_.empty()) {  // written directly
    int rc = ::close(fd_);
    fd_ = -1;
    owns_fd_ = false;
    if (rc != 0 && errno != EINTR) return Fail("cannot write", errno);
    return absl::OkStatus();
  }
  if (::fsync(fd_) != 0) return Fail("cannot write", errno);
  // A hard-linked OUT is overwritten in place: a signal that ended the
  // process mid-copy would leave it half old, half new. So SIGINT, SIGTERM
  // and SIGHUP wait (blocked) until the copy is done and the temporary's
  // slot released; one that came meanwhile then ends the process with OUT
  // complete (status 128+signal all the same).
  std::optional<TemporarySignalsBlocked> blocked;
  if (in_place_) blocked.emplace();
  int linked = in_place_ ? OpenHardLinked() : -1;
  absl::Status s = linked >= 0 ? CopyInto(linked) : RenameIntoPlace();
  if (!s.ok()) return s;
  temp_name_.clear();  // renamed or removed: nothing left to clean
  Abort();             // closes the folder
  return absl::OkStatus();
}

absl::Status OutputFile::RenameIntoPlace() {
  int rc = ::close(fd_);
  fd_ = -1;
  if (rc != 0) return Fail("cannot write", errno);
  if (::renameat(dir_fd_, temp_name_.c_str(), dir_fd_, name_.c_str()) != 0) return Fail("cannot write", errno);
  // The rename lasts once the folder is on disk too (best effort: not every
  // file system can sync a folder, nor an O_PATH descriptor).
  (void)::fsync(dir_fd_);
  return absl::OkStatus();
}

int OutputFile::OpenHardLinked() {
  int out = ::openat(dir_fd_, name_.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st {};
  if (out >= 0 && ::fstat(out, &st) == 0 && S_ISREG(st.st_mode) && st.st_dev == dev_ &&
      st.st_ino == ino_) {
    return out;
  }
  // Not the file we were given any more: replace the name, as for any
  // other regular file.
  if (out >= 0) ::close(out);
  return -1;
}

// A file with several names: every name must see the new content, so the
// complete temporary file is copied over it (the run has succeeded; only an
// I/O error during this copy can leave it partial), then removed.
absl::Status OutputFile::CopyInto(int out) {
  struct stat temp_st {};
  int err = ::fstat(fd_, &temp_st) == 0 ? 0 : errno;
  const off_t size = temp_st.st_size;
  // Reserve the space first where the file system can (a full disk then
  // fails before the file is changed); KEEP_SIZE leaves its length as is.
  if (err == 0) (void)::fallocate(out, FALLOC_FL_KEEP_SIZE, 0, size);
  std::vector<char> buffer(1 << 20);
  for (off_t offset = 0; offset < size && err == 0;) {
    ssize_t n = ::pread(fd_, buffer.data(), buffer.size(), offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      err = n < 0 ? errno : EIO;
      break;
    }
    err = WriteAll(out, std::string_view(buffer.data(), static_cast<size_t>(n)), offset);
    offset += n;
    // Test hook (tests/cli checks.sh output_hard_link_signal): a signal
    // in the middle of the copy, deterministically.
    if (offset == n && std::getenv("VNSEG_TEST_SIGNAL_IN_COPY") != nullptr) ::raise(SIGTERM);
  }
  if (err == 0 && ::ftruncate(out, size) != 0) err = errno;
  if (err == 0 && ::fsync(out) != 0) err = errno;
  if (::close(out) != 0 && err == 0) err = errno;
  if (err != 0) return Fail("cannot write", err);
  ::close(fd_);
  fd_ = -1;
  ::unlinkat(dir_fd_, temp_name_.c_str(), 0);
  return absl::OkStatus();
}

void OutputFile::Abort() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
  fd_ = -1;
  owns_fd_ = false;
  if (!temp_name_.empty()) ::unlinkat(dir_fd_, temp_name_.c_str(), 0);
  temp_name_.clear();
  ReleaseTemporarySlot(signal_slot_);  // before the folder's descriptor goes
  signal_slot_ = -1;
  if (dir_fd_ >= 0) ::close(dir_fd_);
  dir_fd_ = -1;
}

absl::Status OutputFile::Fail(const char* what, int err) {
  Abort();
  return absl::Status(absl::ErrnoToStatusCode(err), ErrnoMessage(what, path_, err));
}

absl::Status WriteWholeFile(const std::string& path, std::string_view data, OutputFile::Replace replace) {
  OutputFile out;
  absl::Status s = out.Open(path, replace);
  if (s.ok()) s = out.Write(data);
  if (s.ok()) s = out.Commit();
  return s;
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

absl::Status CheckNotAnInput(const std::vector<std::string>& outputs,
                             const std::vector<std::string>& inputs) {
  for (const std::string& out : outputs) {
    struct stat st {};
    if (out.empty() || out == "-" || ::stat(out.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    for (const std::string& in : inputs) {
      if (SameFile(out, in)) {
        return absl::FailedPreconditionError(absl::StrCat(
            "refusing to write ", out, ": it is the input ", in, " (write elsewhere, then rename)"));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace vnseg::cli
