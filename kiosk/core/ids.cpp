#include "core/ids.h"

#include <uuid.h>

namespace core {

std::string newUuid() {
    uuid_t id;
    uuid_generate_random(id);
    char out[37];
    uuid_unparse_lower(id, out);
    return out;
}

}  // namespace core
