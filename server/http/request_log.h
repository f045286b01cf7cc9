// request_log.h — one line per request on stderr: time, method, path, status,
// duration, station id and counts. Never bodies, query values other than the
// cursor, tokens or anything about an elder.
#pragma once

#include <string>

namespace district {

// Per-request notes, kept on the worker thread between routing and the log.
struct RequestNote {
    std::string station_id;
    std::string detail;  // e.g. "ops=500 applied=498 rejected=2"
};

RequestNote& requestNote();       // this thread's current request
void beginRequest();              // clears the note and starts the clock
double requestMillis();           // since beginRequest()

void logLine(const std::string& line);  // timestamped, one write, thread-safe

}  // namespace district
