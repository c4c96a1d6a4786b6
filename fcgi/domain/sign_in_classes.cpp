#include "domain/sign_in_classes.h"

namespace domain {

std::vector<ClassRange> split_into_classes(std::size_t applicants, int class_count,
                                           int seats_per_class) {
  if (class_count <= 1 || seats_per_class <= 0 || applicants == 0) return {{0, applicants}};
  std::vector<ClassRange> classes;
  const auto seats = static_cast<std::size_t>(seats_per_class);
  std::size_t first = 0;
  for (int c = 1; c <= class_count && first < applicants; ++c) {
    const std::size_t left = applicants - first;
    const std::size_t count = c == class_count ? left : (left < seats ? left : seats);
    classes.push_back({first, count});
    first += count;
  }
  return classes;
}

}  // namespace domain
