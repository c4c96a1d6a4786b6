// Forms declared as tables of fields, read into typed values with the errors beside each field.
// A handler declares its form once (a FormSpec); the same table reads the request, keeps what
// was typed for showing the form again, and names the fields errors belong to (shared/form_view.h
// fills the template from it).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/request.h"
#include "domain/roc_date.h"
#include "domain/validation.h"

namespace core {

enum class FieldKind {
  kText,      // trimmed; `max` characters (code points)
  kInteger,   // a whole number within [min, max]
  kDate,      // 2025-03-01 or 114/03/01
  kTime,      // 09:00
  kDateTime,  // 2025-03-01T09:00 (datetime-local) or 114/03/01 09:00
  kChoice,    // one of `codes`
  kChoices,   // any number of `codes`, each once
  kFlag,      // a checkbox: on when it sends "1", off otherwise
};

struct FieldSpec {
  const char* name;
  const char* label;  // as the form shows it; messages quote it
  FieldKind kind = FieldKind::kText;
  bool required = false;
  long long max = 0;  // kText: characters (0: no limit); kInteger: largest value
  long long min = 0;  // kInteger: smallest value
  std::vector<std::string> codes = {};   // kChoice, kChoices
  std::vector<std::string> labels = {};  // shown for each code, in the same order
};
using FormSpec = std::vector<FieldSpec>;

// The errors of one submission, in the order found; a field may have several messages.
class FieldErrors {
 public:
  void add(const std::string& field, const std::string& message);
  void add_all(const std::vector<domain::FieldError>& errors);
  bool empty() const { return list_.empty(); }
  bool has(std::string_view field) const;
  std::string message(std::string_view field) const;  // every message of the field, joined
  size_t field_count() const;                          // fields with an error
  const std::vector<domain::FieldError>& all() const { return list_; }

 private:
  std::vector<domain::FieldError> list_;
};

class Form {
 public:
  // Nothing typed yet: the first showing of a form (set_raw fills in defaults).
  explicit Form(const FormSpec& spec) : spec_(&spec) {}
  // Reads and checks every field of the table from a submission.
  Form(const FormSpec& spec, const Params& params);

  const FormSpec& spec() const { return *spec_; }
  // As typed, for showing the form again (the first value of a field of several).
  const std::string& raw(std::string_view name) const;
  const std::vector<std::string>& raw_all(std::string_view name) const;
  void set_raw(const std::string& name, std::string value);
  void set_raw_all(const std::string& name, std::vector<std::string> values);

  // Typed values; nullopt (or empty) when the field was left blank or could not be read (then
  // errors() says why).
  std::string text(std::string_view name) const;
  std::optional<long long> integer(std::string_view name) const;
  std::optional<domain::Date> date(std::string_view name) const;
  std::optional<int> minute(std::string_view name) const;  // of the day
  std::optional<std::pair<domain::Date, int>> date_time(std::string_view name) const;
  std::vector<std::string> values(std::string_view name) const;
  bool flag(std::string_view name) const;

  FieldErrors& errors() { return errors_; }
  const FieldErrors& errors() const { return errors_; }
  bool ok() const { return errors_.empty(); }

 private:
  const FieldSpec& field(std::string_view name) const;  // throws std::logic_error if undeclared
  void check(const FieldSpec& f);

  const FormSpec* spec_;
  std::map<std::string, std::vector<std::string>, std::less<>> raw_;
  FieldErrors errors_;
};

}  // namespace core
