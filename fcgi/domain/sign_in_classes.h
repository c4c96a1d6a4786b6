// domain/sign_in_classes.h: how the approved applicants of a course are split into its classes
// for the 簽到表 (one table, one sheet of paper, per class).
#pragma once

#include <cstddef>
#include <vector>

namespace domain {

// One class: applicants [first, first + count) of the list in its order.
struct ClassRange {
  std::size_t first = 0, count = 0;
};

// `applicants` in order into classes of `seats_per_class`, at most `class_count` of them: a course
// of one class (or a class_count or seats_per_class below 1, which registration refuses) is one
// class of everyone. The last class takes whoever is beyond the seats of the others (an approval
// past the seats is the organizer's choice; nobody is left off the sheets). Classes nobody is in
// are left out; no applicants at all is one empty class, so there is still a sheet to print.
std::vector<ClassRange> split_into_classes(std::size_t applicants, int class_count,
                                           int seats_per_class);

}  // namespace domain
