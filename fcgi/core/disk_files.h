// Whole files on the local disk, read and written so that a reader never sees half of one: the
// signing keys (core/jwt.h) and the uploads of 下載專區.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace core {

std::string path_in(const std::string& dir, const std::string& name);

// Empty optional when the file does not exist; throws std::runtime_error on any other failure.
std::optional<std::string> read_file(const std::string& path);

// Writes to a temporary file (mode 0600) in `dir`, fsyncs it, renames it over `name` and fsyncs
// the directory: afterwards the file is all there, even across a crash. Throws on failure,
// leaving no temporary file behind.
// Makes the creations, renames and removals of files in `dir` durable.
void fsync_dir(const std::string& dir);

void write_file_atomically(const std::string& dir, const std::string& name, std::string_view content);

}  // namespace core
