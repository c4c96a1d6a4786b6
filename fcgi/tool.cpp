// Command-line tasks beside the server: `portal-tool hash-password PASSWORD` prints an Argon2id hash
// (for demo and benchmark data, which share one hash of the demo password).
#include <cstdio>
#include <cstring>

#include "core/security.h"

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "hash-password") == 0) {
    std::puts(core::hash_password(argv[2]).c_str());
    return 0;
  }
  std::fprintf(stderr, "usage: portal-tool hash-password PASSWORD\n");
  return 2;
}
