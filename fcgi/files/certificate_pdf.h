// files/certificate_pdf.h: the 研習證明 of one study record as a one-page A4 PDF (libharu), with
// a Traditional Chinese TrueType font embedded. Plain values in, bytes out: no database.
#pragma once

#include <optional>
#include <string>

namespace files {

struct Certificate {
  std::string teacher_name;
  std::string masked_id;  // A12****789: the full 身分證字號 never goes on paper
  std::string course_title;
  std::string course_code;  // "" for a record reported from elsewhere
  std::string unit;         // who held the course, or the reporting site or system
  std::string dates;        // as printed, ROC calendar
  std::string hours;        // "3 小時" or "2 學分（36 小時）"
  std::string verify_code;  // grouped, K7QM-3XD2-P9TA
  std::string verify_url;   // where anyone checks it
  std::string issued_on;    // ROC calendar
  std::string correction;   // "" or a line saying the record was corrected, and why
};

// The PDF, or nothing when the font at `font_path` (a .ttc: face `font_index`) cannot be loaded.
std::optional<std::string> certificate_pdf(const Certificate& certificate,
                                           const std::string& font_path, int font_index);

}  // namespace files
