// Timing helpers for bench/run_bench.sh (not a test; see bench/CMakeLists.txt).
//
//   vnseg_bench dict-load DICT [RUNS]
//       Dictionary::Open + the first Lookup, RUNS times (after 3 warm-up
//       runs), in one process; prints ms statistics.
//   vnseg_bench memcpy FILE [REPS]
//       memcpy of FILE's bytes between two resident buffers; best of REPS.
//   vnseg_bench run [-i IN] [-o OUT] -- COMMAND [ARGS...]
//       Runs COMMAND with stdin from IN and stdout to OUT (default
//       /dev/null for both); prints its wall time, exit status and peak RSS
//       (wait4's ru_maxrss, the same figure as /usr/bin/time -v).
//
// Output: one line of key=value pairs, for the script to parse.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "vnseg/dictionary.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

int Usage() {
  std::fputs(
      "usage: vnseg_bench dict-load DICT [RUNS]\n"
      "       vnseg_bench memcpy FILE [REPS]\n"
      "       vnseg_bench run [-i IN] [-o OUT] -- COMMAND [ARGS...]\n",
      stderr);
  return 2;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

int DictLoad(const std::string& path, int runs) {
  std::vector<double> ms;
  bool found = true;
  for (int r = -3; r < runs; ++r) {
    auto t0 = Clock::now();
    auto dict = vnseg::Dictionary::Open(path);
    if (!dict.ok()) {
      std::fprintf(stderr, "vnseg_bench: %s\n", std::string(dict.status().message()).c_str());
      return 1;
    }
    bool hit = (*dict)->Lookup("hòa bình", nullptr);
    auto t1 = Clock::now();
    dict->reset();  // unmap outside the timed part
    if (r >= 0) {
      ms.push_back(Seconds(t0, t1) * 1e3);
      found = found && hit;
    }
  }
  std::printf("median_ms=%.3f min_ms=%.3f p90_ms=%.3f max_ms=%.3f runs=%d lookup_found=%d\n",
              Percentile(ms, 0.5), Percentile(ms, 0.0), Percentile(ms, 0.9), Percentile(ms, 1.0),
              runs, found ? 1 : 0);
  return 0;
}

int Memcpy(const std::string& path, int reps) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "vnseg_bench: cannot read %s\n", path.c_str());
    return 1;
  }
  std::vector<char> src((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<char> dst(src.size(), 1);  // resident before timing
  double best = 1e30;
  for (int r = 0; r < reps; ++r) {
    auto t0 = Clock::now();
    std::memcpy(dst.data(), src.data(), src.size());
    asm volatile("" : : "r"(dst.data()) : "memory");  // keep the copy
    auto t1 = Clock::now();
    best = std::min(best, Seconds(t0, t1));
  }
  if (!src.empty() && dst.back() != src.back()) return 1;
  std::printf("bytes=%zu best_s=%.6f MBps=%.1f reps=%d\n", src.size(), best,
              static_cast<double>(src.size()) / 1e6 / best, reps);
  return 0;
}

int Run(int argc, char** argv) {
  std::string in = "/dev/null", out = "/dev/null";
  int i = 2;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if ((a == "-i" || a == "-o") && i + 1 < argc) {
      (a == "-i" ? in : out) = argv[++i];
    } else {
      return Usage();
    }
  }
  if (i >= argc) return Usage();
  auto t0 = Clock::now();
  pid_t pid = ::fork();
  if (pid < 0) {
    std::perror("vnseg_bench: fork");
    return 1;
  }
  if (pid == 0) {
    int fd_in = ::open(in.c_str(), O_RDONLY);
    int fd_out = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd_in < 0 || fd_out < 0 || ::dup2(fd_in, 0) < 0 || ::dup2(fd_out, 1) < 0) _exit(126);
    ::execvp(argv[i], argv + i);
    _exit(127);
  }
  int status = 0;
  struct rusage ru;
  std::memset(&ru, 0, sizeof ru);
  if (::wait4(pid, &status, 0, &ru) < 0) {
    std::perror("vnseg_bench: wait4");
    return 1;
  }
  auto t1 = Clock::now();
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::printf("wall_s=%.6f exit=%d maxrss_kb=%ld user_s=%.6f sys_s=%.6f\n", Seconds(t0, t1), code,
              ru.ru_maxrss, ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6,
              ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6);
  return code == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return Usage();
  std::string cmd = argv[1];
  if (cmd == "dict-load") return DictLoad(argv[2], argc > 3 ? std::atoi(argv[3]) : 200);
  if (cmd == "memcpy") return Memcpy(argv[2], argc > 3 ? std::atoi(argv[3]) : 20);
  if (cmd == "run") return Run(argc, argv);
  return Usage();
}
