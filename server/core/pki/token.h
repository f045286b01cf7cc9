// token.h — station tokens: 48 random hex characters handed out in the
// enrollment bundle; the server keeps only their SHA-256.
#pragma once

#include <string>

namespace district {

std::string newToken();                         // 24 random bytes as hex
std::string sha256Hex(const std::string& data);

}  // namespace district
