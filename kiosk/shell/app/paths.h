// paths.h — where the kiosk keeps its data.
#pragma once

#include <string>

namespace shell {

// $XDG_DATA_HOME/elder-kiosk if XDG_DATA_HOME is set to an absolute path,
// else $HOME/.local/share/elder-kiosk (the XDG base-directory default).
// Throws std::runtime_error if neither variable is usable.
std::string defaultDataDir();

}  // namespace shell
