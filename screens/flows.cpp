#include "screens/flows.h"

#include <cassert>

namespace screens {

const Flow& flowFor(std::string_view screenId) {
    for (const Flow& f : kFlows)
        if (screenId == f.screenId) return f;
    assert(false && "flowFor(): not a flow screen id; add the flow to kFlows");
    return kFlows.front();
}

}  // namespace screens
