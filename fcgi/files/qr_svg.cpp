#include "files/qr_svg.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace files {

std::string qr_svg(std::string_view text, int module_px) {
  const std::string input(text);
  std::unique_ptr<QRcode, void (*)(QRcode*)> qr(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!qr) throw std::runtime_error("QRcode_encodeString failed");
  constexpr int kQuiet = 4;
  const int width = qr->width;
  const int size = (width + 2 * kQuiet) * module_px;
  std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(size) + "\" height=\"" + std::to_string(size) + "\" viewBox=\"0 0 " +
                    std::to_string(width + 2 * kQuiet) + " " + std::to_string(width + 2 * kQuiet) +
                    "\" shape-rendering=\"crispEdges\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"";
  // One path of unit squares, a row's dark run at a time, keeps the file small.
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width;) {
      if (!(qr->data[y * width + x] & 1)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < width && (qr->data[y * width + x + run] & 1)) ++run;
      svg += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h" + std::to_string(run) +
             "v1h-" + std::to_string(run) + "z";
      x += run;
    }
  }
  svg += "\"/>\n</svg>\n";
  return svg;
}

}  // namespace files
