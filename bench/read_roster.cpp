// The upload benchmark (issue 9): one roster workbook read and checked as the upload route does,
// without HTTP or the database (the one lookup of the 身分證字號 is replaced by a map of them all,
// every teacher 在職). Make the workbook with bench/make_roster_xlsx.py.
//
//   build/bench-read-roster ROSTER.xlsx [runs] [course_hours]
//
// Prints each run's milliseconds (read, check), the median, the rows accepted, and the process's
// peak resident memory (getrusage ru_maxrss).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "domain/roster_rows.h"
#include "files/table_reader.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s ROSTER.xlsx [runs] [course_hours]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const int course_hours = argc > 3 ? std::atoi(argv[3]) : 3;
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return 2;
  }

  std::vector<double> totals;
  std::size_t rows = 0, accepted = 0;
  for (int run = 1; run <= runs; ++run) {
    const auto start = Clock::now();
    const auto kind = files::kind_of_upload(path, bytes);
    if (!kind) {
      std::fprintf(stderr, "%s\n", files::kWrongKindMessage);
      return 1;
    }
    const files::ReadResult read = files::read_table(bytes, *kind);
    if (!read.table) {
      std::fprintf(stderr, "%s\n", read.error.c_str());
      return 1;
    }
    const double read_ms = ms_since(start);
    const auto checked = Clock::now();
    std::map<std::string, domain::KnownTeacher> known;
    for (const auto& id : domain::national_ids_in(read.table->rows))
      known.emplace(id, domain::KnownTeacher{true});
    const auto reports =
        domain::check_roster_rows(read.table->rows, read.table->lines, course_hours, known);
    const double check_ms = ms_since(checked);
    rows = reports.size();
    accepted = static_cast<std::size_t>(std::count_if(
        reports.begin(), reports.end(), [](const domain::RowReport& r) { return r.accepted(); }));
    totals.push_back(read_ms + check_ms);
    std::printf("run %d: read %.1f ms, check %.1f ms, total %.1f ms\n", run, read_ms, check_ms,
                read_ms + check_ms);
  }
  std::sort(totals.begin(), totals.end());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf(
      "file %zu bytes, %zu rows, %zu accepted; median %.1f ms over %d runs; peak RSS %.1f MiB\n",
      bytes.size(), rows, accepted, totals[totals.size() / 2], runs, usage.ru_maxrss / 1024.0);
  return 0;
}
