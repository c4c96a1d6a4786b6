// A QR code drawn as SVG on the server (libqrencode), so that enrolling an authenticator app needs
// no script and no third party sees the secret.
#pragma once

#include <string>
#include <string_view>

namespace files {

// An SVG document of `text` as a QR code (error correction M, a four-module quiet zone), each
// module `module_px` pixels. Throws when the text is too long for a QR code.
std::string qr_svg(std::string_view text, int module_px = 6);

}  // namespace files
