// ids.h — identifiers. UUIDs come from libuuid (random, version 4).
#pragma once

#include <string>

namespace core {

std::string newUuid();

}  // namespace core
