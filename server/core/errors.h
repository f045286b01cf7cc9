// errors.h — an admin command's refusal, in plain words for the admin. The
// CLI prints it and exits with status 1; nothing was changed.
#pragma once

#include <stdexcept>

namespace district {

class AdminError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace district
