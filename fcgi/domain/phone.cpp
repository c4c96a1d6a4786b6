// domain/phone.cpp: the telephone number rule of phone.h.
#include "domain/phone.h"

#include <vector>

namespace domain {

namespace {

struct AreaCode {
  const char* code;
  std::vector<std::size_t> lengths;  // of the subscriber number after the code
};

// Longest codes first, so that 037 (苗栗) is read before 03 and 0826 (烏坵) before 082 (金門): no
// 03 number starts with 7, no 082 number with 6, and so on, so the longest match is the right one.
const std::vector<AreaCode>& area_codes() {
  static const std::vector<AreaCode> codes = {
      {"0826", {5}}, {"0836", {5}}, {"037", {6}}, {"049", {7}},   {"082", {6}},
      {"089", {6}},  {"02", {8}},   {"03", {7}},  {"04", {7, 8}}, {"05", {7}},
      {"06", {7}},   {"07", {7}},   {"08", {7}},
  };
  return codes;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The text in ASCII: full-width forms (U+FF01–FF5E) as their ASCII letters, U+3000 as a space,
// letters lower-cased, and every way of saying "extension" as '#'; "" with `bad` set when some
// other character is there.
std::string to_ascii(std::string_view in, bool& bad) {
  std::string out;
  for (std::size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      ++i;
    } else if (starts_with(in.substr(i), "分機")) {
      out += '#';
      i += std::string_view("分機").size();
    } else if (starts_with(in.substr(i), "轉")) {
      out += '#';
      i += std::string_view("轉").size();
    } else if (starts_with(in.substr(i), "\u3000")) {
      out += ' ';
      i += 3;
    } else if (i + 2 < in.size() && c == 0xEF &&
               (static_cast<unsigned char>(in[i + 1]) == 0xBC ||
                static_cast<unsigned char>(in[i + 1]) == 0xBD)) {
      // U+FF01–U+FF5E are EF BC 81–BF and EF BD 80–9E; each is its ASCII character + 0xFEE0.
      const unsigned code = 0xFF00u + ((static_cast<unsigned char>(in[i + 1]) & 0x03u) << 6) +
                            (static_cast<unsigned char>(in[i + 2]) & 0x3Fu);
      if (code < 0xFF01 || code > 0xFF5E) {
        bad = true;
        return "";
      }
      char a = static_cast<char>(code - 0xFEE0);
      if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
      out += a;
      i += 3;
    } else {
      bad = true;
      return "";
    }
  }
  // "ext", "ext." and "x" mean '#'.
  std::string result;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 3, "ext") == 0) {
      result += '#';
      i += 2;
      if (i + 1 < out.size() && out[i + 1] == '.') ++i;
    } else if (out[i] == 'x') {
      result += '#';
    } else {
      result += out[i];
    }
  }
  return result;
}

std::string example(const AreaCode& area) {
  return std::string(area.code) + "-" + std::string("23456789").substr(0, area.lengths.back());
}

PhoneCheck refused(std::string why) { return {"", std::move(why)}; }

}  // namespace

PhoneCheck check_phone(std::string_view typed) {
  bool bad = false;
  const std::string text = to_ascii(typed, bad);
  const std::string kOnly = "電話號碼只能包含數字、空白、-、括號與分機（例如 03-4512345#123）。";
  if (bad) return refused(kOnly);

  const auto hash = text.find('#');
  const std::string main = text.substr(0, hash);
  std::string extension;
  if (hash != std::string::npos) {
    for (const char c : text.substr(hash + 1)) {
      if (c == '#') return refused("分機只能有一組，請寫成「03-4512345#123」。");
      if (is_digit(c)) {
        extension += c;
      } else if (c != ' ' && c != '-' && c != '.') {
        return refused("分機只能是數字（例如 03-4512345#123）。");
      }
    }
    if (extension.empty())
      return refused("「#」或「分機」之後請填分機號碼（例如 03-4512345#123）。");
    if (extension.size() > 6) return refused("分機最多 6 碼，請再確認。");
  }

  std::string digits;
  bool international = false;
  for (std::size_t i = 0; i < main.size(); ++i) {
    const char c = main[i];
    if (is_digit(c)) {
      digits += c;
    } else if (c == '+' && digits.empty() && !international) {
      international = true;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return refused(kOnly);
    }
  }
  if (digits.empty()) return refused("請輸入電話號碼（例如 0912-345-678 或 03-4512345）。");
  // +886 3 4512345, 886-912-345-678 and +886 (0)3 4512345 all mean the number with its 0.
  if (international || (digits.size() >= 10 && starts_with(digits, "886"))) {
    if (!starts_with(digits, "886"))
      return refused("國際電話只接受臺灣的 +886，請改填國內號碼（例如 03-4512345）。");
    digits = digits.substr(3);
    if (!starts_with(digits, "0")) digits = "0" + digits;
  }

  if (starts_with(digits, "09")) {
    if (digits.size() != 10)
      return refused("手機號碼是 09 開頭的 10 碼數字（例如 0912-345-678），請再確認。");
    if (!extension.empty()) return refused("手機號碼不能加分機。");
    return {digits.substr(0, 4) + "-" + digits.substr(4, 3) + "-" + digits.substr(7), ""};
  }
  if (!starts_with(digits, "0")) {
    return refused(
        "市話請加上區碼（例如 03-4512345）；手機號碼請以 09 開頭（例如 0912-345-678）。");
  }
  for (const auto& area : area_codes()) {
    if (!starts_with(digits, area.code)) continue;
    const std::string subscriber = digits.substr(std::string_view(area.code).size());
    bool length_ok = false;
    for (const auto n : area.lengths) length_ok = length_ok || subscriber.size() == n;
    if (!length_ok) {
      std::string lengths;
      for (const auto n : area.lengths)
        lengths += (lengths.empty() ? "" : " 或 ") + std::to_string(n);
      return refused("區碼 " + std::string(area.code) + " 之後應為 " + lengths + " 碼（例如 " +
                     example(area) + "），請再確認。");
    }
    if (subscriber[0] == '0' || subscriber[0] == '1') {
      return refused("區碼之後的電話號碼不會以 0 或 1 開頭（例如 " + example(area) +
                     "），請再確認。");
    }
    return {std::string(area.code) + "-" + subscriber + (extension.empty() ? "" : "#" + extension),
            ""};
  }
  return refused(
      "區碼不正確：市話區碼為 "
      "02、03、037、04、049、05、06、07、08、082、0826、0836、089，手機號碼以 09 開頭。");
}

}  // namespace domain
