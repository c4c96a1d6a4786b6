#include "core/disk_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace core {

namespace {

std::string errno_text() { return std::strerror(errno); }

}  // namespace

void fsync_dir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::string path_in(const std::string& dir, const std::string& name) { return dir + "/" + name; }

std::optional<std::string> read_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    throw std::runtime_error(path + ": " + errno_text());
  }
  std::string out;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string why = errno_text();
      ::close(fd);
      throw std::runtime_error(path + ": " + why);
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

void write_file_atomically(const std::string& dir, const std::string& name,
                           std::string_view content) {
  std::string tmp = path_in(dir, "." + name + ".XXXXXX");
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw std::runtime_error(dir + ": cannot create a temporary file: " + errno_text());
  bool ok = ::fchmod(fd, 0600) == 0;
  for (size_t done = 0; ok && done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  const std::string why = ok ? "" : errno_text();
  ok = (::close(fd) == 0) && ok;
  if (!ok || ::rename(tmp.c_str(), path_in(dir, name).c_str()) != 0) {
    const std::string reason = why.empty() ? errno_text() : why;
    ::unlink(tmp.c_str());
    throw std::runtime_error(path_in(dir, name) + ": cannot write: " + reason);
  }
  fsync_dir(dir);
}

}  // namespace core
