// Reading a form by its table: the raw copy, the typed values and the messages from one list.
#include "core/form.h"

#include <algorithm>
#include <stdexcept>

#include "domain/course_rules.h"

namespace core {

namespace {
const std::string kEmpty;
const std::vector<std::string> kNone;

std::string quoted(const FieldSpec& f) { return std::string("「") + f.label + "」"; }

// "2025-03-01T09:00" (datetime-local) or "114/03/01 09:00".
std::optional<std::pair<domain::Date, int>> read_date_time(std::string_view text) {
  const std::string t = domain::trim(text);
  const size_t sep = t.find_first_of("T ");
  if (sep == std::string::npos) return std::nullopt;
  const auto d = domain::parse_any_date(t.substr(0, sep));
  const auto m = domain::parse_clock(domain::trim(t.substr(sep + 1)).substr(0, 5));
  if (!d || !m) return std::nullopt;
  return std::make_pair(*d, *m);
}
}  // namespace

void FieldErrors::add(const std::string& field, const std::string& message) {
  list_.push_back({field, message});
}

void FieldErrors::add_all(const std::vector<domain::FieldError>& errors) {
  list_.insert(list_.end(), errors.begin(), errors.end());
}

bool FieldErrors::has(std::string_view field) const {
  return std::any_of(list_.begin(), list_.end(), [&](const auto& e) { return e.field == field; });
}

std::string FieldErrors::message(std::string_view field) const {
  std::string out;
  for (const auto& e : list_) {
    if (e.field == field) out += (out.empty() ? "" : " ") + e.message;
  }
  return out;
}

size_t FieldErrors::field_count() const {
  std::vector<std::string_view> fields;
  for (const auto& e : list_) {
    if (std::find(fields.begin(), fields.end(), e.field) == fields.end()) fields.push_back(e.field);
  }
  return fields.size();
}

Form::Form(const FormSpec& spec, const Params& params) : spec_(&spec) {
  for (const FieldSpec& f : spec) {
    raw_[f.name] = f.kind == FieldKind::kChoices ? params.all(f.name)
                                                 : std::vector<std::string>{params.get_or(f.name)};
    check(f);
  }
}

void Form::check(const FieldSpec& f) {
  const std::string value = domain::trim(raw(f.name));
  if (f.kind == FieldKind::kChoices) {
    const auto& chosen = raw_all(f.name);
    if (f.required && chosen.empty()) errors_.add(f.name, "請至少選擇一項" + quoted(f) + "。");
    for (const auto& c : chosen) {
      if (std::find(f.codes.begin(), f.codes.end(), c) == f.codes.end()) {
        errors_.add(f.name, quoted(f) + "的選項不正確，請重新選擇。");
        break;
      }
    }
    return;
  }
  if (value.empty()) {
    if (f.required) {
      const bool picked = f.kind == FieldKind::kChoice || f.kind == FieldKind::kFlag;
      errors_.add(f.name, (picked ? "請選擇" : "請填寫") + quoted(f) + "。");
    }
    return;
  }
  switch (f.kind) {
    case FieldKind::kText:
      if (f.max > 0 && domain::utf8_length(value) > static_cast<size_t>(f.max)) {
        errors_.add(f.name, quoted(f) + "請在 " + std::to_string(f.max) + " 字以內（目前 " +
                                std::to_string(domain::utf8_length(value)) + " 字）。");
      }
      break;
    case FieldKind::kInteger:
      if (!domain::parse_integer(value, f.min, f.max)) {
        errors_.add(f.name, quoted(f) + "請填寫 " + std::to_string(f.min) + " 到 " +
                                std::to_string(f.max) + " 的整數。");
      }
      break;
    case FieldKind::kDate:
      if (!domain::parse_any_date(value)) {
        errors_.add(f.name, quoted(f) + "無法辨識，請用 114/03/01 或 2025-03-01 的格式。");
      }
      break;
    case FieldKind::kTime:
      if (!domain::parse_clock(value)) errors_.add(f.name, quoted(f) + "請用 09:00 的格式。");
      break;
    case FieldKind::kDateTime:
      if (!read_date_time(value)) errors_.add(f.name, quoted(f) + "無法辨識，請選擇日期與時間。");
      break;
    case FieldKind::kChoice:
      if (std::find(f.codes.begin(), f.codes.end(), value) == f.codes.end()) {
        errors_.add(f.name, "請從選單選擇" + quoted(f) + "。");
      }
      break;
    case FieldKind::kFlag:  // a checkbox is on when it says "1"; anything else is off
    case FieldKind::kChoices:
      break;
  }
}

const FieldSpec& Form::field(std::string_view name) const {
  for (const FieldSpec& f : *spec_) {
    if (name == f.name) return f;
  }
  throw std::logic_error("form has no field " + std::string(name));
}

const std::string& Form::raw(std::string_view name) const {
  auto it = raw_.find(name);
  return it == raw_.end() || it->second.empty() ? kEmpty : it->second.front();
}

const std::vector<std::string>& Form::raw_all(std::string_view name) const {
  auto it = raw_.find(name);
  return it == raw_.end() ? kNone : it->second;
}

void Form::set_raw(const std::string& name, std::string value) {
  field(name);
  raw_[name] = {std::move(value)};
}

void Form::set_raw_all(const std::string& name, std::vector<std::string> values) {
  field(name);
  raw_[name] = std::move(values);
}

std::string Form::text(std::string_view name) const {
  field(name);
  return domain::trim(raw(name));
}

std::optional<long long> Form::integer(std::string_view name) const {
  const FieldSpec& f = field(name);
  return domain::parse_integer(raw(name), f.min, f.max);
}

std::optional<domain::Date> Form::date(std::string_view name) const {
  field(name);
  return domain::parse_any_date(domain::trim(raw(name)));
}

std::optional<int> Form::minute(std::string_view name) const {
  field(name);
  return domain::parse_clock(domain::trim(raw(name)));
}

std::optional<std::pair<domain::Date, int>> Form::date_time(std::string_view name) const {
  field(name);
  return read_date_time(raw(name));
}

std::vector<std::string> Form::values(std::string_view name) const {
  const FieldSpec& f = field(name);
  std::vector<std::string> out;
  for (const auto& v : raw_all(name)) {
    const bool known = std::find(f.codes.begin(), f.codes.end(), v) != f.codes.end();
    if (known && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

bool Form::flag(std::string_view name) const {
  field(name);
  return domain::trim(raw(name)) == "1";
}

}  // namespace core
